import { randomUUID } from 'node:crypto';
import { FundService, LedgerService } from '#ledger';
import { AuditService, BusinessDateService, DomainError, InvalidStateError, NotFoundError, TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionReversalRequest } from './entities/transaction-reversal-request.entity.js';
import { findTransaction, insertTransaction, type LoanBalances, lockLoan, programmeOfLoan, repaymentsAfter, storedRepayment } from './loan-book.js';
import { postReallocation, rebookLoan } from './rebooking.js';
import { creditAlreadyRefunded, rescheduledSince } from './repayment-errors.js';
import { reversalLines } from './repayment-entries.js';
import { RepaymentHooks } from './repayment-hooks.js';
import { type ReversalRequestView, toReversalRequestView } from './transaction-view.js';

export interface AppliedReversalView extends ReversalRequestView {
  loan: LoanBalances;
  journalEntryId: string;
  adjustmentEntryId: string | null;
}

const makerChecker = () =>
  new DomainError('FORBIDDEN', 'MAKER_CHECKER_VIOLATION', 'The finance user who asked for a reversal cannot approve it: a second finance user must');

/**
 * Reversals with four eyes (issue 6 item 3): one finance user asks, a different one approves. Approval
 * books the mirror of the repayment as it stands (a new journal entry), takes it out of the loan and
 * replays the repayments after it, so the loan ends as if the payment had never come; a CLOSED loan
 * can reopen. Approval takes the fund's lock (cash goes down), then the loan's, like every cash-moving
 * step, so a disbursement's available-cash check never races it.
 */
