// Golden restructures and the invariants of a new schedule version.
import fc from 'fast-check';
import { Money } from '#money';
import { DomainError } from '#platform/errors';
import { loanStanding } from './loan-standing.js';
import { checkRescheduleRequest, planReschedule, type RescheduleInput, rescheduleHolidayWindow, type ScheduledRow } from './reschedule.js';

const m = (s: string) => Money.of(s);
const zero = Money.zero();

const row = (number: number, dueDate: string, principalDue: string, principalPaid = '0', lateFeeDue = '0', lateFeePaid = '0'): ScheduledRow => ({
  id: `i${number}`,
  number,
  scheduleVersion: 1,
  dueDate,
  principalDue: m(principalDue),
  principalPaid: m(principalPaid),
  lateFeeDue: m(lateFeeDue),
  lateFeePaid: m(lateFeePaid),
});

/** Rp3,000,000 over 6 months from 2026-01-15 at 500,000, the first two paid: 2,000,000 left on 4 rows. */
const sixMonths = (): ScheduledRow[] => [
  row(1, '2026-02-15', '500000', '500000'),
  row(2, '2026-03-15', '500000', '500000'),
  row(3, '2026-04-15', '500000'),
  row(4, '2026-05-15', '500000'),
  row(5, '2026-06-15', '500000'),
  row(6, '2026-07-15', '500000'),
];

const base: RescheduleInput = {
  outstandingPrincipal: m('2000000'),
  terms: { frequency: 'MONTHLY', roundingUnit: '1000.00', roundingMode: 'UP', remainderPlacement: 'LAST', moveDueDatesOffHolidays: false },
  installments: sixMonths(),
  latestVersion: 1,
  newTenor: 4,
  businessDate: '2026-04-01',
  holidays: new Set(),
};

const plan = (over: Partial<RescheduleInput>) => planReschedule({ ...base, ...over });
const rows = (p: ReturnType<typeof planReschedule>) =>
  p.installments.map((i) => [i.number, i.dueDate, i.principalDue.toString(), i.lateFeeDue.toString()]);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
}

