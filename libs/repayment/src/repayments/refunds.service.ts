import { randomUUID } from 'node:crypto';
import { FundService, LedgerService, valueDateInFuture } from '#ledger';
import type { Money } from '#money';
import { AuditService, BusinessDateService, requestContext, TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';
import { insertTransaction, type LoanBalances, lockLoan, programmeOfLoan, ZERO_SPLIT } from './loan-book.js';
import { cashShort, noCreditBalance, refundExceedsCredit, valueDateBeforeDisbursement, valueDateBeforeLastRepayment } from './repayment-errors.js';
import { refundLines } from './repayment-entries.js';

export interface RefundInput {
  /** Defaults to the whole credit. */
  amount?: Money;
  /** Defaults to the business date. */
  valueDate?: string;
  reference: string;
}

export interface RefundView {
  transactionId: string;
  amount: Money;
  valueDate: string;
  reference: string;
  loan: LoanBalances;
  journalEntryId: string;
}

/** Pays back an overpayment credit (Dr 2100 / Cr 1100) under the fund's lock, then the loan's. */
@Injectable()
export class RefundsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: LedgerService,
    private readonly fund: FundService,
    private readonly audit: AuditService,
    private readonly businessDate: BusinessDateService,
  ) {}

  async refund(loanId: string, input: RefundInput): Promise<RefundView> {
    return this.tx.run(async (em) => {
      await this.fund.lock(em, await programmeOfLoan(em, loanId));
      const loan = await lockLoan(em, loanId);
      if (!loan.creditBalance.isPositive()) throw noCreditBalance();
      const amount = input.amount ?? loan.creditBalance;
      if (amount.gt(loan.creditBalance)) throw refundExceedsCredit(amount, loan.creditBalance);
      const today = await this.businessDate.current(em);
      const valueDate = input.valueDate ?? today;
      if (valueDate > today) throw valueDateInFuture(valueDate, today);
      if (valueDate < loan.disbursedOn) throw valueDateBeforeDisbursement(valueDate, loan.disbursedOn);
      const last = loan.latestRepaymentDate;
      if (last && valueDate < last) throw valueDateBeforeLastRepayment(valueDate, last);
      // Cash already promised to a pending transfer order is not the refund's to take: the bank
      // would then refuse the transfer the clerk has already sent.
      const { available } = await this.fund.availableCash(em, loan.programmeId);
      if (available.lt(amount)) throw cashShort(amount, available);

      const id = randomUUID();
      const entry = await this.ledger.post(em, {
        programmeId: loan.programmeId,
        valueDate,
        kind: 'REFUND',
        description: `Refund of overpayment on loan ${loan.number} (${input.reference})`,
        reference: input.reference,
        sourceType: 'loan_transaction',
        sourceId: id,
        lines: refundLines(amount),
      });
      const balances = await insertTransaction(
        em,
        {
          id,
          loanId: loan.id,
          programmeId: loan.programmeId,
          kind: 'REFUND',
          amount,
          valueDate,
          channel: null,
          reference: input.reference,
          split: ZERO_SPLIT,
          reversesTransactionId: null,
          journalEntryId: entry.id,
          createdBy: requestContext.current()?.userId ?? null,
        },
        { principalRepaid: ZERO_SPLIT.principal, creditAdded: amount.negated() },
      );
      const view: RefundView = { transactionId: id, amount, valueDate, reference: input.reference, loan: balances, journalEntryId: entry.id };
      await this.audit.record(em, {
        action: 'OVERPAYMENT_REFUNDED',
        entityType: 'loan_transaction',
        entityId: id,
        before: { loanId: loan.id, creditBalance: loan.creditBalance },
        after: { ...view, loanId: loan.id },
      });
      return view;
    });
  }
}
