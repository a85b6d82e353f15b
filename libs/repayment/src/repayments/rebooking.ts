// The slow path of a loan's payments: a backdated repayment or a reversal replays the live repayments
// from the change on (domain/replay-allocations), and this writes what moved: the installments, the
// allocation rows and splits of the repayments whose allocation changed. The ledger half is the
// caller's: it gets the sum of what moved between principal, late fees and overpayment.
import type { LedgerService } from '#ledger';
import type { DomainError } from '#platform';
import type { EntityManager } from 'typeorm';
import type { PaymentSplit } from '../domain/allocate-repayment.js';
import { type PostedPayment, rebook, type ReplayedPayment, sameAllocations } from '../domain/replay-allocations.js';
import {
  changedInstallments,
  currentInstallments,
  type LockedLoan,
  minusSplit,
  plusSplit,
  rewriteRepayment,
  type Split,
  type StoredRepayment,
  writeInstallments,
  ZERO_SPLIT,
} from './loan-book.js';
import { adjustmentLines } from './repayment-entries.js';

export interface LoanChange {
  /** The live repayments after the change, in replay order, as stored. */
  tail: StoredRepayment[];
  add?: PostedPayment;
  remove?: StoredRepayment;
}

export interface Reallocation {
  transactionId: string;
  before: Split;
  after: Split;
}

export interface RebookingOutcome {
  /** The added payment's allocation (when one was added). */
  added: (ReplayedPayment & PaymentSplit) | null;
  /** Sum over the tail of (new split - stored split): what the adjustment entry books. Nets to zero. */
  tailDelta: Split;
  /** The tail repayments whose allocation changed, for the audit row. */
  reallocated: Reallocation[];
  paidInstallmentIds: string[];
  reopenedInstallmentIds: string[];
}

const splitOf = (s: Split): Split => ({ principal: s.principal, lateFee: s.lateFee, overpayment: s.overpayment });

/**
 * Replays `change` over the loan's current schedule and writes the result. `refuse` is thrown when an
 * allocation to replay sits on a superseded installment (a reschedule came in between): the replay
 * would need the old schedule back, which a reschedule deliberately ended.
 */
export async function rebookLoan(em: EntityManager, loan: LockedLoan, change: LoanChange, refuse: () => DomainError): Promise<RebookingOutcome> {
  const installments = await currentInstallments(em, loan.id);
  const current = new Set(installments.map((i) => i.id));
  for (const p of [...change.tail, ...(change.remove ? [change.remove] : [])]) if (p.allocations.some((a) => !current.has(a.installmentId))) throw refuse();

  const result = rebook(installments, change, loan.strategy);
  const moved = changedInstallments(installments, result.installments);
  await writeInstallments(em, moved.changed);

  const stored = new Map(change.tail.map((p) => [p.id, p]));
  let tailDelta = ZERO_SPLIT;
  let added: RebookingOutcome['added'] = null;
  const reallocated: Reallocation[] = [];
  for (const r of result.payments) {
    const before = stored.get(r.paymentId);
    if (!before) {
      added = r;
      continue;
    }
    if (sameAllocations(before.allocations, r.allocations) && before.overpayment.eq(r.overpayment)) continue;
    await rewriteRepayment(em, loan.id, r.paymentId, r);
    tailDelta = plusSplit(tailDelta, minusSplit(r, before));
    reallocated.push({ transactionId: r.paymentId, before: splitOf(before), after: splitOf(r) });
  }
  return { added, tailDelta, reallocated, paidInstallmentIds: moved.paid, reopenedInstallmentIds: moved.reopened };
}

export const isZeroSplit = (s: Split): boolean => s.principal.isZero() && s.lateFee.isZero() && s.overpayment.isZero();

/**
 * The ADJUSTMENT entry for a replay, dated on the business date (the day the correction is booked):
 * cash does not move, only what earlier payments are counted as. Nothing when the split did not change.
 */
export async function postReallocation(
  ledger: LedgerService,
  em: EntityManager,
  loan: LockedLoan,
  delta: Split,
  today: string,
  reference: string,
  cause: string,
): Promise<string | null> {
  if (isZeroSplit(delta)) return null;
  const entry = await ledger.post(em, {
    programmeId: loan.programmeId,
    valueDate: today,
    kind: 'REPAYMENT_ADJUSTMENT',
    description: `Repayments on loan ${loan.number} reallocated after ${cause} (${reference})`,
    reference,
    sourceType: 'loan',
    sourceId: loan.id,
    lines: adjustmentLines(delta),
  });
  return entry.id;
}
