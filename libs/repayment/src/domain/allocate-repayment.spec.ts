// Golden allocations on the schedule of Rp1,000,000 over 3 months (334,000 + 334,000 + 332,000), each
// strategy tested by name, and the allocation's invariants (fast-check).
import fc from 'fast-check';
import { Money } from '#money';
import { DomainError } from '#platform/errors';
import {
  ALLOCATION_STRATEGIES,
  allocateRepayment,
  allocationStrategyOf,
  DEFAULT_ALLOCATION_STRATEGY,
  type InstallmentBalance,
  owedOn,
} from './allocate-repayment.js';

const m = (s: string) => Money.of(s);
const zero = Money.zero();

const installment = (number: number, dueDate: string, principal: string, over: Partial<InstallmentBalance> = {}): InstallmentBalance => ({
  id: `i${number}`,
  number,
  dueDate,
  principalDue: m(principal),
  principalPaid: zero,
  lateFeeDue: zero,
  lateFeePaid: zero,
  paidOn: null,
  ...over,
});

const SCHEDULE = [installment(1, '2026-02-15', '334000'), installment(2, '2026-03-15', '334000'), installment(3, '2026-04-15', '332000')];

const shown = (r: ReturnType<typeof allocateRepayment>) => ({
  allocations: r.allocations.map((a) => [a.installmentNumber, a.principal.toString(), a.lateFee.toString()]),
  principal: r.principal.toString(),
  lateFee: r.lateFee.toString(),
  overpayment: r.overpayment.toString(),
});
const paid = (r: ReturnType<typeof allocateRepayment>) => r.installments.map((i) => [i.number, i.principalPaid.toString(), i.lateFeePaid.toString(), i.paidOn]);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
}

describe('allocateRepayment: golden cases (OLDEST_FIRST_FEE_FIRST)', () => {
  it('pays exactly the first installment and marks it paid on the value date', () => {
    const r = allocateRepayment(SCHEDULE, m('334000'), '2026-02-14');
    expect(shown(r)).toEqual({ allocations: [[1, '334000.00', '0.00']], principal: '334000.00', lateFee: '0.00', overpayment: '0.00' });
    expect(paid(r)).toEqual([
      [1, '334000.00', '0.00', '2026-02-14'],
      [2, '0.00', '0.00', null],
      [3, '0.00', '0.00', null],
    ]);
  });

  it('pays part of one installment, which stays without a paidOn', () => {
    const r = allocateRepayment(SCHEDULE, m('100000.50'), '2026-02-10');
    expect(shown(r).allocations).toEqual([[1, '100000.50', '0.00']]);
    expect(r.installments[0].paidOn).toBeNull();
  });

  it('continues a partly paid installment, then the next one', () => {
    const partly = [installment(1, '2026-02-15', '334000', { principalPaid: m('300000') }), ...SCHEDULE.slice(1)];
    expect(shown(allocateRepayment(partly, m('100000'), '2026-02-20')).allocations).toEqual([
      [1, '34000.00', '0.00'],
      [2, '66000.00', '0.00'],
    ]);
  });

  it('pays several installments at once, oldest first', () => {
    expect(shown(allocateRepayment(SCHEDULE, m('700000'), '2026-02-14'))).toEqual({
      allocations: [
        [1, '334000.00', '0.00'],
        [2, '334000.00', '0.00'],
        [3, '32000.00', '0.00'],
      ],
      principal: '700000.00',
      lateFee: '0.00',
      overpayment: '0.00',
    });
  });

  it('keeps what is beyond everything owed as the overpayment', () => {
    const r = allocateRepayment(SCHEDULE, m('1050000'), '2026-02-14');
    expect(shown(r)).toMatchObject({ principal: '1000000.00', overpayment: '50000.00' });
    expect(r.installments.every((i) => i.paidOn === '2026-02-14')).toBe(true);
  });

  it('skips installments already paid and allocates nothing on a paid-up loan', () => {
    const done = SCHEDULE.map((i) => ({ ...i, principalPaid: i.principalDue, paidOn: '2026-01-20' }));
    expect(shown(allocateRepayment(done, m('5000'), '2026-02-01'))).toEqual({ allocations: [], principal: '0.00', lateFee: '0.00', overpayment: '5000.00' });
  });

  it('goes by due date, whatever order the installments come in', () => {
    const r = allocateRepayment([SCHEDULE[2], SCHEDULE[0], SCHEDULE[1]], m('400000'), '2026-02-14');
    expect(shown(r).allocations).toEqual([
      [1, '334000.00', '0.00'],
      [2, '66000.00', '0.00'],
    ]);
    // The installments come back in the order given.
    expect(r.installments.map((i) => i.number)).toEqual([3, 1, 2]);
  });

  it('allocates one sen', () => {
    expect(shown(allocateRepayment(SCHEDULE, m('0.01'), '2026-02-14')).allocations).toEqual([[1, '0.01', '0.00']]);
  });
});

