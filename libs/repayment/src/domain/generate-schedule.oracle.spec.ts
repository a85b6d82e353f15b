// "Done means" (issue 3): the engine agrees, to the rupiah and the day, with an independent
// implementation of api.md's schedule rules. The oracle below shares nothing with the engine: its own
// civil-date arithmetic on plain integers (days since 1970-01-01), its own rounding on bigint sen, no
// js-joda, no splitInstallments, no Money arithmetic.
import fc from 'fast-check';
import { Money } from '#money';
import { DomainError } from '#platform/errors';
import { generateSchedule, type ScheduleInput } from './generate-schedule.js';

// ---- The oracle ---------------------------------------------------------------------------------------

type Ymd = { y: number; m: number; d: number };

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number) => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/** Howard Hinnant's days_from_civil: days since 1970-01-01 of a proleptic Gregorian date. */
function toDays({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDays(z0: number): Ymd {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const fmt = ({ y, m, d }: Ymd) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
const parseYmd = (s: string): Ymd => {
  const [y, m, d] = s.split('-').map((p) => parseInt(p, 10));
  return { y, m, d };
};
/** 0 = Sunday ... 6 = Saturday; 1970-01-01 was a Thursday. */
const weekday = (days: number) => (((days % 7) + 7 + 4) % 7);

function plusMonths({ y, m, d }: Ymd, months: number): Ymd {
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return { y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) };
}

function dueDay(anchor: Ymd, frequency: string, periods: number): number {
  if (frequency === 'MONTHLY') return toDays(plusMonths(anchor, periods));
  return toDays(anchor) + periods * (frequency === 'WEEKLY' ? 7 : 14);
}

const toSen = (s: string): bigint => {
  const [whole, frac = ''] = s.split('.');
  return BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
};
const senText = (sen: bigint) => `${sen / 100n}.${pad(parseInt((sen % 100n).toString(), 10), 2)}`;

interface OracleCase {
  principal: string;
  tenor: number;
  frequency: 'MONTHLY' | 'BIWEEKLY' | 'WEEKLY';
  unit: string;
  mode: 'UP' | 'HALF_UP';
  placement: 'LAST' | 'FIRST';
  grace: number;
  move: boolean;
  disbursementDate: string;
  firstDueDate?: string;
  holidays: string[];
}

type Row = { number: number; dueDate: string; principal: string };

function oracle(c: OracleCase): { rows: Row[] } | { code: string } {
  const disbursed = toDays(parseYmd(c.disbursementDate));
  if (c.firstDueDate !== undefined && toDays(parseYmd(c.firstDueDate)) <= disbursed) return { code: 'FIRST_DUE_DATE_NOT_AFTER_DISBURSEMENT' };

  const n = BigInt(c.tenor);
  const total = toSen(c.principal);
  const unit = toSen(c.unit);
  const amounts: bigint[] = [];
  if (c.tenor === 1) amounts.push(total);
  else {
    const q = c.mode === 'UP' ? (total + n * unit - 1n) / (n * unit) : (2n * total + n * unit) / (2n * n * unit);
    const baseSen = q * unit;
    const odd = total - baseSen * (n - 1n);
    if (baseSen <= 0n || odd <= 0n) return { code: 'SCHEDULE_UNIT_TOO_LARGE' };
    for (let k = 0; k < c.tenor; k++) amounts.push(baseSen);
    amounts[c.placement === 'LAST' ? c.tenor - 1 : 0] = odd;
  }

  const holidays = new Set(c.holidays.map((h) => toDays(parseYmd(h))));
  const working = (day: number) => weekday(day) !== 0 && weekday(day) !== 6 && !holidays.has(day);
  const rows: Row[] = [];
  let previous = -Infinity;
  for (let k = 1; k <= c.tenor; k++) {
    let day = c.firstDueDate !== undefined ? dueDay(parseYmd(c.firstDueDate), c.frequency, k - 1) : dueDay(parseYmd(c.disbursementDate), c.frequency, c.grace + k);
    if (c.move) {
      while (!working(day)) day++;
      if (day <= previous) {
        day = previous + 1;
        while (!working(day)) day++;
      }
    }
    previous = day;
    rows.push({ number: k, dueDate: fmt(fromDays(day)), principal: senText(amounts[k - 1]) });
  }
  return { rows };
}

// ---- The engine, seen the same way --------------------------------------------------------------------

function engine(c: OracleCase): { rows: Row[] } | { code: string } {
  const input: ScheduleInput = {
    principal: Money.of(c.principal),
    tenor: c.tenor,
    frequency: c.frequency,
    roundingUnit: Money.of(c.unit),
    roundingMode: c.mode,
    remainderPlacement: c.placement,
    principalGracePeriods: c.grace,
    moveDueDatesOffHolidays: c.move,
    disbursementDate: c.disbursementDate,
    firstDueDate: c.firstDueDate,
    holidays: new Set(c.holidays),
  };
  try {
    return { rows: generateSchedule(input).map((i) => ({ number: i.number, dueDate: i.dueDate, principal: i.principal.toString() })) };
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code };
    throw e;
  }
}

// ---- Cases --------------------------------------------------------------------------------------------

// Years around 2000 (leap, divisible by 400) and 2100 (not leap), days biased to month ends.
const civilDate = fc
  .record({
    y: fc.oneof(fc.integer({ min: 1998, max: 2002 }), fc.integer({ min: 2023, max: 2030 }), fc.integer({ min: 2097, max: 2101 })),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constantFrom(28, 29, 30, 31)),
  })
  .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysInMonth(y, m)) }));

