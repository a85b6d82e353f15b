import { decodeCursor, NotFoundError, type Page, pageLimit, toPage, TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Loan } from '../entities/loan.entity.js';
import { LoanTransaction, type LoanTransactionKind } from './entities/loan-transaction.entity.js';
import { TransactionReversalRequest } from './entities/transaction-reversal-request.entity.js';
import { allocationsOf } from './loan-book.js';
import { type LoanTransactionView, toReversalRequestView } from './transaction-view.js';

export interface LoanTransactionFilter {
  kind?: LoanTransactionKind;
  limit?: number;
  cursor?: string;
}

/** A loan's repayments, reversals and refunds, as staff read them. */
@Injectable()
export class LoanTransactionsService {
  constructor(private readonly tx: TransactionRunner) {}

  /** Newest posted first, keyset-paginated on the posting order; allocations and reversal requests in two reads per page. */
  async list(loanId: string, f: LoanTransactionFilter): Promise<Page<LoanTransactionView>> {
    const em = this.tx.manager;
    if (!(await em.existsBy(Loan, { id: loanId }))) throw new NotFoundError('Loan', loanId);
    const limit = pageLimit(f);
    const after = decodeCursor(f.cursor, 'integer');
    const qb = em
      .createQueryBuilder(LoanTransaction, 't')
      .where('t.loan_id = :loanId', { loanId })
      .orderBy('t.seq', 'DESC')
      .limit(limit + 1);
    if (f.kind) qb.andWhere('t.kind = :kind', { kind: f.kind });
    if (after) qb.andWhere('t.seq < :seq::bigint', { seq: after.k });
    const page = toPage(await qb.getMany(), limit, (t) => ({ k: t.seq, id: t.id }));

    // A reversal shows the allocations of the repayment it undid (kept as they were when reversed).
    const allocationSource = (t: LoanTransaction) => (t.kind === 'REVERSAL' ? t.reversesTransactionId! : t.id);
    const allocations = await allocationsOf(em, [...new Set(page.items.map(allocationSource))]);
    const repaymentIds = page.items.filter((t) => t.kind === 'REPAYMENT').map((t) => t.id);
    const requests = repaymentIds.length ? await em.find(TransactionReversalRequest, { where: { transactionId: In(repaymentIds) }, order: { requestedAt: 'ASC' } }) : [];
    // The latest request per repayment wins (ordered oldest first above).
    const latest = new Map(requests.map((r) => [r.transactionId, r]));

    return {
      nextCursor: page.nextCursor,
      items: page.items.map((t): LoanTransactionView => {
        const request = latest.get(t.id);
        return {
          id: t.id,
          kind: t.kind,
          status: t.reversalTransactionId ? 'REVERSED' : 'POSTED',
          amount: t.amount,
          valueDate: t.valueDate,
          channel: t.channel,
          reference: t.reference,
          principal: t.principal,
          lateFee: t.lateFee,
          overpayment: t.overpayment,
          allocations: t.kind === 'REFUND' ? [] : (allocations.get(allocationSource(t)) ?? []).map((a) => ({ installmentNumber: a.installmentNumber, principal: a.principal, lateFee: a.lateFee })),
          reversesTransactionId: t.reversesTransactionId,
          reversalTransactionId: t.reversalTransactionId,
          reversalRequest: request ? toReversalRequestView(request) : null,
          journalEntryId: t.journalEntryId,
          postedBy: t.createdBy,
          postedAt: t.createdAt.toISOString(),
        };
      }),
    };
  }
}