describe('planReschedule: golden restructures', () => {
  it('2,000,000 remaining over 4 at unit 1,000 UP: 4 x 500,000, monthly from one period after the business date, numbered on from the paid rows', () => {
    const p = plan({});
    expect(p.supersededIds).toEqual(['i3', 'i4', 'i5', 'i6']);
    expect(p.scheduleVersion).toBe(2);
    expect(rows(p)).toEqual([
      [3, '2026-05-01', '500000.00', '0.00'],
      [4, '2026-06-01', '500000.00', '0.00'],
      [5, '2026-07-01', '500000.00', '0.00'],
      [6, '2026-08-01', '500000.00', '0.00'],
    ]);
  });

  it("uses the loan's rounding: 2,000,000 over 3 at unit 1,000 UP is 667,000 + 667,000 + 666,000; HALF_UP with the remainder FIRST is 666,000 + 667,000 x 2", () => {
    expect(rows(plan({ newTenor: 3 })).map((r) => r[2])).toEqual(['667000.00', '667000.00', '666000.00']);
    const halfUp = plan({ newTenor: 3, terms: { ...base.terms, roundingMode: 'HALF_UP', remainderPlacement: 'FIRST' } });
    expect(rows(halfUp).map((r) => r[2])).toEqual(['666000.00', '667000.00', '667000.00']);
  });

  it('folds an overdue installment in: days past due restart from the new first due date', () => {
    // On 2026-04-20 installment 3 (due 2026-04-15) is 5 days overdue.
    const before = loanStanding(base.installments, '2026-04-20', 'BANK');
    expect(before.daysPastDue).toBe(5);
    const p = plan({ businessDate: '2026-04-20', firstDueDate: '2026-05-10' });
    expect(p.supersededIds).toContain('i3');
    expect(rows(p).map((r) => r[1])).toEqual(['2026-05-10', '2026-06-10', '2026-07-10', '2026-08-10']);
    const current = [...base.installments.filter((i) => !p.supersededIds.includes(i.id)), ...p.installments.map((i) => ({ ...i, principalPaid: zero, lateFeePaid: zero }))];
    expect(loanStanding(current, '2026-04-20', 'BANK')).toMatchObject({ daysPastDue: 0, collectibility: 1, nextDueDate: '2026-05-10' });
  });

  it('supersedes a partly paid row whole and spreads only its unpaid rest', () => {
    const installments = [...sixMonths()];
    installments[2] = row(3, '2026-04-15', '500000', '200000');
    const p = plan({ installments, outstandingPrincipal: m('1800000'), newTenor: 2 });
    expect(p.supersededIds).toEqual(['i3', 'i4', 'i5', 'i6']);
    expect(rows(p)).toEqual([
      [3, '2026-05-01', '900000.00', '0.00'],
      [4, '2026-06-01', '900000.00', '0.00'],
    ]);
  });

  it('carries unpaid late fees onto the first new installment', () => {
    const installments = [...sixMonths()];
    installments[2] = row(3, '2026-04-15', '500000', '0', '25000', '5000');
    installments[3] = row(4, '2026-05-15', '500000', '0', '25000');
    const p = plan({ installments });
    expect(p.carriedLateFees.toString()).toBe('45000.00');
    expect(rows(p).map((r) => r[3])).toEqual(['45000.00', '0.00', '0.00', '0.00']);
  });

  it('a row paid in principal but owing a late fee is still open and is superseded', () => {
    const installments = [...sixMonths()];
    installments[1] = row(2, '2026-03-15', '500000', '500000', '25000');
    const p = plan({ installments });
    expect(p.supersededIds).toEqual(['i2', 'i3', 'i4', 'i5', 'i6']);
    expect(p.installments[0]).toMatchObject({ number: 2 });
    expect(p.carriedLateFees.toString()).toBe('25000.00');
  });

  it('moves dates off weekends and holidays when the terms say so', () => {
    // 2026-05-01 is Hari Buruh (a Friday): the first installment moves to Monday 2026-05-04.
    const p = plan({ terms: { ...base.terms, moveDueDatesOffHolidays: true }, holidays: new Set(['2026-05-01']) });
    expect(rows(p).map((r) => r[1])).toEqual(['2026-05-04', '2026-06-01', '2026-07-01', '2026-08-03']);
  });

  it('weekly terms schedule weekly from the first due date; a first due date on the business date is allowed', () => {
    const p = plan({ terms: { ...base.terms, frequency: 'WEEKLY' }, firstDueDate: '2026-04-01' });
    expect(rows(p).map((r) => r[1])).toEqual(['2026-04-01', '2026-04-08', '2026-04-15', '2026-04-22']);
  });

  it('restarts at number 1 when nothing was paid, one version after the latest', () => {
    const installments = sixMonths().map((i) => ({ ...i, principalPaid: zero }));
    const p = plan({ installments, outstandingPrincipal: m('3000000'), newTenor: 6, latestVersion: 3 });
    expect(p.installments.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(p.scheduleVersion).toBe(4);
  });
});

describe('planReschedule: refusals', () => {
  it('FIRST_DUE_DATE_IN_PAST for a first due date before the business date', () => {
    expect(codeOf(() => plan({ firstDueDate: '2026-03-31' }))).toBe('FIRST_DUE_DATE_IN_PAST');
    expect(codeOf(() => checkRescheduleRequest({ newTenor: 4, firstDueDate: '2026-03-31' }, '2026-04-01'))).toBe('FIRST_DUE_DATE_IN_PAST');
    expect(codeOf(() => checkRescheduleRequest({ newTenor: 4, firstDueDate: '2026-04-01' }, '2026-04-01'))).toBeUndefined();
  });

  it("SCHEDULE_UNIT_TOO_LARGE when the loan's unit leaves an installment at zero", () => {
    expect(codeOf(() => plan({ outstandingPrincipal: m('1500'), installments: [row(1, '2026-04-15', '1500')], newTenor: 4 }))).toBe('SCHEDULE_UNIT_TOO_LARGE');
  });

  it('NOTHING_TO_RESCHEDULE when nothing is outstanding', () => {
    const installments = sixMonths().map((i) => ({ ...i, principalPaid: i.principalDue }));
    expect(codeOf(() => plan({ installments, outstandingPrincipal: zero }))).toBe('NOTHING_TO_RESCHEDULE');
  });

  it('a balance that disagrees with the schedule is a defect, not a refusal', () => {
    expect(() => plan({ outstandingPrincipal: m('1999000') })).toThrow(/differs from the schedule/);
  });
});

describe('rescheduleHolidayWindow', () => {
  it('covers the new schedule and 366 days beyond its last unmoved date', () => {
    expect(rescheduleHolidayWindow({ newTenor: 4 }, { frequency: 'MONTHLY' }, '2026-04-01')).toEqual({ from: '2026-04-01', to: '2027-08-02' });
    expect(rescheduleHolidayWindow({ newTenor: 1, firstDueDate: '2026-05-10' }, { frequency: 'MONTHLY' }, '2026-04-01')).toEqual({ from: '2026-05-09', to: '2027-05-11' });
  });
});

describe('planReschedule: invariants', () => {
  // A schedule of 1-24 rows of whole thousands, the first `paid` of them paid in full and the next one possibly in part.
  const scenario = fc
    .record({
      amounts: fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 24 }),
      paidRows: fc.nat({ max: 24 }),
      partThousands: fc.nat({ max: 5000 }),
      newTenor: fc.integer({ min: 1, max: 36 }),
      unit: fc.constantFrom('1', '100', '500', '1000'),
      mode: fc.constantFrom('UP' as const, 'HALF_UP' as const),
      placement: fc.constantFrom('LAST' as const, 'FIRST' as const),
    })
    .map((s) => {
      const paid = Math.min(s.paidRows, s.amounts.length - 1);
      const installments = s.amounts.map((a, k) => {
        const due = BigInt(a) * 1000n;
        const paidPart = k < paid ? due : k === paid ? BigInt(Math.min(s.partThousands, a - 1)) * 1000n : 0n;
        const dueDate = `${2026 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-10`;
        return row(k + 1, dueDate, due.toString(), paidPart.toString());
      });
      const outstanding = Money.sum(installments.map((i) => i.principalDue.minus(i.principalPaid)));
      return { ...s, installments, outstanding };
    });

  it('the new rows sum to the outstanding principal, kept and new numbers never clash, every open row is superseded', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        let p;
        try {
          p = plan({
            installments: s.installments,
            outstandingPrincipal: s.outstanding,
            newTenor: s.newTenor,
            terms: { ...base.terms, roundingUnit: s.unit, roundingMode: s.mode, remainderPlacement: s.placement },
            businessDate: '2026-01-01',
          });
        } catch (e) {
          // Too many installments for too little money at this unit: the engine's documented refusal.
          expect(e instanceof DomainError && e.code === 'SCHEDULE_UNIT_TOO_LARGE').toBe(true);
          return;
        }
        expect(Money.sum(p.installments.map((i) => i.principalDue)).eq(s.outstanding)).toBe(true);
        expect(p.installments).toHaveLength(s.newTenor);
        const kept = s.installments.filter((i) => !p.supersededIds.includes(i.id));
        expect(kept.every((i) => i.principalPaid.eq(i.principalDue))).toBe(true);
        const numbers = [...kept.map((i) => i.number), ...p.installments.map((i) => i.number)];
        expect(new Set(numbers).size).toBe(numbers.length);
        const dates = p.installments.map((i) => i.dueDate);
        expect([...dates].sort()).toEqual(dates);
        expect(new Set(dates).size).toBe(dates.length);
      }),
    );
  });
});
