import { ACCOUNTS, LedgerService, type LineDraft } from '#ledger';
import { Money } from '#money';
import { AuditService, BusinessDateService, DomainError, InvalidStateError, NotFoundError, requestContext, TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Loan } from '../entities/loan.entity.js';
import { lockLoan } from './current-schedule.js';
import { LoanWriteOff } from './loan-write-off.entity.js';
import type { WriteOffView } from './write-off-view.js';
import { writeOffTotals } from './write-off-totals.js';

/**
 * Write-off (hapus buku): the loan leaves the books, not the borrower's debt. Its installments keep
 * what was unpaid as the record of the claim; collection goes on, and what comes in is a recovery
 * (RecoveriesService), never a repayment.
 */
@Injectable()
export class WriteOffService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly businessDate: BusinessDateService,
  ) {}

  /**
   * Dr 5100 Loan losses / Cr 1200 Loans receivable for the outstanding principal, and Dr 5100 / Cr 1210
   * for unpaid late fees when there are any; the loan becomes WRITTEN_OFF with nothing outstanding.
   */
  async writeOff(loanId: string, reason: string): Promise<WriteOffView> {
    return this.tx.run(async (em) => {
      const loan = await lockLoan(em, loanId);
      if (loan.status !== 'ACTIVE') throw new InvalidStateError(`Loan ${loan.number} is ${loan.status}: only an ACTIVE loan can be written off`);
      const today = await this.businessDate.current(em);
      const principal = loan.outstandingPrincipal;
      const lateFees = await this.unpaidLateFees(em, loan.id);
      const total = principal.plus(lateFees);
      if (!total.isPositive()) throw new DomainError('UNPROCESSABLE', 'NOTHING_TO_WRITE_OFF', `Loan ${loan.number} owes nothing: there is nothing to write off`);

      const lines: LineDraft[] = [];
      if (principal.isPositive()) lines.push({ account: ACCOUNTS.LOAN_LOSSES, debit: principal }, { account: ACCOUNTS.LOANS_RECEIVABLE, credit: principal });
      if (lateFees.isPositive()) lines.push({ account: ACCOUNTS.LOAN_LOSSES, debit: lateFees }, { account: ACCOUNTS.LATE_FEES_RECEIVABLE, credit: lateFees });
      const entry = await this.ledger.post(em, {
        programmeId: loan.programmeId,
        valueDate: today,
        kind: 'WRITE_OFF',
        description: `Loan ${loan.number} written off: ${reason}`,
        reference: loan.number,
        sourceType: 'loan',
        sourceId: loan.id,
        lines,
      });
      await em.insert(LoanWriteOff, {
        loanId: loan.id,
        programmeId: loan.programmeId,
        principal,
        lateFees,
        writtenOffOn: today,
        reason,
        journalEntryId: entry.id,
        createdBy: requestContext.current()?.userId ?? null,
      });
      await em.query(
        `UPDATE loan SET status = 'WRITTEN_OFF', outstanding_principal = 0, written_off_amount = $2, written_off_on = $3,
                version = version + 1, updated_at = now()
          WHERE id = $1`,
        [loan.id, total.toString(), today],
      );
      const view = await this.view(em, loan.id);
      await this.audit.record(em, {
        action: 'LOAN_WRITTEN_OFF',
        entityType: 'loan',
        entityId: loan.id,
        before: { status: loan.status, outstandingPrincipal: principal, lateFeesReceivable: lateFees, version: loan.version },
        after: { status: view.status, outstandingPrincipal: Money.zero(), writtenOffAmount: total, writtenOffOn: today, reason, journalEntryId: entry.id, journalEntryNumber: entry.number },
      });
      return view;
    });
  }

  /** 404 when the loan does not exist or has not been written off. */
  async get(loanId: string): Promise<WriteOffView> {
    return this.view(this.tx.manager, loanId);
  }

  private async view(em: EntityManager, loanId: string): Promise<WriteOffView> {
    const loan = await em.findOneBy(Loan, { id: loanId });
    if (!loan) throw new NotFoundError('Loan', loanId);
    const writeOff = await em.findOneBy(LoanWriteOff, { loanId });
    const totals = await writeOffTotals(em, loanId);
    if (!writeOff || !totals) throw new DomainError('NOT_FOUND', 'NOT_FOUND', `Loan ${loan.number} has not been written off`);
    return {
      loanId,
      loanNumber: loan.number,
      status: loan.status,
      writtenOffOn: writeOff.writtenOffOn,
      principal: writeOff.principal,
      lateFees: writeOff.lateFees,
      writtenOffAmount: totals.writtenOffAmount,
      recoveredAmount: totals.recoveredAmount,
      recoverableAmount: totals.recoverableAmount,
      reason: writeOff.reason,
      journalEntryId: writeOff.journalEntryId,
    };
  }

  /** Late fees charged on the current schedule and not paid: what 1210 holds for this loan. */
  private async unpaidLateFees(em: EntityManager, loanId: string): Promise<Money> {
    const [row] = (await em.query(
      `SELECT coalesce(sum(late_fee_due - late_fee_paid), 0)::numeric(18,2)::text AS unpaid FROM loan_installment WHERE loan_id = $1 AND superseded_at IS NULL`,
      [loanId],
    )) as { unpaid: string }[];
    return Money.fromDb(row.unpaid);
  }
}
