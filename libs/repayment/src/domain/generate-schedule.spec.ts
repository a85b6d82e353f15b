// Golden schedules (domain.md "Money", api.md "Schedule rules") and the engine's invariants.
import fc from 'fast-check';
import { Money } from '#money';
import { DomainError } from '#platform/errors';
import { generateSchedule, holidayWindow, type ScheduleInput } from './generate-schedule.js';

const m = (s: string) => Money.of(s);

const base: ScheduleInput = {
  principal: m('1000000'),
  tenor: 3,
  frequency: 'MONTHLY',
  roundingUnit: m('1000'),
  roundingMode: 'UP',
  remainderPlacement: 'LAST',
  principalGracePeriods: 0,
  moveDueDatesOffHolidays: false,
  disbursementDate: '2026-01-15',
  holidays: new Set(),
};

const run = (over: Partial<ScheduleInput>) => generateSchedule({ ...base, ...over });
const amounts = (over: Partial<ScheduleInput>) => run(over).map((i) => i.principal.toString());
const dates = (over: Partial<ScheduleInput>) => run(over).map((i) => i.dueDate);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
}

// SKB 3 Menteri 2026, the days around Imlek and Idul Fitri.
const HOLIDAYS_2026 = new Set(['2026-02-16', '2026-02-17', '2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24']);

