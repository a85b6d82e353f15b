// How one repayment is split over a loan's installments. The order is a named strategy the loan's terms
// select (architecture.md convention 7); the posting service and the replay of backdated payments both
// call this one function, so a payment allocated on arrival and the same payment replayed agree.
import { Money } from '#money';
import { DomainError } from '#platform/errors';

export const ALLOCATION_STRATEGIES = {
  /** Oldest installment first; within one installment, its late fee before its principal. The default. */
  OLDEST_FIRST_FEE_FIRST: 'OLDEST_FIRST_FEE_FIRST',
  /** Oldest installment first; within one installment, its principal before its late fee. */
  OLDEST_FIRST_PRINCIPAL_FIRST: 'OLDEST_FIRST_PRINCIPAL_FIRST',
} as const;
export type AllocationStrategy = (typeof ALLOCATION_STRATEGIES)[keyof typeof ALLOCATION_STRATEGIES];
export const DEFAULT_ALLOCATION_STRATEGY: AllocationStrategy = ALLOCATION_STRATEGIES.OLDEST_FIRST_FEE_FIRST;

const PARTS: Record<AllocationStrategy, readonly ('lateFee' | 'principal')[]> = {
  OLDEST_FIRST_FEE_FIRST: ['lateFee', 'principal'],
  OLDEST_FIRST_PRINCIPAL_FIRST: ['principal', 'lateFee'],
};

/**
 * The strategy a loan's terms name (`allocationStrategy`), the default when they name none: products
 * booked before the field existed allocate as they always did.
 */
export function allocationStrategyOf(terms: { allocationStrategy?: unknown }): AllocationStrategy {
  const name = terms.allocationStrategy;
  if (name === undefined || name === null) return DEFAULT_ALLOCATION_STRATEGY;
  if (typeof name === 'string' && Object.hasOwn(PARTS, name)) return name as AllocationStrategy;
  throw new DomainError('UNPROCESSABLE', 'UNKNOWN_ALLOCATION_STRATEGY', `The loan's terms name an unknown allocation strategy: ${String(name)}`);
}

/** An installment of the current schedule with what has been paid on it. */
export interface InstallmentBalance {
  id: string;
  number: number;
  dueDate: string;
  principalDue: Money;
  principalPaid: Money;
  lateFeeDue: Money;
  lateFeePaid: Money;
  /** The value date of the payment that completed it; null while anything is unpaid. */
  paidOn: string | null;
}

export interface InstallmentAllocation {
  installmentId: string;
  installmentNumber: number;
  principal: Money;
  lateFee: Money;
}

/** How one payment's amount divides: principal + lateFee + overpayment = the amount, to the sen. */
export interface PaymentSplit {
  allocations: InstallmentAllocation[];
  principal: Money;
  lateFee: Money;
  overpayment: Money;
}

export interface AllocationResult extends PaymentSplit {
  /** Every installment given, in the order given, with this payment applied. */
  installments: InstallmentBalance[];
}

export const owedOn = (i: InstallmentBalance): Money => i.principalDue.minus(i.principalPaid).plus(i.lateFeeDue.minus(i.lateFeePaid));

/** Oldest first: by due date, then number; stable, so rows a caller ordered further keep that order. */
export function oldestFirst<T extends { dueDate: string; number: number }>(installments: readonly T[]): T[] {
  return [...installments].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number - b.number));
}

function assertConsistent(i: InstallmentBalance): void {
  const z = Money.zero();
  if (i.principalPaid.lt(z) || i.lateFeePaid.lt(z) || i.principalPaid.gt(i.principalDue) || i.lateFeePaid.gt(i.lateFeeDue))
    throw new DomainError('UNPROCESSABLE', 'INSTALLMENT_INCONSISTENT', `Installment ${i.number} has paid amounts outside what is due`);
}

/**
 * Splits `amount`, paid on `valueDate`, over the installments: oldest first, each installment's parts
 * in the strategy's order, never more on a part than it still owes. What no installment owes is the
 * overpayment (a credit owed back to the borrower). Installments need not come sorted.
 */
export function allocateRepayment(
  installments: readonly InstallmentBalance[],
  amount: Money,
  valueDate: string,
  strategy: AllocationStrategy = DEFAULT_ALLOCATION_STRATEGY,
): AllocationResult {
  if (!amount.isPositive()) throw new DomainError('UNPROCESSABLE', 'REPAYMENT_AMOUNT_NOT_POSITIVE', `A repayment must be positive (got ${amount.toString()})`);
  const parts = PARTS[strategy];
  if (!parts) throw new DomainError('UNPROCESSABLE', 'UNKNOWN_ALLOCATION_STRATEGY', `Unknown allocation strategy: ${String(strategy)}`);
  let left = amount;
  const updated = new Map<string, InstallmentBalance>();
  const allocations: InstallmentAllocation[] = [];
  for (const i of oldestFirst(installments)) {
    assertConsistent(i);
    if (!left.isPositive()) break;
    const owed = owedOn(i);
    if (!owed.isPositive()) continue;
    const take = { principal: Money.zero(), lateFee: Money.zero() };
    for (const part of parts) {
      const open = part === 'principal' ? i.principalDue.minus(i.principalPaid) : i.lateFeeDue.minus(i.lateFeePaid);
      const t = Money.min(open, left);
      take[part] = t;
      left = left.minus(t);
    }
    const next: InstallmentBalance = { ...i, principalPaid: i.principalPaid.plus(take.principal), lateFeePaid: i.lateFeePaid.plus(take.lateFee) };
    if (owedOn(next).isZero()) next.paidOn = valueDate;
    updated.set(i.id, next);
    allocations.push({ installmentId: i.id, installmentNumber: i.number, principal: take.principal, lateFee: take.lateFee });
  }
  return {
    allocations,
    principal: Money.sum(allocations.map((a) => a.principal)),
    lateFee: Money.sum(allocations.map((a) => a.lateFee)),
    overpayment: left,
    installments: installments.map((i) => updated.get(i.id) ?? i),
  };
}