describe('allocation strategies, by name', () => {
  const withFee = [installment(1, '2026-02-15', '334000', { lateFeeDue: m('25000') }), installment(2, '2026-03-15', '334000', { lateFeeDue: m('25000') })];

  it('OLDEST_FIRST_FEE_FIRST is the default and puts an installment\'s late fee before its principal', () => {
    expect(DEFAULT_ALLOCATION_STRATEGY).toBe(ALLOCATION_STRATEGIES.OLDEST_FIRST_FEE_FIRST);
    expect(shown(allocateRepayment(withFee, m('30000'), '2026-03-01')).allocations).toEqual([[1, '5000.00', '25000.00']]);
    expect(shown(allocateRepayment(withFee, m('400000'), '2026-03-01', 'OLDEST_FIRST_FEE_FIRST'))).toEqual({
      allocations: [
        [1, '334000.00', '25000.00'],
        [2, '16000.00', '25000.00'],
      ],
      principal: '350000.00',
      lateFee: '50000.00',
      overpayment: '0.00',
    });
  });

  it('OLDEST_FIRST_PRINCIPAL_FIRST puts its principal first, the late fee after, still oldest installment first', () => {
    expect(shown(allocateRepayment(withFee, m('30000'), '2026-03-01', 'OLDEST_FIRST_PRINCIPAL_FIRST')).allocations).toEqual([[1, '30000.00', '0.00']]);
    expect(shown(allocateRepayment(withFee, m('400000'), '2026-03-01', ALLOCATION_STRATEGIES.OLDEST_FIRST_PRINCIPAL_FIRST)).allocations).toEqual([
      [1, '334000.00', '25000.00'],
      [2, '41000.00', '0.00'],
    ]);
  });

  it("is selected by the loan's terms, defaulting when they name none, refusing a name it does not know", () => {
    expect(allocationStrategyOf({})).toBe('OLDEST_FIRST_FEE_FIRST');
    expect(allocationStrategyOf({ allocationStrategy: 'OLDEST_FIRST_PRINCIPAL_FIRST' })).toBe('OLDEST_FIRST_PRINCIPAL_FIRST');
    expect(codeOf(() => allocationStrategyOf({ allocationStrategy: 'NEWEST_FIRST' }))).toBe('UNKNOWN_ALLOCATION_STRATEGY');
    expect(codeOf(() => allocationStrategyOf({ allocationStrategy: 'toString' }))).toBe('UNKNOWN_ALLOCATION_STRATEGY');
  });
});

describe('allocateRepayment: refusals', () => {
  it.each(['0', '-1'])('refuses an amount of %s: REPAYMENT_AMOUNT_NOT_POSITIVE', (amount) => {
    expect(codeOf(() => allocateRepayment(SCHEDULE, m(amount), '2026-02-14'))).toBe('REPAYMENT_AMOUNT_NOT_POSITIVE');
  });

  it('refuses installments paid beyond what is due: INSTALLMENT_INCONSISTENT', () => {
    const broken = [installment(1, '2026-02-15', '334000', { principalPaid: m('334000.01') })];
    expect(codeOf(() => allocateRepayment(broken, m('1'), '2026-02-14'))).toBe('INSTALLMENT_INCONSISTENT');
  });
});

