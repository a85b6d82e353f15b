// The reminder outbox (table notification), written with plain SQL on the caller's EntityManager so
// that booking, reschedule, moratorium and repayment plan or cancel reminders in their own
// transaction. #repayment and #disbursement call these; #notifications imports nothing from them.
import type { AppConfig } from '#platform';
import type { EntityManager } from 'typeorm';
import { planReminders } from '../domain/reminder-policy.js';
import { type Channel, channelOrder } from './channel.js';

export interface ReminderSettings {
  preferredHour: number;
  /** The channel a planned row shows until a send picks the one that carried it. */
  channel: Channel;
}

export const reminderSettings = (config: Pick<AppConfig, 'NOTIFY_PREFERRED_HOUR' | 'NOTIFY_CHANNELS'>): ReminderSettings => ({
  preferredHour: config.NOTIFY_PREFERRED_HOUR,
  channel: channelOrder(config.NOTIFY_CHANNELS)[0]!,
});

const DAY_MS = 86_400_000;
const shift = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * (Re)plans the reminders of a loan's current unpaid installments (or of `installmentIds` among them)
 * and cancels the pending ones of installments a reschedule superseded or a payment settled. A row
 * already SENT or FAILED is history and stays as it is. Returns the number of rows planned.
 */
export async function planLoanReminders(em: EntityManager, loanId: string, settings: ReminderSettings, installmentIds?: readonly string[]): Promise<number> {
  await em.query(
    `UPDATE notification n SET status = 'CANCELLED', updated_at = now()
       FROM loan_installment i
      WHERE i.id = n.installment_id AND n.loan_id = $1 AND n.status IN ('SCHEDULED','QUEUED')
        AND (i.superseded_at IS NOT NULL OR i.payment_status = 'PAID')`,
    [loanId],
  );
  const [loan] = (await em.query(
    `SELECT l.terms_snapshot->'reminderOffsetsDays' AS offsets, l.district_code, r.time_zone
       FROM loan l JOIN region r ON r.code = l.district_code WHERE l.id = $1`,
    [loanId],
  )) as { offsets: number[] | null; district_code: string; time_zone: string }[];
  if (!loan || !loan.offsets?.length) return 0;
  const installments = (await em.query(
    `SELECT id, number, due_date::text AS due_date FROM loan_installment
      WHERE loan_id = $1 AND superseded_at IS NULL AND payment_status <> 'PAID' AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
    [loanId, installmentIds ? [...installmentIds] : null],
  )) as { id: string; number: number; due_date: string }[];
  if (!installments.length) return 0;

  const dues = installments.map((i) => i.due_date).sort();
  const offsets = loan.offsets;
  // Wide enough for any offset plus a run of holidays after it.
  const from = shift(dues[0]!, Math.min(0, ...offsets) - 1);
  const to = shift(dues[dues.length - 1]!, Math.max(0, ...offsets) + 31);
  const holidays = new Set(
    ((await em.query(
      `SELECT DISTINCT date::text AS date FROM holiday
        WHERE date BETWEEN $1::date AND $2::date
          AND (region_code IS NULL OR $3::text = region_code OR $3::text LIKE region_code || '.%')`,
      [from, to, loan.district_code],
    )) as { date: string }[]).map((h) => h.date),
  );

  const cols = { inst: [] as string[], num: [] as number[], kind: [] as string[], off: [] as number[], at: [] as string[] };
  for (const i of installments) {
    for (const r of planReminders({ dueDate: i.due_date, offsetsDays: offsets, timeZone: loan.time_zone, holidays, preferredHour: settings.preferredHour })) {
      cols.inst.push(i.id);
      cols.num.push(i.number);
      cols.kind.push(r.kind);
      cols.off.push(r.offsetDays);
      cols.at.push(r.sendAt);
    }
  }
  // A reopened installment revives its cancelled rows; a queued one goes back to SCHEDULED so the
  // dispatcher queues it again for its new moment (its old job finds it not due and leaves it).
  await em.query(
    `INSERT INTO notification (loan_id, installment_id, installment_number, kind, offset_days, channel, status, scheduled_for)
     SELECT $1, t.inst, t.num, t.kind, t.off, $7, 'SCHEDULED', t.at
       FROM unnest($2::uuid[], $3::int[], $4::text[], $5::int[], $6::timestamptz[]) AS t(inst, num, kind, off, at)
     ON CONFLICT (installment_id, kind, offset_days) DO UPDATE
        SET scheduled_for = EXCLUDED.scheduled_for, status = 'SCHEDULED', queued_at = NULL, updated_at = now()
      WHERE notification.status IN ('SCHEDULED','QUEUED','CANCELLED')`,
    [loanId, cols.inst, cols.num, cols.kind, cols.off, cols.at, settings.channel],
  );
  return cols.inst.length;
}

/** Cancels the reminders of `installmentIds` that have not gone out. */
export async function cancelInstallmentReminders(em: EntityManager, installmentIds: readonly string[]): Promise<number> {
  if (!installmentIds.length) return 0;
  const rows = (await em.query(
    `UPDATE notification SET status = 'CANCELLED', updated_at = now()
      WHERE installment_id = ANY($1::uuid[]) AND status IN ('SCHEDULED','QUEUED') RETURNING id`,
    [[...installmentIds]],
  )) as [unknown[], number] | unknown[];
  return Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : rows.length;
}
