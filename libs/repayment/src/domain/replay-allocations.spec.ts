// Backdated payments and reversals replayed (golden cases on the Rp1,000,000 / 3 months schedule), and the
// property that matters: whatever order the same payments arrive in, posting each the way the service
// does (in order: allocate; backdated: rebook the tail) ends where in-order arrival ends.
import fc from 'fast-check';
import { Money } from '#money';
import { DomainError } from '#platform/errors';
import { ALLOCATION_STRATEGIES, allocateRepayment, type AllocationStrategy, type InstallmentBalance, owedOn } from './allocate-repayment.js';
import {
  type BookedPayment,
  byReplayOrder,
  isBackdated,
  type PostedPayment,
  rebook,
  replayAllocations,
  sameAllocations,
  withoutAllocations,
} from './replay-allocations.js';

const m = (s: string) => Money.of(s);
const zero = Money.zero();

const installment = (number: number, dueDate: string, principal: string, lateFee = '0'): InstallmentBalance => ({
  id: `i${number}`,
  number,
  dueDate,
  principalDue: m(principal),
  principalPaid: zero,
  lateFeeDue: m(lateFee),
  lateFeePaid: zero,
  paidOn: null,
});
const SCHEDULE = [installment(1, '2026-02-15', '334000'), installment(2, '2026-03-15', '334000'), installment(3, '2026-04-15', '332000')];
const WITH_FEE = [installment(1, '2026-02-15', '334000', '25000'), ...SCHEDULE.slice(1)];

const payment = (id: string, amount: string, valueDate: string, seq: number): PostedPayment => ({ id, amount: m(amount), valueDate, seq: BigInt(seq) });
const paid = (xs: readonly InstallmentBalance[]) =>
  [...xs].sort((a, b) => a.number - b.number).map((i) => [i.number, i.principalPaid.toString(), i.lateFeePaid.toString(), i.paidOn]);
