import { AuditService, type AuthenticatedUser, FieldEncryptionService, maskEmail, NotFoundError, TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Channel, CHANNELS } from '../outbox/channel.js';
import { openContactEmail, sealContactEmail } from './contact-email.js';

export interface NotificationPreferences {
  borrowerId: string;
  optOut: Channel[];
  /** Masked (`si**@example.com`): the address is kept encrypted and never answered in clear. */
  email: string | null;
}

export interface PreferencesChange {
  optOut: Channel[];
  /** Omitted: unchanged; null: removed. */
  email?: string | null;
}

/** Which channels a borrower refused and where reminder e-mails go. The sender skips refused channels. */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly cipher: FieldEncryptionService,
  ) {}

  get(borrowerId: string, user: AuthenticatedUser): Promise<NotificationPreferences> {
    return this.tx.run(async (em) => {
      await this.checkAccess(em, borrowerId, user);
      return this.read(em, borrowerId);
    });
  }

  set(borrowerId: string, change: PreferencesChange, user: AuthenticatedUser): Promise<NotificationPreferences> {
    return this.tx.run(async (em) => {
      await this.checkAccess(em, borrowerId, user, true);
      const before = await this.read(em, borrowerId);
      // Every known channel gets a row, so that opting back in is recorded as such, not as a missing row.
      await em.query(
        `INSERT INTO notification_preference (borrower_id, channel, opted_out)
         SELECT $1, c, c = ANY($2::text[]) FROM unnest($3::text[]) AS c
         ON CONFLICT (borrower_id, channel) DO UPDATE SET opted_out = EXCLUDED.opted_out, updated_at = now()`,
        [borrowerId, change.optOut, CHANNELS],
      );
      if (change.email !== undefined) {
        await em.query(
          `INSERT INTO notification_contact (borrower_id, email_encrypted) VALUES ($1, $2)
           ON CONFLICT (borrower_id) DO UPDATE SET email_encrypted = EXCLUDED.email_encrypted, updated_at = now()`,
          [borrowerId, change.email === null ? null : sealContactEmail(this.cipher, borrowerId, change.email)],
        );
      }
      const after = await this.read(em, borrowerId);
      await this.audit.record(em, { action: 'NOTIFICATION_PREFERENCES_CHANGED', entityType: 'borrower', entityId: borrowerId, before, after });
      return after;
    });
  }

  /** A borrower sees only their own preferences; someone else's id answers 404, as for the borrower record. */
  private async checkAccess(em: EntityManager, borrowerId: string, user: AuthenticatedUser, lock = false): Promise<void> {
    const isBorrower = user.roles.includes('borrower') && !user.roles.some((r) => r === 'admin' || r === 'loan_officer');
    if (isBorrower && user.borrowerId !== borrowerId) throw new NotFoundError('Borrower', borrowerId);
    // Serialises concurrent changes of one borrower's preferences, so the audited before is the real one.
    const rows = (await em.query(`SELECT id FROM borrower WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [borrowerId])) as unknown[];
    if (!rows.length) throw new NotFoundError('Borrower', borrowerId);
  }

  private async read(em: EntityManager, borrowerId: string): Promise<NotificationPreferences> {
    const optOut = (
      (await em.query(`SELECT channel FROM notification_preference WHERE borrower_id = $1 AND opted_out ORDER BY channel`, [borrowerId])) as { channel: Channel }[]
    ).map((r) => r.channel);
    const [contact] = (await em.query(`SELECT email_encrypted FROM notification_contact WHERE borrower_id = $1`, [borrowerId])) as {
      email_encrypted: string | null;
    }[];
    // Masked here, so neither the answer nor the audit row's before/after ever holds the address.
    const email = openContactEmail(this.cipher, borrowerId, contact?.email_encrypted ?? null);
    return { borrowerId, optOut, email: email === null ? null : maskEmail(email) };
  }
}