@Injectable()
export class ReversalsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: LedgerService,
    private readonly fund: FundService,
    private readonly audit: AuditService,
    private readonly businessDate: BusinessDateService,
    private readonly hooks: RepaymentHooks,
  ) {}

  async request(loanId: string, transactionId: string, reason: string, requestedBy: string): Promise<ReversalRequestView> {
    return this.tx.run(async (em) => {
      const [loan] = (await em.query(`SELECT number, status FROM loan WHERE id = $1`, [loanId])) as { number: string; status: string }[];
      if (!loan) throw new NotFoundError('Loan', loanId);
      // The transaction's row lock queues two simultaneous requests; the unique index is the backstop.
      const t = await findTransaction(em, loanId, transactionId, true);
      if (t.kind !== 'REPAYMENT') throw new InvalidStateError(`Transaction ${t.reference} is a ${t.kind}: only a repayment can be reversed`);
      if (t.reversalTransactionId) throw new DomainError('CONFLICT', 'ALREADY_REVERSED', `Repayment ${t.reference} has already been reversed`, { reversalTransactionId: t.reversalTransactionId });
      const live = await em.findOneBy(TransactionReversalRequest, { transactionId, status: 'PENDING' });
      if (live)
        throw new DomainError('CONFLICT', 'REVERSAL_ALREADY_REQUESTED', `A reversal of repayment ${t.reference} is already waiting for approval`, { reversalRequestId: live.id });
      if (loan.status === 'WRITTEN_OFF') throw new InvalidStateError(`Loan ${loan.number} is WRITTEN_OFF: its repayments are no longer reversed`);
      const inserted = await em.insert(TransactionReversalRequest, { loanId, transactionId, status: 'PENDING', reason: reason.trim(), requestedBy });
      const request = await em.findOneByOrFail(TransactionReversalRequest, { id: (inserted.identifiers[0] as { id: string }).id });
      const view = toReversalRequestView(request);
      await this.audit.record(em, { action: 'REVERSAL_REQUESTED', entityType: 'transaction_reversal_request', entityId: request.id, after: view });
      return view;
    });
  }

  async approve(loanId: string, transactionId: string, approvedBy: string): Promise<AppliedReversalView> {
    return this.tx.run(async (em) => {
      await this.fund.lock(em, await programmeOfLoan(em, loanId));
      const loan = await lockLoan(em, loanId);
      await findTransaction(em, loanId, transactionId);
      const request = await this.lockRequest(em, transactionId);
      if (request.status !== 'PENDING') throw new InvalidStateError(`The reversal request is ${request.status}: only a PENDING one can be approved`);
      if (request.requestedBy === approvedBy) throw makerChecker();
      if (loan.status === 'WRITTEN_OFF') throw new InvalidStateError(`Loan ${loan.number} is WRITTEN_OFF: its repayments are no longer reversed`);

      const target = await storedRepayment(em, loanId, transactionId);
      const tail = await repaymentsAfter(em, loan.id, target.valueDate, target.seq);
      const outcome = await rebookLoan(em, loan, { tail, remove: target }, () => rescheduledSince(target.reference));
      const creditChange = outcome.tailDelta.overpayment.minus(target.overpayment);
      if (loan.creditBalance.plus(creditChange).isNegative()) throw creditAlreadyRefunded(creditChange.negated(), loan.creditBalance);

      const today = await this.businessDate.current(em);
      const reversalId = randomUUID();
      const entry = await this.ledger.post(em, {
        programmeId: loan.programmeId,
        valueDate: today,
        kind: 'REPAYMENT_REVERSAL',
        description: `Reversal of repayment ${target.reference} on loan ${loan.number}: ${request.reason}`,
        reference: target.reference,
        sourceType: 'loan_transaction',
        sourceId: reversalId,
        lines: reversalLines(target.amount, target),
      });
      const balances = await insertTransaction(
        em,
        {
          id: reversalId,
          loanId: loan.id,
          programmeId: loan.programmeId,
          kind: 'REVERSAL',
          amount: target.amount,
          valueDate: today,
          channel: null,
          reference: target.reference,
          split: target,
          reversesTransactionId: target.id,
          journalEntryId: entry.id,
          createdBy: approvedBy,
        },
        { principalRepaid: outcome.tailDelta.principal.minus(target.principal), creditAdded: creditChange },
      );
      await em.query(`UPDATE loan_transaction SET reversal_transaction_id = $2 WHERE id = $1`, [target.id, reversalId]);
      const adjustment = await postReallocation(this.ledger, em, loan, outcome.tailDelta, today, target.reference, `the reversal of repayment ${target.reference}`);
      await em.update(
        TransactionReversalRequest,
        { id: request.id },
        { status: 'APPROVED', decidedBy: approvedBy, decidedAt: () => 'now()', reversalTransactionId: reversalId },
      );
      if (outcome.reopenedInstallmentIds.length) await this.hooks.onInstallmentsReopened(em, loan.id, outcome.reopenedInstallmentIds);
      if (outcome.paidInstallmentIds.length) await this.hooks.onInstallmentsPaid(em, loan.id, outcome.paidInstallmentIds);

      const view: AppliedReversalView = {
        ...toReversalRequestView(await em.findOneByOrFail(TransactionReversalRequest, { id: request.id })),
        loan: balances,
        journalEntryId: entry.id,
        adjustmentEntryId: adjustment,
      };
      await this.audit.record(em, {
        action: 'REPAYMENT_REVERSED',
        entityType: 'loan_transaction',
        entityId: target.id,
        before: { status: loan.status, outstandingPrincipal: loan.outstandingPrincipal, creditBalance: loan.creditBalance, principal: target.principal, lateFee: target.lateFee, overpayment: target.overpayment },
        after: { ...view, reallocated: outcome.reallocated },
      });
      return view;
    });
  }

  /** Withdraws (the requester) or turns down (anyone else in finance) a pending request. */
  async reject(loanId: string, transactionId: string, rejectedBy: string, note?: string): Promise<ReversalRequestView> {
    return this.tx.run(async (em) => {
      await findTransaction(em, loanId, transactionId);
      const request = await this.lockRequest(em, transactionId);
      if (request.status !== 'PENDING') throw new InvalidStateError(`The reversal request is ${request.status}: only a PENDING one can be rejected`);
      await em.update(TransactionReversalRequest, { id: request.id }, { status: 'REJECTED', decidedBy: rejectedBy, decidedAt: () => 'now()', decisionNote: note?.trim() || null });
      const view = toReversalRequestView(await em.findOneByOrFail(TransactionReversalRequest, { id: request.id }));
      await this.audit.record(em, {
        action: 'REVERSAL_REJECTED',
        entityType: 'transaction_reversal_request',
        entityId: request.id,
        before: { status: request.status },
        after: view,
      });
      return view;
    });
  }

  /** The transaction's live request (pending or approved), else its latest rejected one; locked. */
  private async lockRequest(em: EntityManager, transactionId: string): Promise<TransactionReversalRequest> {
    const [row] = (await em.query(
      `SELECT id FROM transaction_reversal_request WHERE transaction_id = $1 ORDER BY (status = 'REJECTED'), requested_at DESC LIMIT 1 FOR UPDATE`,
      [transactionId],
    )) as { id: string }[];
    if (!row) throw new NotFoundError('Reversal request for transaction', transactionId);
    return em.findOneByOrFail(TransactionReversalRequest, { id: row.id });
  }
}
