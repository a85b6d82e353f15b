import { Money } from '#money';
import { APP_CONFIG, type AppConfig, FieldCipher, reminderJobId, TransactionRunner } from '#platform';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GatewayChannel } from '../channels/gateway-channel.js';
import { EmailChannel } from '../channels/email-channel.js';
import { LogChannel } from '../channels/log-channel.js';
import type { ReminderChannel } from '../channels/reminder-channel.js';
import { renderReminder } from '../domain/reminder-message.js';
import { nextLawfulMoment, type ReminderKind } from '../domain/reminder-policy.js';
import { channelOrder } from '../outbox/channel.js';
import { openContactEmail } from '../preferences/contact-email.js';
import { openBorrowerPhone } from '../preferences/contact-phone.js';

export type SendOutcome = 'SENT' | 'CANCELLED' | 'SKIPPED' | 'DEFERRED' | 'FAILED';

/** No channel took the message: the queue tries again later (exponential backoff); the row keeps the reason. */
export class ReminderRetryError extends Error {}

/** The wall clock decides whether a moment is lawful; tests replace now() to send on a chosen day. */
export const reminderClock = { now: (): Date => new Date() };

/** A queued job may start a little before its row's moment (clock skew between Redis and PostgreSQL). */
const EARLY_TOLERANCE_MS = 60_000;

interface Row {
  id: string;
  status: string;
  kind: ReminderKind;
  offset_days: number;
  installment_id: string;
  installment_number: number;
  scheduled_for: Date;
  payment_status: string;
  superseded: boolean;
  due_date: string;
  owed: string;
  loan_status: string;
  virtual_account: string;
  borrower_id: string;
  district_code: string;
  phone_encrypted: string;
  email_encrypted: string | null;
  time_zone: string;
}

/**
 * Sends one reminder, holding its outbox row locked from the check to the status change: the
 * installment must still be unpaid, the row still SCHEDULED or QUEUED, and the moment lawful in the
 * borrower's zone (a job that runs late, say at 21:00, waits for the next lawful moment instead).
 * Channels are tried in NOTIFY_CHANNELS order, skipping those the borrower opted out of.
 */
@Injectable()
export class ReminderSender {
  private readonly channels: ReminderChannel[];
  /** Opens the borrower's encrypted phone and e-mail address; built from the config, so specs can still construct a sender by hand. */
  private readonly cipher: FieldCipher;

  constructor(
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cipher = new FieldCipher(config.DATA_ENCRYPTION_KEY);
    this.channels = channelOrder(config.NOTIFY_CHANNELS).map((name) => {
      if (name === 'LOG') return new LogChannel();
      if (name === 'EMAIL') {
        if (!config.NOTIFY_SMTP_URL) throw new Error('NOTIFY_CHANNELS names EMAIL: NOTIFY_SMTP_URL must be set');
        return new EmailChannel({ url: config.NOTIFY_SMTP_URL, from: config.NOTIFY_EMAIL_FROM, timeoutMs: config.NOTIFY_GATEWAY_TIMEOUT_MS });
      }
      if (!config.NOTIFY_GATEWAY_URL) throw new Error(`NOTIFY_CHANNELS names ${name}: NOTIFY_GATEWAY_URL must be set`);
      return new GatewayChannel(name, {
        url: config.NOTIFY_GATEWAY_URL,
        token: config.NOTIFY_GATEWAY_TOKEN,
        timeoutMs: config.NOTIFY_GATEWAY_TIMEOUT_MS,
        template: name === 'WHATSAPP' ? config.NOTIFY_TEMPLATE_WHATSAPP : config.NOTIFY_TEMPLATE_SMS,
      });
    });
  }