// Whole rupiah mostly; small amounts make units too large; sen now and then.
const principal = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1_000_000, max: 100_000_000 }).map(String) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 300_000 }).map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: 1n, max: 10_000_000_000n }).map(senText) },
);

const caseArb = fc
  .record({
    principal,
    tenor: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 13, max: 60 })),
    frequency: fc.constantFrom('MONTHLY' as const, 'BIWEEKLY' as const, 'WEEKLY' as const),
    unit: fc.constantFrom('1', '100', '500', '1000', '5000'),
    mode: fc.constantFrom('UP' as const, 'HALF_UP' as const),
    placement: fc.constantFrom('LAST' as const, 'FIRST' as const),
    grace: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 })),
    move: fc.boolean(),
    disbursed: civilDate,
    // Sometimes on or before the disbursement date, so that both must refuse it.
    firstDue: fc.option(fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: -5, max: 0 }), fc.constant('month-end' as const)), { nil: undefined }),
    // Runs of consecutive holidays, some long enough to collide weekly installments.
    holidayRuns: fc.array(fc.record({ start: fc.integer({ min: 0, max: 1900 }), length: fc.integer({ min: 1, max: 9 }) }), { maxLength: 40 }),
  })
  .map((r): OracleCase => {
    const d0 = toDays(r.disbursed);
    let firstDueDate: string | undefined;
    if (r.firstDue === 'month-end') {
      const next = plusMonths({ ...r.disbursed, d: 1 }, 1);
      firstDueDate = fmt({ ...next, d: daysInMonth(next.y, next.m) });
    } else if (r.firstDue !== undefined) firstDueDate = fmt(fromDays(d0 + r.firstDue));
    const holidays = [...new Set(r.holidayRuns.flatMap(({ start, length }) => Array.from({ length }, (_, i) => fmt(fromDays(d0 + start + i)))))];
    return {
      principal: r.principal,
      tenor: r.tenor,
      frequency: r.frequency,
      unit: r.unit,
      mode: r.mode,
      placement: r.placement,
      grace: r.grace,
      move: r.move,
      disbursementDate: fmt(r.disbursed),
      firstDueDate,
      holidays,
    };
  });

describe('generateSchedule against an independent oracle', () => {
  it('oracle self-check: civil-date arithmetic round-trips and knows the leap rules', () => {
    for (let z = toDays({ y: 1899, m: 12, d: 25 }); z < toDays({ y: 2101, m: 1, d: 10 }); z += 17) expect(toDays(fromDays(z))).toBe(z);
    expect(fmt(fromDays(0))).toBe('1970-01-01');
    expect(weekday(toDays({ y: 2026, m: 3, d: 21 }))).toBe(6); // a Saturday
    expect(fmt(plusMonths({ y: 2000, m: 1, d: 31 }, 1))).toBe('2000-02-29');
    expect(fmt(plusMonths({ y: 2100, m: 1, d: 31 }, 1))).toBe('2100-02-28');
    expect(senText(toSen('1000000'))).toBe('1000000.00');
    expect(senText(toSen('12.5'))).toBe('12.50');
  });

  it('agrees with the engine to the rupiah and the day over 1,000 generated cases', () => {
    const seen = { total: 0, schedules: 0, unitTooLarge: 0, firstDueRefused: 0, first: 0, halfUp: 0, weekly: 0, biweekly: 0, grace: 0, firstDue: 0, feb29: 0, clamped: 0, moved: 0 };
    fc.assert(
      fc.property(caseArb, (c) => {
        const want = oracle(c);
        const got = engine(c);
        expect(got).toEqual(want);
        seen.total++;
        if ('code' in want) {
          if (want.code === 'SCHEDULE_UNIT_TOO_LARGE') seen.unitTooLarge++;
          else seen.firstDueRefused++;
          return;
        }
        seen.schedules++;
        if (c.placement === 'FIRST' && c.tenor > 1) seen.first++;
        if (c.mode === 'HALF_UP' && c.tenor > 1) seen.halfUp++;
        if (c.frequency === 'WEEKLY') seen.weekly++;
        if (c.frequency === 'BIWEEKLY') seen.biweekly++;
        if (c.grace > 0 && !c.firstDueDate) seen.grace++;
        if (c.firstDueDate) seen.firstDue++;
        if (want.rows.some((r) => r.dueDate.endsWith('-02-29'))) seen.feb29++;
        const anchorDay = parseYmd(c.firstDueDate ?? c.disbursementDate).d;
        if (c.frequency === 'MONTHLY' && anchorDay > 28 && want.rows.some((r) => parseYmd(r.dueDate).d < anchorDay)) seen.clamped++;
        if (c.move && JSON.stringify(oracle({ ...c, move: false })) !== JSON.stringify(want)) seen.moved++;
      }),
      { numRuns: 1000 },
    );
    // The cases must actually cover what "Done means" names, not just pass.
    for (const [what, count] of Object.entries(seen)) expect([what, count > 5]).toEqual([what, true]);
  });
});
