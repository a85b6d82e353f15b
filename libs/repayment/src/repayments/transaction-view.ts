import type { Money } from '#money';
import type { LoanTransactionKind, RepaymentChannel } from './entities/loan-transaction.entity.js';
import type { ReversalRequestStatus, TransactionReversalRequest } from './entities/transaction-reversal-request.entity.js';

export interface AllocationView {
  installmentNumber: number;
  principal: Money;
  lateFee: Money;
}

export interface ReversalRequestView {
  id: string;
  loanId: string;
  transactionId: string;
  status: ReversalRequestStatus;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  reversalTransactionId: string | null;
}

/** One line of GET /api/loans/:id/transactions. */
export interface LoanTransactionView {
  id: string;
  kind: LoanTransactionKind;
  /** REVERSED once a reversal was applied to this repayment; every other transaction is POSTED. */
  status: 'POSTED' | 'REVERSED';
  amount: Money;
  valueDate: string;
  channel: RepaymentChannel | null;
  reference: string;
  /** A repayment: what it pays now (a backdated payment or a reversal may have moved it). A reversal: what it undid. */
  principal: Money;
  lateFee: Money;
  overpayment: Money;
  /** A repayment's allocations; a reversal shows those of the repayment it undid; a refund has none. */
  allocations: AllocationView[];
  reversesTransactionId: string | null;
  reversalTransactionId: string | null;
  /** The repayment's latest reversal request, if any. */
  reversalRequest: ReversalRequestView | null;
  journalEntryId: string;
  postedBy: string | null;
  postedAt: string;
}

export const toReversalRequestView = (r: TransactionReversalRequest): ReversalRequestView => ({
  id: r.id,
  loanId: r.loanId,
  transactionId: r.transactionId,
  status: r.status,
  reason: r.reason,
  requestedBy: r.requestedBy,
  requestedAt: r.requestedAt.toISOString(),
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
  decisionNote: r.decisionNote,
  reversalTransactionId: r.reversalTransactionId,
});
