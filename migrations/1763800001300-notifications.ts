import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reminder outbox (one row per installment, kind and offset) and the borrowers' channel opt-outs (issue 8). */
export class Notifications1763800001300 implements MigrationInterface {
  name = 'Notifications1763800001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        loan_id uuid NOT NULL REFERENCES loan(id),
        installment_id uuid NOT NULL REFERENCES loan_installment(id),
        installment_number integer NOT NULL CHECK (installment_number >= 1),
        kind text NOT NULL CHECK (kind IN ('DUE_SOON','DUE_TODAY','OVERDUE')),
        offset_days integer NOT NULL,
        -- The first channel planned; after a send, the one that carried it.
        channel text NOT NULL CHECK (channel IN ('LOG','WHATSAPP','SMS','EMAIL')),
        status text NOT NULL CHECK (status IN ('SCHEDULED','QUEUED','SENT','FAILED','CANCELLED')),
        scheduled_for timestamptz NOT NULL,
        queued_at timestamptz,
        sent_at timestamptz,
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text,
        -- The rendered text, kept only for the log channel (no personal data is sent elsewhere from here).
        message text,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (installment_id, kind, offset_days),
        CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
      );
      -- The dispatcher reads due rows by time; the history lists a loan's rows in send order.
      CREATE INDEX notification_due ON notification (scheduled_for) WHERE status IN ('SCHEDULED','QUEUED');
      CREATE INDEX notification_loan ON notification (loan_id, scheduled_for, id);

      CREATE TABLE notification_preference (
        borrower_id uuid NOT NULL REFERENCES borrower(id),
        channel text NOT NULL CHECK (channel IN ('LOG','WHATSAPP','SMS','EMAIL')),
        opted_out boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (borrower_id, channel)
      );
      -- Where reminder e-mails go; borrower registration has no e-mail, so it is set with the preferences.
      CREATE TABLE notification_contact (
        borrower_id uuid PRIMARY KEY REFERENCES borrower(id),
        email text,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_contact; DROP TABLE notification_preference; DROP TABLE notification`);
  }
}
