import type { Money } from '#money';
import { NotFoundError, type Page, type PageQuery, TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';
import { Loan } from '../entities/loan.entity.js';
import type { LoanTransactionKind, RepaymentChannel } from '../repayments/entities/loan-transaction.entity.js';
import { LoanTransactionsService } from '../repayments/loan-transactions.service.js';
import type { AllocationView, LoanTransactionView } from '../repayments/transaction-view.js';

/**
 * One payment as its borrower sees it: what was paid, when, how, and which installments it settled. The
 * staff view's internals (journal entry, who posted it, reversal requests, bank references) stay out.
 */
export interface BorrowerPaymentView {
  id: string;
  /** REPAYMENT, REVERSAL (a repayment undone), REFUND (an overpayment paid back). */
  kind: LoanTransactionKind;
  status: 'POSTED' | 'REVERSED';
  amount: Money;
  valueDate: string;
  channel: RepaymentChannel | null;
  principal: Money;
  lateFee: Money;
  overpayment: Money;
  allocations: AllocationView[];
}

const toBorrowerPayment = (t: LoanTransactionView): BorrowerPaymentView => ({
  id: t.id,
  kind: t.kind,
  status: t.status,
  amount: t.amount,
  valueDate: t.valueDate,
  channel: t.channel,
  principal: t.principal,
  lateFee: t.lateFee,
  overpayment: t.overpayment,
  allocations: t.allocations,
});

/** A borrower's payment history on one of their loans; another borrower's loan is NOT_FOUND. */
@Injectable()
export class BorrowerPaymentsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly transactions: LoanTransactionsService,
  ) {}

  /** Newest posted first, paginated as GET /api/loans/:id/transactions is. */
  async list(borrowerId: string | null, loanId: string, q: PageQuery): Promise<Page<BorrowerPaymentView>> {
    if (!borrowerId || !(await this.tx.manager.existsBy(Loan, { id: loanId, borrowerId }))) throw new NotFoundError('Loan', loanId);
    const page = await this.transactions.list(loanId, { limit: q.limit, cursor: q.cursor });
    return { items: page.items.map(toBorrowerPayment), nextCursor: page.nextCursor };
  }
}
