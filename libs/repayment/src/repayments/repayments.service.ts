import { randomUUID } from 'node:crypto';
import { LedgerService, valueDateInFuture } from '#ledger';
import type { Money } from '#money';
import { AuditService, requestContext, TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { allocateRepayment, type InstallmentBalance, type PaymentSplit } from '../domain/allocate-repayment.js';
import { isBackdated } from '../domain/replay-allocations.js';
import type { RepaymentChannel } from './entities/loan-transaction.entity.js';
import {
  AFTER_EVERY_SEQ,
  assertAcceptsRepayments,
  changedInstallments,
  insertTransaction,
  type LoanBalances,
  type LockedLoan,
  type NewTransaction,
  lockLoan,
  repaymentsAfter,
  type Split,
  ZERO_SPLIT,
} from './loan-book.js';
import { postReallocation, rebookLoan, type Reallocation } from './rebooking.js';
import { valueDateBeforeDisbursement, valueDateBeforeReschedule } from './repayment-errors.js';
import { repaymentLines } from './repayment-entries.js';
import { RepaymentHooks } from './repayment-hooks.js';

export interface PostRepaymentInput {
  amount: Money;
  /** Defaults to the business date. */
  valueDate?: string;
  channel: RepaymentChannel;
  reference: string;
}

/** The answer of POST /api/loans/:id/repayments (api.md), with the value date and whether it was replayed. */
export interface PostedRepayment {
  transactionId: string;
  valueDate: string;
  /** Dated before the loan's latest repayment: the later ones were replayed after it. */
  backdated: boolean;
  allocations: { installmentNumber: number; principal: Money; lateFee: Money }[];
  principal: Money;
  lateFee: Money;
  overpayment: Money;
  loan: LoanBalances;
  journalEntryId: string;
  /** The entry that moved the later repayments' split, when a backdated payment changed it. */
  adjustmentEntryId: string | null;
}

/**
 * Repayment posting (issue 6 item 1-2). Everything a payment changes is written in one transaction
 * under the loan's row lock: the transaction and allocation rows, the installments, the loan's
 * balances and status, the journal entry, the audit row and the reminder hook. A payment in value-date
 * order reads only the installments it reaches; a backdated one replays the repayments dated after it.
 */
@Injectable()
export class RepaymentsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly hooks: RepaymentHooks,
  ) {}

  async post(loanId: string, input: PostRepaymentInput): Promise<PostedRepayment> {
    return this.tx.run(async (em) => {
      const loan = await lockLoan(em, loanId, input.amount);
      assertAcceptsRepayments(loan);
      const today = loan.businessDate;
      const valueDate = input.valueDate ?? today;
      if (valueDate > today) throw valueDateInFuture(valueDate, today);
      if (valueDate < loan.disbursedOn) throw valueDateBeforeDisbursement(valueDate, loan.disbursedOn);

      const id = randomUUID();
      const backdated = isBackdated(valueDate, loan.latestRepaymentDate);
      const posting = backdated ? await this.replayWith(em, loan, id, input.amount, valueDate) : this.allocateInOrder(loan, loan.reached, input.amount, valueDate);
      const { split, tailDelta } = posting;

      const entry = await this.ledger.post(em, {
        programmeId: loan.programmeId,
        valueDate,
        kind: 'REPAYMENT',
        description: `Repayment on loan ${loan.number} (${input.channel} ${input.reference})`,
        reference: input.reference,
        sourceType: 'loan_transaction',
        sourceId: id,
        lines: repaymentLines(input.amount, split),
      });
      const transaction: NewTransaction = {
        id,
        loanId: loan.id,
        programmeId: loan.programmeId,
        kind: 'REPAYMENT',
        amount: input.amount,
        valueDate,
        channel: input.channel,
        reference: input.reference,
        split,
        reversesTransactionId: null,
        journalEntryId: entry.id,
        createdBy: requestContext.current()?.userId ?? null,
      };
      const move = { principalRepaid: split.principal.plus(tailDelta.principal), creditAdded: split.overpayment.plus(tailDelta.overpayment) };
      const balances = await insertTransaction(em, transaction, move, split.allocations, posting.written);
      const adjustment = await postReallocation(this.ledger, em, loan, tailDelta, today, input.reference, 'a backdated repayment');
      if (posting.paid.length) await this.hooks.onInstallmentsPaid(em, loan.id, posting.paid);
      if (posting.reopened.length) await this.hooks.onInstallmentsReopened(em, loan.id, posting.reopened);

      const result: PostedRepayment = {
        transactionId: id,
        valueDate,
        backdated,
        allocations: split.allocations.map((a) => ({ installmentNumber: a.installmentNumber, principal: a.principal, lateFee: a.lateFee })),
        principal: split.principal,
        lateFee: split.lateFee,
        overpayment: split.overpayment,
        loan: balances,
        journalEntryId: entry.id,
        adjustmentEntryId: adjustment,
      };
      await this.audit.record(em, {
        action: 'REPAYMENT_POSTED',
        entityType: 'loan_transaction',
        entityId: id,
        before: { loanId: loan.id, status: loan.status, outstandingPrincipal: loan.outstandingPrincipal, creditBalance: loan.creditBalance },
        after: { ...result, loanId: loan.id, amount: input.amount, channel: input.channel, reference: input.reference, reallocated: posting.reallocated },
      });
      return result;
    });
  }

  /**
   * The common case: nothing posted is dated after this payment, so it is allocated on top of the
   * current state, with only the unpaid installments the amount reaches (read with the loan's lock).
   */
  private allocateInOrder(loan: LockedLoan, reached: InstallmentBalance[], amount: Money, valueDate: string): Posting {
    const r = allocateRepayment(reached, amount, valueDate, loan.strategy);
    const moved = changedInstallments(reached, r.installments);
    return { split: r, tailDelta: ZERO_SPLIT, reallocated: [], paid: moved.paid, reopened: [], written: moved.changed };
  }

  /** Backdated: the repayments dated after this one are replayed after it, as if it had come first. */
  private async replayWith(em: EntityManager, loan: LockedLoan, id: string, amount: Money, valueDate: string): Promise<Posting> {
    const tail = await repaymentsAfter(em, loan.id, valueDate, AFTER_EVERY_SEQ);
    const outcome = await rebookLoan(em, loan, { tail, add: { id, amount, valueDate, seq: AFTER_EVERY_SEQ } }, () => valueDateBeforeReschedule(valueDate));
    return {
      split: outcome.added!,
      tailDelta: outcome.tailDelta,
      reallocated: outcome.reallocated,
      paid: outcome.paidInstallmentIds,
      reopened: outcome.reopenedInstallmentIds,
      written: [],
    };
  }

}

interface Posting {
  split: PaymentSplit;
  tailDelta: Split;
  reallocated: Reallocation[];
  paid: string[];
  reopened: string[];
  /** Installments still to write, with the transaction's own statement (the rebooking wrote its own). */
  written: InstallmentBalance[];
}