describe('generateSchedule: amounts', () => {
  it('Lumajang: Rp1,000,000 over 12 months at unit 5,000 -> 11 x 85,000 + 65,000, monthly from the disbursement day', () => {
    const s = run({ tenor: 12, roundingUnit: m('5000') });
    expect(s.map((i) => i.principal.toString())).toEqual([...Array<string>(11).fill('85000.00'), '65000.00']);
    expect(s.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(s.map((i) => i.dueDate)).toEqual([
      '2026-02-15', '2026-03-15', '2026-04-15', '2026-05-15', '2026-06-15', '2026-07-15',
      '2026-08-15', '2026-09-15', '2026-10-15', '2026-11-15', '2026-12-15', '2027-01-15',
    ]);
  });

  it('Rp1,000,000 over 3 at unit 1,000: UP -> 334,000 334,000 332,000; HALF_UP -> 333,000 333,000 334,000', () => {
    expect(amounts({})).toEqual(['334000.00', '334000.00', '332000.00']);
    expect(amounts({ roundingMode: 'HALF_UP' })).toEqual(['333000.00', '333000.00', '334000.00']);
  });

  it('FIRST puts the odd installment first', () => {
    expect(amounts({ remainderPlacement: 'FIRST' })).toEqual(['332000.00', '334000.00', '334000.00']);
    expect(amounts({ remainderPlacement: 'FIRST', roundingMode: 'HALF_UP' })).toEqual(['334000.00', '333000.00', '333000.00']);
  });

  it('a single installment is the whole principal, sen included', () => {
    expect(amounts({ tenor: 1, principal: m('1234567.89'), roundingUnit: m('5000') })).toEqual(['1234567.89']);
  });

  it('refuses a unit that leaves an installment at zero or below: 422 SCHEDULE_UNIT_TOO_LARGE', () => {
    // base 5,000 x 2 = 10,000 leaves 0 for the last
    expect(codeOf(() => run({ principal: m('10000'), roundingUnit: m('5000') }))).toBe('SCHEDULE_UNIT_TOO_LARGE');
    expect(codeOf(() => run({ principal: m('10000'), roundingUnit: m('5000'), roundingMode: 'HALF_UP', remainderPlacement: 'FIRST' }))).toBe(
      'SCHEDULE_UNIT_TOO_LARGE',
    );
    // base 5,000 x 11 = 55,000 > 50,000
    expect(codeOf(() => run({ principal: m('50000'), tenor: 12, roundingUnit: m('5000') }))).toBe('SCHEDULE_UNIT_TOO_LARGE');
    // HALF_UP rounds 2,000 / 3 to a base of 0
    expect(codeOf(() => run({ principal: m('2000'), roundingUnit: m('5000'), roundingMode: 'HALF_UP' }))).toBe('SCHEDULE_UNIT_TOO_LARGE');
    const e = (() => {
      try {
        run({ principal: m('10000'), roundingUnit: m('5000') });
      } catch (err) {
        return err as DomainError;
      }
    })();
    expect(e).toMatchObject({ kind: 'UNPROCESSABLE', extensions: { principal: '10000.00', tenor: 3, roundingUnit: '5000.00' } });
  });
});

describe('generateSchedule: due dates', () => {
  it('clamps a month-end anchor to each month and computes every date from the anchor: Jan 31 -> Feb 28 -> Mar 31', () => {
    expect(dates({ disbursementDate: '2025-12-31', tenor: 4 })).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(dates({ disbursementDate: '2026-01-31' })).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
  });

  it('uses Feb 29 in a leap year', () => {
    expect(dates({ disbursementDate: '2024-01-31' })).toEqual(['2024-02-29', '2024-03-31', '2024-04-30']);
    expect(dates({ disbursementDate: '2024-02-29', tenor: 13 }).slice(-2)).toEqual(['2025-02-28', '2025-03-29']);
    expect(dates({ disbursementDate: '2099-12-30', tenor: 2 })).toEqual(['2100-01-30', '2100-02-28']);
  });

  it('weekly and biweekly are 7 and 14 days per period', () => {
    expect(dates({ frequency: 'WEEKLY', disbursementDate: '2026-01-05' })).toEqual(['2026-01-12', '2026-01-19', '2026-01-26']);
    expect(dates({ frequency: 'BIWEEKLY', disbursementDate: '2026-12-20' })).toEqual(['2027-01-03', '2027-01-17', '2027-01-31']);
  });

  it('starts after the grace periods: installment k is due at period g + k', () => {
    expect(dates({ principalGracePeriods: 2, disbursementDate: '2026-01-10' })).toEqual(['2026-04-10', '2026-05-10', '2026-06-10']);
    expect(dates({ principalGracePeriods: 1, frequency: 'WEEKLY', disbursementDate: '2026-01-05' })).toEqual(['2026-01-19', '2026-01-26', '2026-02-02']);
  });

  it('with a first due date F, installment k is due at F + (k - 1) periods, anchored on F, grace ignored', () => {
    expect(dates({ firstDueDate: '2026-02-28', principalGracePeriods: 2, disbursementDate: '2026-01-10' })).toEqual([
      '2026-02-28',
      '2026-03-28',
      '2026-04-28',
    ]);
    expect(dates({ firstDueDate: '2026-01-31', disbursementDate: '2026-01-10' })).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    expect(dates({ firstDueDate: '2026-01-20', frequency: 'BIWEEKLY', disbursementDate: '2026-01-10' })).toEqual(['2026-01-20', '2026-02-03', '2026-02-17']);
  });

  it('refuses a first due date on or before the disbursement date', () => {
    expect(codeOf(() => run({ firstDueDate: '2026-01-15' }))).toBe('FIRST_DUE_DATE_NOT_AFTER_DISBURSEMENT');
    expect(codeOf(() => run({ firstDueDate: '2026-01-14' }))).toBe('FIRST_DUE_DATE_NOT_AFTER_DISBURSEMENT');
  });

  it('moves a due date on a weekend or holiday to the next working day, across a weekend and holidays in a row', () => {
    const move = { moveDueDatesOffHolidays: true, holidays: HOLIDAYS_2026 };
    // Fri 20 Mar (cuti bersama), Sat 21 and Sun 22 (Idul Fitri), Mon 23 and Tue 24 (cuti bersama) -> Wed 25 Mar.
    expect(dates({ ...move, disbursementDate: '2026-02-20', tenor: 2 })).toEqual(['2026-03-25', '2026-04-20']);
    // Sat 14 Feb -> Mon 16 (cuti bersama Imlek) -> Tue 17 (Imlek) -> Wed 18 Feb; later dates keep the anchor's day.
    expect(dates({ ...move, disbursementDate: '2026-01-14', tenor: 3 })).toEqual(['2026-02-18', '2026-03-16', '2026-04-14']);
    // A plain Sunday with no holiday: Sun 1 Feb 2026 -> Mon 2 Feb.
    expect(dates({ ...move, disbursementDate: '2026-01-01', tenor: 1 })).toEqual(['2026-02-02']);
  });

  it('leaves dates on holidays alone when the product does not move them, whatever the holiday set', () => {
    expect(dates({ holidays: HOLIDAYS_2026, disbursementDate: '2026-02-20', tenor: 2 })).toEqual(['2026-03-20', '2026-04-20']);
  });

  it('moves a first due date on a holiday too', () => {
    expect(dates({ moveDueDatesOffHolidays: true, holidays: HOLIDAYS_2026, firstDueDate: '2026-03-19', disbursementDate: '2026-02-01', tenor: 1 })).toEqual([
      '2026-03-25',
    ]);
  });

  it('never puts two installments on one date when holidays fill a whole week (weekly loans)', () => {
    const week = new Set(['2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15', '2026-01-16', '2026-01-19']);
    // Mon 12 moves past the week and Mon 19 to Tue 20; Mon 19 is then taken, so installment 2 goes to Wed 21.
    expect(dates({ moveDueDatesOffHolidays: true, holidays: week, frequency: 'WEEKLY', disbursementDate: '2026-01-05', tenor: 3 })).toEqual([
      '2026-01-20',
      '2026-01-21',
      '2026-01-26',
    ]);
  });
});

describe('generateSchedule: malformed input', () => {
  it('refuses a tenor below 1 or not whole: 422 TENOR_OUT_OF_RANGE', () => {
    expect(codeOf(() => run({ tenor: 0 }))).toBe('TENOR_OUT_OF_RANGE');
    expect(codeOf(() => run({ tenor: 2.5 }))).toBe('TENOR_OUT_OF_RANGE');
  });

  it('refuses a date that is not a calendar date with a validation error naming the field', () => {
    expect(codeOf(() => run({ disbursementDate: '2026-02-30' }))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => run({ firstDueDate: '20260301' }))).toBe('VALIDATION_FAILED');
    try {
      run({ firstDueDate: '2026-13-01' });
    } catch (e) {
      expect((e as DomainError).fieldErrors).toEqual([expect.objectContaining({ field: 'firstDueDate' })]);
    }
    expect.assertions(3);
  });

  it('refuses a principal that is not positive, and negative grace', () => {
    expect(codeOf(() => run({ principal: Money.zero() }))).toBe('AMOUNT_OUT_OF_RANGE');
    expect(codeOf(() => run({ principalGracePeriods: -1 }))).toBe('SCHEDULE_INVALID_TERMS');
  });

  it('treats a null first due date as none', () => {
    expect(dates({ firstDueDate: null as unknown as undefined })).toEqual(['2026-02-15', '2026-03-15', '2026-04-15']);
  });
});