// ---- Properties ----

const sen = (max: bigint) => fc.bigInt({ min: 1n, max }).map(Money.fromSen);
const DATES = ['2026-01-15', '2026-02-15', '2026-03-15', '2026-04-15', '2026-05-15', '2026-06-15'];

/** 1-6 installments with random principal, late fees and what is already paid on them. */
const schedules: fc.Arbitrary<InstallmentBalance[]> = fc
  .array(
    fc.record({
      principal: sen(100_000_000n),
      fee: fc.option(sen(5_000_000n), { nil: undefined }),
      paidShare: fc.integer({ min: 0, max: 4 }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((rows) =>
    rows.map((r, k): InstallmentBalance => {
      // Paid in quarters of what is due, so that paid, partly paid and unpaid all occur.
      const share = (x: Money) => Money.fromSen((x.toSen() * BigInt(r.paidShare)) / 4n);
      const lateFeeDue = r.fee ?? zero;
      const i = { ...installment(k + 1, DATES[k], '1'), principalDue: r.principal, principalPaid: share(r.principal), lateFeeDue, lateFeePaid: share(lateFeeDue) };
      return { ...i, paidOn: owedOn(i).isZero() ? '2026-01-01' : null };
    }),
  );
const strategies = fc.constantFrom(...Object.values(ALLOCATION_STRATEGIES));
const owedTotal = (xs: readonly InstallmentBalance[]) => Money.sum(xs.map(owedOn));

describe('allocateRepayment: properties', () => {
  it('neither creates nor loses a rupiah: allocations + overpayment = the amount, and the installments took exactly the allocations', () => {
    fc.assert(
      fc.property(schedules, sen(600_000_000n), strategies, (schedule, amount, strategy) => {
        const r = allocateRepayment(schedule, amount, '2026-03-01', strategy);
        const allocated = Money.sum(r.allocations.map((a) => a.principal.plus(a.lateFee)));
        expect(allocated.plus(r.overpayment).eq(amount)).toBe(true);
        expect(r.principal.plus(r.lateFee).eq(allocated)).toBe(true);
        expect(owedTotal(schedule).minus(owedTotal(r.installments)).eq(allocated)).toBe(true);
        expect(r.allocations.every((a) => a.principal.isPositive() || a.lateFee.isPositive())).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never over-pays an installment, and keeps an overpayment only once everything is paid', () => {
    fc.assert(
      fc.property(schedules, sen(600_000_000n), strategies, (schedule, amount, strategy) => {
        const r = allocateRepayment(schedule, amount, '2026-03-01', strategy);
        for (const i of r.installments) {
          expect(i.principalPaid.lte(i.principalDue) && i.lateFeePaid.lte(i.lateFeeDue)).toBe(true);
          expect(i.paidOn !== null).toBe(owedOn(i).isZero());
        }
        expect(r.overpayment.eq(Money.max(zero, amount.minus(owedTotal(schedule))))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves no older installment owing while a younger one got money', () => {
    fc.assert(
      fc.property(schedules, sen(600_000_000n), (schedule, amount) => {
        const r = allocateRepayment(schedule, amount, '2026-03-01');
        const youngest = Math.max(0, ...r.allocations.map((a) => a.installmentNumber));
        for (const i of r.installments) if (i.number < youngest) expect(owedOn(i).isZero()).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('paying in two parts on one day leaves the installments as paying the sum at once', () => {
    fc.assert(
      fc.property(schedules, sen(300_000_000n), sen(300_000_000n), strategies, (schedule, a, b, strategy) => {
        const once = allocateRepayment(schedule, a.plus(b), '2026-03-01', strategy);
        const first = allocateRepayment(schedule, a, '2026-03-01', strategy);
        const twice = allocateRepayment(first.installments, b, '2026-03-01', strategy);
        expect(paid(twice)).toEqual(paid(once));
        expect(first.overpayment.plus(twice.overpayment).eq(once.overpayment)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
