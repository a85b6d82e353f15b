import { decodeCursor, NotFoundError, type Page, type PageQuery, pageLimit, toPage, TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';

export interface NotificationView {
  id: string;
  kind: 'DUE_SOON' | 'DUE_TODAY' | 'OVERDUE';
  installmentNumber: number;
  offsetDays: number;
  channel: string;
  /** QUEUED is an internal step of SCHEDULED: the contract knows four states. */
  status: 'SCHEDULED' | 'SENT' | 'FAILED' | 'CANCELLED';
  scheduledFor: string;
  sentAt?: string;
  attempts: number;
  lastError?: string;
}

interface Row {
  id: string;
  kind: NotificationView['kind'];
  installment_number: number;
  offset_days: number;
  channel: string;
  status: string;
  scheduled_for: Date;
  sent_at: Date | null;
  attempts: number;
  last_error: string | null;
}

/** A loan's reminders, in send order: everything planned, sent, failed or cancelled. */
@Injectable()
export class NotificationHistoryService {
  constructor(private readonly tx: TransactionRunner) {}

  async list(loanId: string, q: PageQuery): Promise<Page<NotificationView>> {
    const em = this.tx.manager;
    const [loan] = (await em.query(`SELECT id FROM loan WHERE id = $1`, [loanId])) as unknown[];
    if (!loan) throw new NotFoundError('loan', loanId);
    const limit = pageLimit(q);
    const after = decodeCursor(q.cursor, 'timestamp');
    const rows = (await em.query(
      `SELECT id, kind, installment_number, offset_days, channel, status, scheduled_for, sent_at, attempts, last_error
         FROM notification
        WHERE loan_id = $1 AND ($2::timestamptz IS NULL OR (scheduled_for, id) > ($2::timestamptz, $3::uuid))
        ORDER BY scheduled_for, id
        LIMIT $4`,
      [loanId, after?.k ?? null, after?.id ?? null, limit + 1],
    )) as Row[];
    const page = toPage(rows, limit, (r) => ({ k: new Date(r.scheduled_for).toISOString(), id: r.id }));
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  }

  /**
   * The reminders a borrower has received about one of their own loans (SENT only), newest first. Another
   * borrower's loan, or none, is NOT_FOUND. Ownership and the rows come from one statement.
   */
  async receivedByBorrower(borrowerId: string | null, loanId: string, q: PageQuery): Promise<Page<NotificationView>> {
    const em = this.tx.manager;
    const limit = pageLimit(q);
    const after = decodeCursor(q.cursor, 'timestamp');
    const rows = (await em.query(
      `SELECT l.id AS owned, n.id, n.kind, n.installment_number, n.offset_days, n.channel, n.status, n.scheduled_for, n.sent_at, n.attempts, n.last_error
         FROM (SELECT 1) one
         LEFT JOIN loan l ON l.id = $1 AND l.borrower_id = $2
         LEFT JOIN notification n ON n.loan_id = l.id AND n.status = 'SENT'
              AND ($3::timestamptz IS NULL OR (n.sent_at, n.id) < ($3::timestamptz, $4::uuid))
        ORDER BY n.sent_at DESC NULLS LAST, n.id DESC
        LIMIT $5`,
      [loanId, borrowerId, after?.k ?? null, after?.id ?? null, limit + 1],
    )) as (Row & { owned: string | null; id: string | null })[];
    if (!borrowerId || !rows[0]?.owned) throw new NotFoundError('loan', loanId);
    const sent = rows.filter((r): r is Row & { owned: string } => r.id !== null);
    const page = toPage(sent, limit, (r) => ({ k: new Date(r.sent_at ?? r.scheduled_for).toISOString(), id: r.id }));
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  }
}

function toView(r: Row): NotificationView {
  return {
    id: r.id,
    kind: r.kind,
    installmentNumber: r.installment_number,
    offsetDays: r.offset_days,
    channel: r.channel,
    status: r.status === 'QUEUED' ? 'SCHEDULED' : (r.status as NotificationView['status']),
    scheduledFor: new Date(r.scheduled_for).toISOString(),
    ...(r.sent_at ? { sentAt: new Date(r.sent_at).toISOString() } : {}),
    attempts: r.attempts,
    ...(r.last_error ? { lastError: r.last_error } : {}),
  };
}
