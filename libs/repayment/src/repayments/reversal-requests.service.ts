import { Money } from '#money';
import { decodeCursor, type Page, type PageQuery, pageLimit, toPage, TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';
import type { ReversalRequestStatus } from './entities/transaction-reversal-request.entity.js';

export interface ReversalRequestFilter extends PageQuery {
  status?: ReversalRequestStatus;
}

/** A reversal request with what a second finance user needs to decide it without opening the loan. */
export interface ReversalRequestListItem {
  id: string;
  status: ReversalRequestStatus;
  reason: string;
  loanId: string;
  loanNumber: string;
  transactionId: string;
  transactionReference: string;
  amount: Money;
  valueDate: string;
  channel: string | null;
  requestedBy: string;
  requestedByName: string | null;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

interface Row {
  id: string;
  status: ReversalRequestStatus;
  reason: string;
  loan_id: string;
  loan_number: string;
  transaction_id: string;
  reference: string;
  amount: string;
  value_date: string;
  channel: string | null;
  requested_by: string;
  requested_by_name: string | null;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
}

/**
 * The reversal requests across loans (the finance desk's "to approve" list), oldest first: the one
 * waiting longest is decided first. One query joining the loan, the repayment and the requester.
 */
@Injectable()
export class ReversalRequestsService {
  constructor(private readonly tx: TransactionRunner) {}

  async list(f: ReversalRequestFilter): Promise<Page<ReversalRequestListItem>> {
    const limit = pageLimit(f);
    const after = decodeCursor(f.cursor, 'timestamp');
    const params: unknown[] = [limit + 1];
    const where: string[] = [];
    if (f.status) {
      params.push(f.status);
      where.push(`r.status = $${params.length}`);
    }
    if (after) {
      params.push(after.k, after.id);
      where.push(`(r.requested_at, r.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows = (await this.tx.manager.query(
      `SELECT r.id, r.status, r.reason, r.loan_id, l.number AS loan_number, r.transaction_id, t.reference, t.amount::text AS amount,
              t.value_date::text AS value_date, t.channel, r.requested_by, u.full_name AS requested_by_name,
              to_json(r.requested_at) #>> '{}' AS requested_at, r.decided_by, to_json(r.decided_at) #>> '{}' AS decided_at, r.decision_note
         FROM transaction_reversal_request r
         JOIN loan l ON l.id = r.loan_id
         JOIN loan_transaction t ON t.id = r.transaction_id
         LEFT JOIN app_user u ON u.id = r.requested_by
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY r.requested_at, r.id
        LIMIT $1`,
      params,
    )) as Row[];
    const items = rows.map(
      (r): ReversalRequestListItem => ({
        id: r.id,
        status: r.status,
        reason: r.reason,
        loanId: r.loan_id,
        loanNumber: r.loan_number,
        transactionId: r.transaction_id,
        transactionReference: r.reference,
        amount: Money.fromDb(r.amount),
        valueDate: r.value_date,
        channel: r.channel,
        requestedBy: r.requested_by,
        requestedByName: r.requested_by_name,
        requestedAt: new Date(r.requested_at).toISOString(),
        decidedBy: r.decided_by,
        decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
        decisionNote: r.decision_note,
      }),
    );
    return toPage(items, limit, (r) => ({ k: r.requestedAt, id: r.id }));
  }
}
