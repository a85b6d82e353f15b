// Golden cases of a loan's standing on a business date, and the invariants between its figures.
import fc from 'fast-check';
import { Money } from '#money';
import { classifyCollectibility, COLLECTIBILITIES, COLLECTIBILITY_TABLES, collectibilityBand } from './classify-collectibility.js';
import { daysBetween, type InstallmentAmounts, installmentStatus, loanStanding, oldestUnpaidDueDateRange } from './loan-standing.js';

const m = (s: string) => Money.of(s);
const zero = Money.zero();

/** Rp1,000,000 over 3 months from 2026-01-15: 334,000 334,000 332,000 due Feb 15, Mar 15, Apr 15. */
const schedule = (): InstallmentAmounts[] => [
  { dueDate: '2026-02-15', principalDue: m('334000'), principalPaid: zero, lateFeeDue: zero, lateFeePaid: zero },
  { dueDate: '2026-03-15', principalDue: m('334000'), principalPaid: zero, lateFeeDue: zero, lateFeePaid: zero },
  { dueDate: '2026-04-15', principalDue: m('332000'), principalPaid: zero, lateFeeDue: zero, lateFeePaid: zero },
];

const view = (s: ReturnType<typeof loanStanding>) => ({
  overdueAmount: s.overdueAmount.toString(),
  daysPastDue: s.daysPastDue,
  collectibility: s.collectibility,
  nextDueDate: s.nextDueDate,
  nextDueAmount: s.nextDueAmount?.toString() ?? null,
});

describe('loanStanding', () => {
  it('on the disbursement day: nothing overdue, Kol 1, the first installment next', () => {
    expect(view(loanStanding(schedule(), '2026-01-15', 'BANK'))).toEqual({
      overdueAmount: '0.00',
      daysPastDue: 0,
      collectibility: 1,
      nextDueDate: '2026-02-15',
      nextDueAmount: '334000.00',
    });
  });

  it('on a due date the installment is due, not yet overdue', () => {
    expect(view(loanStanding(schedule(), '2026-02-15', 'BANK'))).toMatchObject({ overdueAmount: '0.00', daysPastDue: 0, nextDueDate: '2026-02-15' });
  });

  it('the day after an unpaid due date: one day past due, Kol 2 on the bank table, Kol 1 on the BPR table', () => {
    expect(view(loanStanding(schedule(), '2026-02-16', 'BANK'))).toEqual({
      overdueAmount: '334000.00',
      daysPastDue: 1,
      collectibility: 2,
      nextDueDate: '2026-03-15',
      nextDueAmount: '334000.00',
    });
    expect(loanStanding(schedule(), '2026-02-16', 'BPR').collectibility).toBe(1);
  });

  it('counts days from the oldest unpaid installment, over month ends (Feb 15 -> May 20 is 94 days: Kol 3)', () => {
    expect(view(loanStanding(schedule(), '2026-05-20', 'BANK'))).toEqual({
      overdueAmount: '1000000.00',
      daysPastDue: 94,
      collectibility: 3,
      nextDueDate: null,
      nextDueAmount: null,
    });
  });

  it('a partly paid oldest installment still sets the days past due; only what is unpaid is overdue', () => {
    const s = schedule();
    s[0] = { ...s[0], principalPaid: m('300000') };
    expect(view(loanStanding(s, '2026-03-16', 'BANK'))).toMatchObject({ overdueAmount: '368000.00', daysPastDue: 29 });
  });

  it('a paid oldest installment moves the count to the next unpaid one', () => {
    const s = schedule();
    s[0] = { ...s[0], principalPaid: s[0].principalDue };
    expect(view(loanStanding(s, '2026-03-20', 'BANK'))).toMatchObject({ overdueAmount: '334000.00', daysPastDue: 5, nextDueDate: '2026-04-15' });
  });

  it('includes unpaid late fees in what is overdue and what is next', () => {
    const s = schedule();
    s[0] = { ...s[0], lateFeeDue: m('25000'), lateFeePaid: m('5000') };
    s[1] = { ...s[1], lateFeeDue: m('10000') };
    expect(view(loanStanding(s, '2026-03-01', 'BANK'))).toMatchObject({ overdueAmount: '354000.00', nextDueAmount: '344000.00' });
  });

  it('a fully paid loan stands at zero whatever the date', () => {
    const s = schedule().map((i) => ({ ...i, principalPaid: i.principalDue }));
    expect(view(loanStanding(s, '2030-01-01', 'BANK'))).toEqual({ overdueAmount: '0.00', daysPastDue: 0, collectibility: 1, nextDueDate: null, nextDueAmount: null });
  });

  it('reads installments in any order', () => {
    expect(view(loanStanding([...schedule()].reverse(), '2026-03-20', 'BANK'))).toEqual(view(loanStanding(schedule(), '2026-03-20', 'BANK')));
  });

  it('overdue plus what is not yet overdue is everything unpaid, on any date and after any payments', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.array(fc.integer({ min: 0, max: 334 }), { minLength: 3, maxLength: 3 }), (offset, paidThousands) => {
        const s = schedule().map((i, k) => {
          const paid = Money.min(i.principalDue, m(`${paidThousands[k] * 1000}`));
          return { ...i, principalPaid: paid };
        });
        const date = new Date(Date.UTC(2026, 0, 15 + offset)).toISOString().slice(0, 10);
        const st = loanStanding(s, date, 'BANK');
        const notYet = Money.sum(s.filter((i) => i.dueDate >= date).map((i) => i.principalDue.minus(i.principalPaid)));
        const total = Money.sum(s.map((i) => i.principalDue.minus(i.principalPaid)));
        expect(st.overdueAmount.plus(notYet).eq(total)).toBe(true);
        expect(st.daysPastDue === 0).toBe(st.overdueAmount.isZero());
      }),
    );
  });
});