describe('holidayWindow', () => {
  it('covers the disbursement date to well past the last unmoved due date', () => {
    expect(holidayWindow({ ...base, tenor: 12, principalGracePeriods: 1 })).toEqual({ from: '2026-01-15', to: '2028-02-16' });
    expect(holidayWindow({ ...base, frequency: 'WEEKLY', firstDueDate: '2026-01-20' })).toEqual({ from: '2026-01-15', to: '2027-02-04' });
  });
});

// ---- Invariants -------------------------------------------------------------------------------------

const UNITS = ['1', '100', '500', '1000', '5000'];

const day = fc.integer({ min: 0, max: 200 * 366 }).map((n) => {
  const d = new Date(Date.UTC(1950, 0, 1) + n * 86_400_000);
  return d.toISOString().slice(0, 10);
});

const input = fc.record({
  principal: fc.bigInt({ min: 1n, max: 100_000_000_000n }).map((sen) => Money.fromSen(sen)),
  tenor: fc.integer({ min: 1, max: 60 }),
  frequency: fc.constantFrom('MONTHLY' as const, 'BIWEEKLY' as const, 'WEEKLY' as const),
  roundingUnit: fc.constantFrom(...UNITS).map(m),
  roundingMode: fc.constantFrom('UP' as const, 'HALF_UP' as const),
  remainderPlacement: fc.constantFrom('LAST' as const, 'FIRST' as const),
  principalGracePeriods: fc.integer({ min: 0, max: 6 }),
  moveDueDatesOffHolidays: fc.boolean(),
  disbursementDate: day,
  firstDueInDays: fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }),
  holidayOffsets: fc.uniqueArray(fc.integer({ min: 0, max: 2000 }), { maxLength: 80 }),
});