const splitOf = (p: { allocations: BookedPayment['allocations']; overpayment: Money }) => ({
  allocations: p.allocations.map((a) => [a.installmentNumber, a.principal.toString(), a.lateFee.toString()]),
  overpayment: p.overpayment.toString(),
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
}

/** A loan's book as the service keeps it: the installments and each live payment with its allocations. */
interface Book {
  installments: InstallmentBalance[];
  payments: Map<string, BookedPayment & { overpayment: Money }>;
  seq: number;
}
const emptyBook = (installments: InstallmentBalance[]): Book => ({ installments, payments: new Map(), seq: 0 });

/** Posts like RepaymentsService: allocate on arrival unless backdated; backdated: rebook the later tail. */
function arrive(book: Book, p: { id: string; amount: Money; valueDate: string }, strategy?: AllocationStrategy): Book {
  const posted: PostedPayment = { ...p, seq: BigInt(book.seq + 1) };
  const live = [...book.payments.values()];
  const latest = live.reduce<string | null>((d, x) => (d === null || x.valueDate > d ? x.valueDate : d), null);
  const payments = new Map(book.payments);
  if (!isBackdated(p.valueDate, latest)) {
    const r = allocateRepayment(book.installments, p.amount, p.valueDate, strategy);
    payments.set(p.id, { ...posted, allocations: r.allocations, overpayment: r.overpayment });
    return { installments: r.installments, payments, seq: book.seq + 1 };
  }
  const tail = live.filter((x) => x.valueDate > p.valueDate);
  const r = rebook(book.installments, { tail, add: posted }, strategy);
  for (const x of r.payments) payments.set(x.paymentId, { ...(payments.get(x.paymentId) ?? posted), allocations: x.allocations, overpayment: x.overpayment });
  return { installments: r.installments, payments, seq: book.seq + 1 };
}

/** Reverses like ReversalsService.approve: the payment out, the tail after it rebooked. */
function reverse(book: Book, id: string, strategy?: AllocationStrategy): Book {
  const removed = book.payments.get(id)!;
  const tail = [...book.payments.values()].filter((x) => byReplayOrder(x, removed) > 0);
  const r = rebook(book.installments, { tail, remove: removed }, strategy);
  const payments = new Map(book.payments);
  payments.delete(id);
  for (const x of r.payments) payments.set(x.paymentId, { ...payments.get(x.paymentId)!, allocations: x.allocations, overpayment: x.overpayment });
  return { ...book, installments: r.installments, payments };
}

describe('replay order', () => {
  it('is value date first, then posting order', () => {
    const ps = [payment('c', '1', '2026-03-01', 1), payment('a', '1', '2026-02-01', 3), payment('b', '1', '2026-03-01', 2), payment('d', '1', '2026-02-01', 4)];
    expect([...ps].sort(byReplayOrder).map((p) => p.id)).toEqual(['a', 'd', 'c', 'b']);
  });

  it('a payment is backdated only when dated before the latest one posted', () => {
    expect(isBackdated('2026-02-01', null)).toBe(false);
    expect(isBackdated('2026-02-01', '2026-02-01')).toBe(false);
    expect(isBackdated('2026-02-02', '2026-02-01')).toBe(false);
    expect(isBackdated('2026-01-31', '2026-02-01')).toBe(true);
  });
});

describe('backdated repayments: golden cases', () => {
  it('a payment dated before one already posted takes the late fee and the first installment; the later one moves to the second', () => {
    // Arrival: 200,000 dated 1 March first (fee 25,000 + 175,000 principal on #1), then 359,000 dated 20 February.
    let book = arrive(emptyBook(WITH_FEE), { id: 'march', amount: m('200000'), valueDate: '2026-03-01' });
    expect(splitOf(book.payments.get('march')!).allocations).toEqual([[1, '175000.00', '25000.00']]);
    book = arrive(book, { id: 'feb', amount: m('359000'), valueDate: '2026-02-20' });
    expect(splitOf(book.payments.get('feb')!)).toEqual({ allocations: [[1, '334000.00', '25000.00']], overpayment: '0.00' });
    expect(splitOf(book.payments.get('march')!)).toEqual({ allocations: [[2, '200000.00', '0.00']], overpayment: '0.00' });
    expect(paid(book.installments)).toEqual([
      [1, '334000.00', '25000.00', '2026-02-20'],
      [2, '200000.00', '0.00', null],
      [3, '0.00', '0.00', null],
    ]);
  });

  it('equals the two payments posted in order', () => {
    const backdated = arrive(arrive(emptyBook(WITH_FEE), { id: 'march', amount: m('200000'), valueDate: '2026-03-01' }), { id: 'feb', amount: m('359000'), valueDate: '2026-02-20' });
    const inOrder = replayAllocations(WITH_FEE, [payment('feb', '359000', '2026-02-20', 2), payment('march', '200000', '2026-03-01', 1)]);
    expect(paid(backdated.installments)).toEqual(paid(inOrder.installments));
    expect(inOrder.payments.map((p) => p.paymentId)).toEqual(['feb', 'march']);
  });

  it('a backdated payment that completes the schedule makes a later payment an overpayment', () => {
    let book = arrive(emptyBook(SCHEDULE), { id: 'late', amount: m('100000'), valueDate: '2026-04-01' });
    book = arrive(book, { id: 'early', amount: m('950000'), valueDate: '2026-03-01' });
    expect(splitOf(book.payments.get('early')!)).toEqual({
      allocations: [
        [1, '334000.00', '0.00'],
        [2, '334000.00', '0.00'],
        [3, '282000.00', '0.00'],
      ],
      overpayment: '0.00',
    });
    expect(splitOf(book.payments.get('late')!)).toEqual({ allocations: [[3, '50000.00', '0.00']], overpayment: '50000.00' });
  });
});

describe('reversals: golden cases', () => {
  it('reversing the first of two payments moves the second back onto the oldest installments and uses up its overpayment', () => {
    let book = arrive(emptyBook(SCHEDULE), { id: 'p1', amount: m('600000'), valueDate: '2026-03-01' });
    book = arrive(book, { id: 'p2', amount: m('500000'), valueDate: '2026-03-05' });
    expect(splitOf(book.payments.get('p2')!).overpayment).toBe('100000.00');
    book = reverse(book, 'p1');
    expect([...book.payments.keys()]).toEqual(['p2']);
    expect(splitOf(book.payments.get('p2')!)).toEqual({
      allocations: [
        [1, '334000.00', '0.00'],
        [2, '166000.00', '0.00'],
      ],
      overpayment: '0.00',
    });
    expect(paid(book.installments)).toEqual([
      [1, '334000.00', '0.00', '2026-03-05'],
      [2, '166000.00', '0.00', null],
      [3, '0.00', '0.00', null],
    ]);
  });
});

describe('withoutAllocations', () => {
  it('takes the allocations off and clears paidOn where the installment is no longer paid in full', () => {
    const after = allocateRepayment(SCHEDULE, m('500000'), '2026-02-10');
    const before = withoutAllocations(after.installments, [{ installmentId: 'i1', installmentNumber: 1, principal: m('34000'), lateFee: zero }]);
    expect(paid(before)).toEqual([
      [1, '300000.00', '0.00', null],
      [2, '166000.00', '0.00', null],
      [3, '0.00', '0.00', null],
    ]);
  });

  it('refuses allocations the installments do not hold, or that are on installments it was not given', () => {
    expect(codeOf(() => withoutAllocations(SCHEDULE, [{ installmentId: 'i1', installmentNumber: 1, principal: m('1'), lateFee: zero }]))).toBe('ALLOCATION_INCONSISTENT');
    expect(codeOf(() => withoutAllocations(SCHEDULE, [{ installmentId: 'old', installmentNumber: 1, principal: m('1'), lateFee: zero }]))).toBe('ALLOCATION_OUTSIDE_SCHEDULE');
  });

  it('sameAllocations compares amounts per installment, order aside', () => {
    const a = allocateRepayment(SCHEDULE, m('500000'), '2026-02-10').allocations;
    expect(sameAllocations(a, [...a].reverse())).toBe(true);
    expect(sameAllocations(a, a.slice(1))).toBe(false);
    expect(sameAllocations(a, [{ ...a[0], principal: m('1') }, a[1]])).toBe(false);
  });
});

// ---- Properties ----

const sen = (max: bigint) => fc.bigInt({ min: 1n, max }).map(Money.fromSen);
const DUE = ['2026-02-15', '2026-03-15', '2026-04-15', '2026-05-15', '2026-06-15', '2026-07-15'];
// Few distinct value dates, so that ties (broken by posting order) are common.
const VALUE_DATES = ['2026-02-01', '2026-02-10', '2026-02-20', '2026-03-01', '2026-03-20'];

const schedules = fc
  .array(fc.record({ principal: sen(50_000_000n), fee: fc.option(sen(2_500_000n), { nil: undefined }) }), { minLength: 1, maxLength: 6 })
  .map((rows) => rows.map((r, k): InstallmentBalance => ({ ...installment(k + 1, DUE[k], '1'), principalDue: r.principal, lateFeeDue: r.fee ?? zero })));
const paymentsArb = fc
  .array(fc.record({ amount: sen(60_000_000n), valueDate: fc.constantFrom(...VALUE_DATES) }), { minLength: 1, maxLength: 8 })
  .map((xs) => xs.map((x, k) => ({ id: `p${k}`, ...x })));
const strategies = fc.constantFrom(...Object.values(ALLOCATION_STRATEGIES));

/** Installments and total overpayment: what the arrival order must not change. */
const finalState = (installments: readonly InstallmentBalance[], overpayments: Money[]) => ({ installments: paid(installments), overpayment: Money.sum(overpayments).toString() });

describe('replay: properties', () => {
  it('any arrival order of the same payments gives the same final state as in-order arrival', () => {
    fc.assert(
      fc.property(schedules, paymentsArb, strategies, fc.nat(), (schedule, payments, strategy, seed) => {
        const inOrder = payments.reduce((b, p) => arrive(b, p, strategy), emptyBook(schedule));
        const shuffled = fc.sample(fc.shuffledSubarray(payments, { minLength: payments.length, maxLength: payments.length }), { numRuns: 1, seed })[0];
        const book = shuffled.reduce((b, p) => arrive(b, p, strategy), emptyBook(schedule));
        const overs = (b: Book) => [...b.payments.values()].map((p) => p.overpayment);
        expect(finalState(book.installments, overs(book))).toEqual(finalState(inOrder.installments, overs(inOrder)));
        // A payment whose value date no other shares gets exactly the allocations it gets in order.
        for (const p of payments)
          if (payments.filter((q) => q.valueDate === p.valueDate).length === 1)
            expect(sameAllocations(book.payments.get(p.id)!.allocations, inOrder.payments.get(p.id)!.allocations)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('equals one replay from a clean schedule, and neither creates nor loses a rupiah', () => {
    fc.assert(
      fc.property(schedules, paymentsArb, (schedule, payments) => {
        const book = [...payments].reverse().reduce((b, p) => arrive(b, p), emptyBook(schedule));
        const clean = replayAllocations(
          schedule,
          [...book.payments.values()].map((p) => ({ id: p.id, amount: p.amount, valueDate: p.valueDate, seq: p.seq })),
        );
        expect(paid(book.installments)).toEqual(paid(clean.installments));
        const allocated = Money.sum([...book.payments.values()].flatMap((p) => p.allocations.map((a) => a.principal.plus(a.lateFee))));
        const over = Money.sum([...book.payments.values()].map((p) => p.overpayment));
        expect(allocated.plus(over).eq(Money.sum(payments.map((p) => p.amount)))).toBe(true);
        // Each installment holds exactly the allocations on it, and never more than it owes.
        for (const i of book.installments) {
          const on = [...book.payments.values()].flatMap((p) => p.allocations.filter((a) => a.installmentId === i.id));
          expect(Money.sum(on.map((a) => a.principal)).eq(i.principalPaid) && Money.sum(on.map((a) => a.lateFee)).eq(i.lateFeePaid)).toBe(true);
          expect(i.principalPaid.lte(i.principalDue) && i.lateFeePaid.lte(i.lateFeeDue)).toBe(true);
          expect(i.paidOn !== null).toBe(owedOn(i).isZero());
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reversing a payment leaves the loan as if it had never arrived', () => {
    fc.assert(
      fc.property(schedules, paymentsArb, fc.nat(), strategies, (schedule, payments, pick, strategy) => {
        const victim = payments[pick % payments.length];
        const book = reverse(
          payments.reduce((b, p) => arrive(b, p, strategy), emptyBook(schedule)),
          victim.id,
          strategy,
        );
        const without = payments.filter((p) => p.id !== victim.id).reduce((b, p) => arrive(b, p, strategy), emptyBook(schedule));
        expect(paid(book.installments)).toEqual(paid(without.installments));
        expect(book.payments.has(victim.id)).toBe(false);
        const overs = (b: Book) => Money.sum([...b.payments.values()].map((p) => p.overpayment)).toString();
        expect(overs(book)).toBe(overs(without));
      }),
      { numRuns: 300 },
    );
  });
});