describe('installmentStatus', () => {
  const [first] = schedule();
  it.each([
    ['2026-02-14', first, 'UPCOMING'],
    ['2026-02-15', first, 'DUE'],
    ['2026-02-16', first, 'OVERDUE'],
    ['2026-02-01', { ...first, principalPaid: m('1000') }, 'PARTIALLY_PAID'],
    ['2026-02-15', { ...first, principalPaid: m('1000') }, 'DUE'],
    ['2026-03-01', { ...first, principalPaid: m('1000') }, 'OVERDUE'],
    ['2026-03-01', { ...first, principalPaid: m('334000') }, 'PAID'],
    ['2026-01-20', { ...first, principalPaid: m('334000') }, 'PAID'],
    ['2026-03-01', { ...first, principalPaid: m('334000'), lateFeeDue: m('5000') }, 'OVERDUE'],
  ] as const)('on %s: %o is %s', (date, installment, status) => {
    expect(installmentStatus(installment, date)).toBe(status);
  });
});

describe('daysBetween', () => {
  it('counts calendar days across month ends and leap days, negative backwards', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });
});

describe('oldestUnpaidDueDateRange', () => {
  const within = (r: ReturnType<typeof oldestUnpaidDueDateRange>, oldest: string | null) =>
    oldest === null ? r.orNone : (r.from === null || oldest >= r.from) && (r.to === null || oldest <= r.to);

  it('selects exactly the loans classifyCollectibility puts in the band, for both tables and every grade', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COLLECTIBILITY_TABLES),
        fc.constantFrom(...COLLECTIBILITIES),
        fc.integer({ min: -400, max: 800 }),
        fc.boolean(),
        (table, kol, ageDays, nothingUnpaid) => {
          const today = '2026-06-15';
          const oldest = nothingUnpaid ? null : new Date(Date.UTC(2026, 5, 15 - ageDays)).toISOString().slice(0, 10);
          const dpd = oldest === null ? 0 : Math.max(0, daysBetween(oldest, today));
          const range = oldestUnpaidDueDateRange(collectibilityBand(table, kol), today);
          expect(within(range, oldest)).toBe(classifyCollectibility(table, dpd) === kol);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('Kol 2 on the bank table on 2026-06-15: oldest unpaid due 2026-03-17 to 2026-06-14', () => {
    expect(oldestUnpaidDueDateRange(collectibilityBand('BANK', 2), '2026-06-15')).toEqual({ from: '2026-03-17', to: '2026-06-14', orNone: false });
  });
});
