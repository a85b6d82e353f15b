// Backdated repayments and reversals (issue 6 items 2-3): a loan's payments are allocated as if they had
// arrived in value-date order (ties in posting order), whatever order they really came in. Only the tail
// that a change can affect is replayed: the payments up to the change allocate exactly as before, so the
// state just before it is the current state minus the tail's own allocations.
import { Money } from '#money';
import { DomainError } from '#platform/errors';
import {
  allocateRepayment,
  type AllocationStrategy,
  DEFAULT_ALLOCATION_STRATEGY,
  type InstallmentAllocation,
  type InstallmentBalance,
  owedOn,
  type PaymentSplit,
} from './allocate-repayment.js';

/** A repayment as the replay orders it. */
export interface PostedPayment {
  id: string;
  amount: Money;
  valueDate: string;
  /** Posting order: breaks ties between payments of one value date. */
  seq: bigint;
}

/** A posted repayment with the allocations it holds now. */
export interface BookedPayment extends PostedPayment {
  allocations: InstallmentAllocation[];
}

export interface ReplayedPayment extends PaymentSplit {
  paymentId: string;
}

export interface ReplayResult {
  installments: InstallmentBalance[];
  /** In replay order. */
  payments: ReplayedPayment[];
}

export function byReplayOrder(a: PostedPayment, b: PostedPayment): number {
  if (a.valueDate !== b.valueDate) return a.valueDate < b.valueDate ? -1 : 1;
  return a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0;
}

/** A payment dated before the latest one posted must be replayed; one on the same day comes after it. */
export const isBackdated = (valueDate: string, latestValueDate: string | null): boolean => latestValueDate !== null && valueDate < latestValueDate;

/**
 * The installments without the given allocations: the state before those payments. An installment
 * that is no longer paid in full loses its paidOn. Taking away more than was paid means the stored
 * allocations disagree with the installments: refused, never papered over.
 */
export function withoutAllocations(installments: readonly InstallmentBalance[], allocations: readonly InstallmentAllocation[]): InstallmentBalance[] {
  const taken = new Map<string, { principal: Money; lateFee: Money }>();
  for (const a of allocations) {
    const t = taken.get(a.installmentId) ?? { principal: Money.zero(), lateFee: Money.zero() };
    taken.set(a.installmentId, { principal: t.principal.plus(a.principal), lateFee: t.lateFee.plus(a.lateFee) });
  }
  const known = new Set(installments.map((i) => i.id));
  for (const id of taken.keys())
    if (!known.has(id)) throw new DomainError('CONFLICT', 'ALLOCATION_OUTSIDE_SCHEDULE', `An allocation is on installment ${id}, which is not in the schedule replayed`);
  return installments.map((i) => {
    const t = taken.get(i.id);
    if (!t) return i;
    const principalPaid = i.principalPaid.minus(t.principal);
    const lateFeePaid = i.lateFeePaid.minus(t.lateFee);
    if (principalPaid.isNegative() || lateFeePaid.isNegative())
      throw new DomainError('CONFLICT', 'ALLOCATION_INCONSISTENT', `Installment ${i.number} holds less than its allocations say was paid on it`);
    const next = { ...i, principalPaid, lateFeePaid };
    return owedOn(next).isPositive() ? { ...next, paidOn: null } : next;
  });
}

/** Allocates the payments one by one in replay order, starting from `start`. */
export function replayAllocations(
  start: readonly InstallmentBalance[],
  payments: readonly PostedPayment[],
  strategy: AllocationStrategy = DEFAULT_ALLOCATION_STRATEGY,
): ReplayResult {
  let installments = [...start];
  const replayed: ReplayedPayment[] = [];
  for (const p of [...payments].sort(byReplayOrder)) {
    const r = allocateRepayment(installments, p.amount, p.valueDate, strategy);
    installments = r.installments;
    replayed.push({ paymentId: p.id, allocations: r.allocations, principal: r.principal, lateFee: r.lateFee, overpayment: r.overpayment });
  }
  return { installments, payments: replayed };
}

export interface Rebooking {
  /** The booked payments from the change on, with their current allocations. */
  tail: readonly BookedPayment[];
  /** A backdated payment to add. */
  add?: PostedPayment;
  /** A booked payment to take out (a reversal); its allocations are taken away with the tail's. */
  remove?: BookedPayment;
}

/**
 * The loan after a change in its past: the tail (and the removed payment) taken off the current
 * installments, then the tail (and the added payment) replayed in order. Equal to replaying every
 * payment from a clean schedule, at the cost of the tail only.
 */
export function rebook(installments: readonly InstallmentBalance[], change: Rebooking, strategy: AllocationStrategy = DEFAULT_ALLOCATION_STRATEGY): ReplayResult {
  const taken = [...change.tail, ...(change.remove ? [change.remove] : [])].flatMap((p) => p.allocations);
  const before = withoutAllocations(installments, taken);
  const tail = change.remove ? change.tail.filter((p) => p.id !== change.remove!.id) : change.tail;
  return replayAllocations(before, [...tail, ...(change.add ? [change.add] : [])], strategy);
}

/** Two allocation lists hold the same amounts on the same installments (order aside). */
export function sameAllocations(a: readonly InstallmentAllocation[], b: readonly InstallmentAllocation[]): boolean {
  if (a.length !== b.length) return false;
  const key = (x: InstallmentAllocation) => `${x.installmentId}:${x.principal.toString()}:${x.lateFee.toString()}`;
  const keys = new Set(a.map(key));
  return b.every((x) => keys.has(key(x)));
}