  /** `attempt` counts from 1; the last one that fails marks the row FAILED. Throws ReminderRetryError when no channel took it. */
  async send(notificationId: string, attempt = 1, now: Date = reminderClock.now()): Promise<SendOutcome> {
    const result = await this.tx.run(async (em) => {
      const [row] = (await em.query(
        `SELECT n.id, n.status, n.kind, n.offset_days, n.installment_id, n.installment_number, n.scheduled_for,
                i.payment_status, i.superseded_at IS NOT NULL AS superseded, i.due_date::text AS due_date,
                (i.principal_due - i.principal_paid + i.late_fee_due - i.late_fee_paid)::text AS owed,
                l.status AS loan_status, l.virtual_account, l.borrower_id, l.district_code, b.phone_encrypted, c.email_encrypted, r.time_zone
           FROM notification n
           JOIN loan_installment i ON i.id = n.installment_id
           JOIN loan l ON l.id = n.loan_id
           JOIN borrower b ON b.id = l.borrower_id
           JOIN region r ON r.code = l.district_code
           LEFT JOIN notification_contact c ON c.borrower_id = l.borrower_id
          WHERE n.id = $1
          FOR UPDATE OF n`,
        [notificationId],
      )) as Row[];
      if (!row || (row.status !== 'SCHEDULED' && row.status !== 'QUEUED')) return { outcome: 'SKIPPED' as const };
      if (row.payment_status === 'PAID' || row.superseded || row.loan_status !== 'ACTIVE') {
        await em.query(`UPDATE notification SET status = 'CANCELLED', updated_at = now() WHERE id = $1`, [row.id]);
        return { outcome: 'CANCELLED' as const };
      }
      // Re-planned to a later moment after this job was queued: the dispatcher queues it again then.
      if (new Date(row.scheduled_for).getTime() > now.getTime() + EARLY_TOLERANCE_MS) return this.defer(em, row.id, new Date(row.scheduled_for));
      if (this.config.NOTIFY_SEND_WINDOW === 'on') {
        const lawful = new Date(nextLawfulMoment(now, row.time_zone, await this.holidays(em, now, row.district_code), this.config.NOTIFY_PREFERRED_HOUR));
        if (lawful.getTime() > now.getTime()) return this.defer(em, row.id, lawful);
      }

      const optedOut = new Set(
        ((await em.query(`SELECT channel FROM notification_preference WHERE borrower_id = $1 AND opted_out`, [row.borrower_id])) as { channel: string }[]).map(
          (p) => p.channel,
        ),
      );
      const channels = this.channels.filter((c) => !optedOut.has(c.name));
      if (!channels.length) {
        await em.query(`UPDATE notification SET status = 'FAILED', attempts = attempts + 1, last_error = $2, updated_at = now() WHERE id = $1`, [
          row.id,
          'The borrower opted out of every configured channel',
        ]);
        return { outcome: 'FAILED' as const };
      }
      const language = this.config.NOTIFY_LANGUAGE;
      const amount = Money.fromDb(row.owed);
      const text = renderReminder({ kind: row.kind, installmentNumber: row.installment_number, amount, dueDate: row.due_date, virtualAccount: row.virtual_account }, language);
      const message = {
        idempotencyKey: reminderJobId(row.installment_id, row.kind, row.offset_days),
        phone: openBorrowerPhone(this.cipher, row.borrower_id, row.phone_encrypted),
        email: openContactEmail(this.cipher, row.borrower_id, row.email_encrypted),
        language,
        text,
        parameters: [String(row.installment_number), amount.format(), row.due_date, row.virtual_account],
      };
      const errors: string[] = [];
      for (const channel of channels) {
        try {
          await channel.send(message);
          await em.query(
            `UPDATE notification SET status = 'SENT', sent_at = $2, channel = $3, attempts = attempts + 1, last_error = NULL, message = $4, updated_at = now() WHERE id = $1`,
            [row.id, now, channel.name, channel.name === 'LOG' ? text : null],
          );
          return { outcome: 'SENT' as const };
        } catch (err) {
          errors.push((err as Error).message);
        }
      }
      const final = attempt >= this.config.NOTIFY_MAX_ATTEMPTS;
      const reason = errors.join('; ');
      await em.query(`UPDATE notification SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'FAILED' ELSE status END, updated_at = now() WHERE id = $1`, [
        row.id,
        final ? `Gave up after ${attempt} attempts: ${reason}` : reason,
        final,
      ]);
      return { outcome: 'FAILED' as const, reason };
    });
    // Thrown on the last attempt too, so that the queue keeps the job as failed beside the FAILED row.
    if ('reason' in result) throw new ReminderRetryError(result.reason);
    return result.outcome;
  }

  private async defer(em: EntityManager, id: string, until: Date): Promise<{ outcome: 'DEFERRED' }> {
    await em.query(`UPDATE notification SET status = 'SCHEDULED', scheduled_for = $2, queued_at = NULL, updated_at = now() WHERE id = $1`, [id, until]);
    return { outcome: 'DEFERRED' };
  }

  /** Holidays over the next few weeks in the borrower's region: enough to find the next lawful day. */
  private async holidays(em: EntityManager, now: Date, regionCode: string): Promise<ReadonlySet<string>> {
    const rows = (await em.query(
      `SELECT DISTINCT date::text AS date FROM holiday
        WHERE date BETWEEN ($1::timestamptz AT TIME ZONE 'UTC')::date - 1 AND ($1::timestamptz AT TIME ZONE 'UTC')::date + 30
          AND (region_code IS NULL OR $2::text = region_code OR $2::text LIKE region_code || '.%')`,
      [now, regionCode],
    )) as { date: string }[];
    return new Set(rows.map((r) => r.date));
  }
}
