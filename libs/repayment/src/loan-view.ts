import type { Money } from '#money';
import type { Collectibility } from './domain/classify-collectibility.js';
import { installmentStatus, type InstallmentStatus, type LoanStanding } from './domain/loan-standing.js';
import type { LoanInstallment } from './entities/loan-installment.entity.js';
import type { Loan, LoanStatus } from './entities/loan.entity.js';

/** A loan as api.md shows it (GET /api/loans/:id), exactly these fields. */
export interface LoanView {
  id: string;
  number: string;
  borrowerId: string;
  productId: string;
  status: LoanStatus;
  principal: Money;
  outstandingPrincipal: Money;
  overdueAmount: Money;
  daysPastDue: number;
  collectibility: Collectibility;
  nextDueDate: string | null;
  nextDueAmount: Money | null;
  virtualAccount: string;
  disbursedOn: string;
  /** Present while the fund owes the borrower an overpayment not yet refunded (ledger 2100). */
  creditBalance?: Money;
}

export interface InstallmentView {
  number: number;
  dueDate: string;
  principalDue: Money;
  principalPaid: Money;
  lateFeeDue: Money;
  lateFeePaid: Money;
  status: InstallmentStatus;
  /** Present once the installment is paid in full. */
  paidOn?: string;
}

export interface LoanSchedule {
  installments: InstallmentView[];
}

export const toLoanView = (l: Loan, s: LoanStanding, creditBalance?: Money): LoanView => ({
  id: l.id,
  number: l.number,
  borrowerId: l.borrowerId,
  productId: l.productId,
  status: l.status,
  principal: l.principal,
  outstandingPrincipal: l.outstandingPrincipal,
  overdueAmount: s.overdueAmount,
  daysPastDue: s.daysPastDue,
  collectibility: s.collectibility,
  nextDueDate: s.nextDueDate,
  nextDueAmount: s.nextDueAmount,
  virtualAccount: l.virtualAccount,
  disbursedOn: l.disbursedOn,
  ...(creditBalance?.isPositive() ? { creditBalance } : {}),
});

export const toInstallmentView = (i: LoanInstallment, businessDate: string): InstallmentView => ({
  number: i.number,
  dueDate: i.dueDate,
  principalDue: i.principalDue,
  principalPaid: i.principalPaid,
  lateFeeDue: i.lateFeeDue,
  lateFeePaid: i.lateFeePaid,
  status: installmentStatus(i, businessDate),
  ...(i.paidOn ? { paidOn: i.paidOn } : {}),
});
