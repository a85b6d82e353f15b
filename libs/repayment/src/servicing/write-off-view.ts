import type { Money } from '#money';
import type { LoanStatus } from '../entities/loan.entity.js';
import type { LoanRecovery, RecoveryChannel } from './loan-recovery.entity.js';

/** A written-off loan's account of what was lost and what has come back since. */
export interface WriteOffView {
  loanId: string;
  loanNumber: string;
  status: LoanStatus;
  writtenOffOn: string;
  /** The outstanding principal taken off 1200 Loans receivable. */
  principal: Money;
  /** Unpaid late fees taken off 1210 Late fees receivable. */
  lateFees: Money;
  /** principal + lateFees: what went to 5100 Loan losses. */
  writtenOffAmount: Money;
  recoveredAmount: Money;
  /** writtenOffAmount - recoveredAmount: the most that further recoveries may bring. */
  recoverableAmount: Money;
  reason: string;
  journalEntryId: string;
}

export interface RecoveryView {
  id: string;
  loanId: string;
  amount: Money;
  valueDate: string;
  channel: RecoveryChannel;
  reference: string;
  journalEntryId: string;
  createdAt: string;
}

export interface RecordedRecovery extends RecoveryView {
  /** The loan's totals after this recovery. */
  loan: { status: LoanStatus; writtenOffAmount: Money; recoveredAmount: Money; recoverableAmount: Money };
}

export const toRecoveryView = (r: LoanRecovery): RecoveryView => ({
  id: r.id,
  loanId: r.loanId,
  amount: r.amount,
  valueDate: r.valueDate,
  channel: r.channel,
  reference: r.reference,
  journalEntryId: r.journalEntryId,
  createdAt: r.createdAt.toISOString(),
});