const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function build(c: {
  principal: Money;
  tenor: number;
  frequency: 'MONTHLY' | 'BIWEEKLY' | 'WEEKLY';
  roundingUnit: Money;
  roundingMode: 'UP' | 'HALF_UP';
  remainderPlacement: 'LAST' | 'FIRST';
  principalGracePeriods: number;
  moveDueDatesOffHolidays: boolean;
  disbursementDate: string;
  firstDueInDays?: number;
  holidayOffsets: number[];
}): ScheduleInput {
  const { firstDueInDays, holidayOffsets, ...rest } = c;
  return {
    ...rest,
    firstDueDate: firstDueInDays === undefined ? undefined : plusDays(c.disbursementDate, firstDueInDays),
    holidays: new Set(holidayOffsets.map((n) => plusDays(c.disbursementDate, n))),
  };
}

describe('generateSchedule: properties', () => {
  it('installments sum to the principal, are all positive, numbered 1..tenor, due strictly after each other and after disbursement', () => {
    fc.assert(
      fc.property(input, (c) => {
        const i = build(c);
        let s;
        try {
          s = generateSchedule(i);
        } catch (e) {
          // The only refusal valid terms can meet.
          expect(e).toBeInstanceOf(DomainError);
          expect((e as DomainError).code).toBe('SCHEDULE_UNIT_TOO_LARGE');
          return;
        }
        expect(s).toHaveLength(i.tenor);
        expect(Money.sum(s.map((x) => x.principal)).eq(i.principal)).toBe(true);
        expect(s.every((x, k) => x.principal.isPositive() && x.number === k + 1)).toBe(true);
        expect(s[0].dueDate > i.disbursementDate).toBe(true);
        for (let k = 1; k < s.length; k++) expect(s[k].dueDate > s[k - 1].dueDate).toBe(true);
        if (i.moveDueDatesOffHolidays) {
          for (const x of s) {
            expect(i.holidays.has(x.dueDate)).toBe(false);
            expect([0, 6]).not.toContain(new Date(`${x.dueDate}T00:00:00Z`).getUTCDay());
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('refuses exactly when the rounded base leaves an installment at or below zero', () => {
    fc.assert(
      fc.property(input, (c) => {
        const i = build(c);
        const unitSen = i.roundingUnit.toSen();
        const total = i.principal.toSen();
        const n = BigInt(i.tenor);
        const q = i.roundingMode === 'UP' ? (total + n * unitSen - 1n) / (n * unitSen) : (2n * total + n * unitSen) / (2n * n * unitSen);
        const baseSen = q * unitSen;
        const tooLarge = i.tenor > 1 && (baseSen <= 0n || total - baseSen * (n - 1n) <= 0n);
        expect(codeOf(() => generateSchedule(i)) === 'SCHEDULE_UNIT_TOO_LARGE').toBe(tooLarge);
      }),
      { numRuns: 300 },
    );
  });
});
