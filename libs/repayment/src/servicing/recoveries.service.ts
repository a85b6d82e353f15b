import { randomUUID } from 'node:crypto';
import { ACCOUNTS, LedgerService, valueDateInFuture } from '#ledger';
import type { Money } from '#money';
import {
  AuditService,
  BusinessDateService,
  decodeCursor,
  newestFirst,
  DomainError,
  InvalidStateError,
  NotFoundError,
  type Page,
  pageLimit,
  type PageQuery,
  requestContext,
  toPage,
  TransactionRunner,
} from '#platform';
import { Injectable } from '@nestjs/common';
import { Loan } from '../entities/loan.entity.js';
import { lockLoan } from './current-schedule.js';
import { LoanRecovery, type RecoveryChannel } from './loan-recovery.entity.js';
import { type RecordedRecovery, type RecoveryView, toRecoveryView } from './write-off-view.js';
import { writeOffTotals } from './write-off-totals.js';

export interface RecordRecoveryInput {
  amount: Money;
  /** Defaults to the business date. */
  valueDate?: string;
  channel: RecoveryChannel;
  reference: string;
}

/** Money collected on a written-off loan: it comes back out of 5100 Loan losses, never onto the installments. */
@Injectable()
export class RecoveriesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly businessDate: BusinessDateService,
  ) {}

  /** Dr 1100 Cash at bank / Cr 5100 Loan losses, at most what was written off and not yet recovered. */
  async record(loanId: string, input: RecordRecoveryInput): Promise<RecordedRecovery> {
    return this.tx.run(async (em) => {
      const loan = await lockLoan(em, loanId);
      const totals = await writeOffTotals(em, loan.id);
      if (loan.status !== 'WRITTEN_OFF' || !totals)
        throw new InvalidStateError(
          loan.status === 'WRITTEN_OFF'
            ? `Loan ${loan.number} has no write-off recorded to recover against`
            : `Loan ${loan.number} is ${loan.status}: recoveries are for WRITTEN_OFF loans; repayments go to POST /api/loans/${loan.id}/repayments`,
        );
      const today = await this.businessDate.current(em);
      const valueDate = input.valueDate ?? today;
      if (valueDate > today) throw valueDateInFuture(valueDate, today);
      if (valueDate < totals.writtenOffOn)
        throw new DomainError('UNPROCESSABLE', 'VALUE_DATE_BEFORE_WRITE_OFF', `valueDate ${valueDate} is before the loan was written off (${totals.writtenOffOn}): that money was a repayment`, {
          writtenOffOn: totals.writtenOffOn,
        });
      if (input.amount.gt(totals.recoverableAmount))
        throw new DomainError(
          'UNPROCESSABLE',
          'RECOVERY_EXCEEDS_WRITTEN_OFF',
          `amount ${input.amount.toString()} is more than the ${totals.recoverableAmount.toString()} written off and not yet recovered`,
          { writtenOffAmount: totals.writtenOffAmount, recoveredAmount: totals.recoveredAmount, recoverableAmount: totals.recoverableAmount },
        );

      const id = randomUUID();
      const entry = await this.ledger.post(em, {
        programmeId: loan.programmeId,
        valueDate,
        kind: 'RECOVERY',
        description: `Recovery on written-off loan ${loan.number} (${input.channel} ${input.reference})`,
        reference: input.reference,
        sourceType: 'loan_recovery',
        sourceId: id,
        lines: [
          { account: ACCOUNTS.CASH, debit: input.amount },
          { account: ACCOUNTS.LOAN_LOSSES, credit: input.amount },
        ],
      });
      await em.insert(LoanRecovery, {
        id,
        loanId: loan.id,
        programmeId: loan.programmeId,
        amount: input.amount,
        valueDate,
        channel: input.channel,
        reference: input.reference,
        journalEntryId: entry.id,
        createdBy: requestContext.current()?.userId ?? null,
      });
      await em.query(`UPDATE loan SET recovered_amount = recovered_amount + $2, version = version + 1, updated_at = now() WHERE id = $1`, [loan.id, input.amount.toString()]);
      const after = await writeOffTotals(em, loan.id);
      if (!after) throw new Error(`Loan ${loan.id} lost its write-off while locked`);
      const recovery: RecordedRecovery = {
        ...toRecoveryView(await em.findOneByOrFail(LoanRecovery, { id })),
        loan: { status: loan.status, writtenOffAmount: after.writtenOffAmount, recoveredAmount: after.recoveredAmount, recoverableAmount: after.recoverableAmount },
      };
      await this.audit.record(em, {
        action: 'LOAN_RECOVERY_RECORDED',
        entityType: 'loan',
        entityId: loan.id,
        before: { recoveredAmount: totals.recoveredAmount, version: loan.version },
        after: { recoveryId: id, amount: input.amount, valueDate, channel: input.channel, reference: input.reference, recoveredAmount: after.recoveredAmount, journalEntryId: entry.id },
      });
      return recovery;
    });
  }

  /** A loan's recoveries, newest first, keyset-paginated on (created_at, id). */
  async list(loanId: string, q: PageQuery): Promise<Page<RecoveryView>> {
    const em = this.tx.manager;
    if (!(await em.existsBy(Loan, { id: loanId }))) throw new NotFoundError('Loan', loanId);
    const limit = pageLimit(q);
    const after = decodeCursor(q.cursor, 'timestamp');
    const qb = newestFirst(em.createQueryBuilder(LoanRecovery, 'r').where('r.loan_id = :loanId', { loanId }), limit, after);
    return toPage((await qb.getMany()).map(toRecoveryView), limit, (r) => ({ k: r.createdAt, id: r.id }));
  }
}
