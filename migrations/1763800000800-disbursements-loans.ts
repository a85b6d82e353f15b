import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Loan accounts with their schedules, disbursement orders and the bank batches that carry them. The
 * database holds the rules that money depends on: one live order per application, one loan per
 * application, installments whose payment status cannot disagree with their amounts, and each
 * loan's oldest unpaid due date (what days past due are counted from) kept by a trigger.
 */
export class DisbursementsLoans1763800000800 implements MigrationInterface {
  name = 'DisbursementsLoans1763800000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- One sequence each, for every programme and year: numbers stay unique without counter rows to lock.
      CREATE SEQUENCE loan_number_seq;
      CREATE SEQUENCE disbursement_reference_seq;
      CREATE SEQUENCE disbursement_batch_number_seq;

      CREATE TABLE loan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE CHECK (number ~ '^[A-Z0-9_]{1,32}-[0-9]{4}-[0-9]{6,}$'),
        programme_id uuid NOT NULL REFERENCES programme(id),
        application_id uuid NOT NULL UNIQUE REFERENCES application(id),
        borrower_id uuid NOT NULL REFERENCES borrower(id),
        product_id uuid NOT NULL REFERENCES product(id),
        district_code text NOT NULL REFERENCES region(code),
        principal numeric(18,2) NOT NULL CHECK (principal > 0),
        outstanding_principal numeric(18,2) NOT NULL CHECK (outstanding_principal >= 0 AND outstanding_principal <= principal),
        tenor integer NOT NULL CHECK (tenor >= 1),
        status text NOT NULL CHECK (status IN ('ACTIVE','CLOSED','WRITTEN_OFF')),
        collectibility_table text NOT NULL CHECK (collectibility_table IN ('BANK','BPR')),
        oldest_unpaid_due_date date,
        terms_snapshot jsonb NOT NULL,
        disbursed_on date NOT NULL,
        virtual_account text NOT NULL UNIQUE CHECK (virtual_account ~ '^[0-9]{9,24}$'),
        version integer NOT NULL DEFAULT 1,
        -- Milliseconds, like the JS Date a list cursor carries: keyset pages must compare equal keys equal.
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX loan_list ON loan (programme_id, created_at, id);
      CREATE INDEX loan_list_status ON loan (programme_id, status, created_at, id);
      CREATE INDEX loan_list_district ON loan (programme_id, district_code, created_at, id);
      -- A grade is a range of oldest unpaid due dates per table (oldestUnpaidDueDateRange).
      CREATE INDEX loan_arrears ON loan (programme_id, collectibility_table, oldest_unpaid_due_date);
      CREATE INDEX loan_borrower ON loan (borrower_id, status);
      CREATE INDEX loan_product ON loan (product_id);

      CREATE TABLE loan_installment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        loan_id uuid NOT NULL REFERENCES loan(id),
        number integer NOT NULL CHECK (number >= 1),
        due_date date NOT NULL,
        principal_due numeric(18,2) NOT NULL CHECK (principal_due >= 0),
        principal_paid numeric(18,2) NOT NULL DEFAULT 0 CHECK (principal_paid >= 0 AND principal_paid <= principal_due),
        late_fee_due numeric(18,2) NOT NULL DEFAULT 0 CHECK (late_fee_due >= 0),
        late_fee_paid numeric(18,2) NOT NULL DEFAULT 0 CHECK (late_fee_paid >= 0 AND late_fee_paid <= late_fee_due),
        payment_status text NOT NULL GENERATED ALWAYS AS (
          CASE WHEN principal_paid = principal_due AND late_fee_paid = late_fee_due THEN 'PAID'
               WHEN principal_paid > 0 OR late_fee_paid > 0 THEN 'PARTIALLY_PAID'
               ELSE 'UNPAID' END) STORED,
        paid_on date,
        -- A reschedule supersedes the unpaid rows and adds a new version; history is never deleted.
        schedule_version integer NOT NULL DEFAULT 1 CHECK (schedule_version >= 1),
        superseded_at timestamptz,
        UNIQUE (loan_id, schedule_version, number)
      );
      -- Arrears and reminders read unpaid installments by date.
      CREATE INDEX loan_installment_unpaid ON loan_installment (due_date, loan_id) WHERE payment_status <> 'PAID' AND superseded_at IS NULL;

      CREATE FUNCTION loan_track_oldest_unpaid() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE lid uuid;
      BEGIN
        IF TG_OP = 'DELETE' THEN lid := OLD.loan_id; ELSE lid := NEW.loan_id; END IF;
        UPDATE loan SET oldest_unpaid_due_date =
          (SELECT min(due_date) FROM loan_installment WHERE loan_id = lid AND payment_status <> 'PAID' AND superseded_at IS NULL)
         WHERE id = lid;
        RETURN NULL;
      END $$;
      CREATE TRIGGER loan_installment_oldest_unpaid
        AFTER INSERT OR DELETE OR UPDATE OF due_date, principal_due, principal_paid, late_fee_due, late_fee_paid, superseded_at ON loan_installment
        FOR EACH ROW EXECUTE FUNCTION loan_track_oldest_unpaid();

      CREATE TABLE disbursement_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE CHECK (number ~ '^BAT-[0-9]{4}-[0-9]{6,}$'),
        programme_id uuid NOT NULL REFERENCES programme(id),
        bank_code text NOT NULL CHECK (bank_code ~ '^[0-9]{3}$'),
        layout jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN','SENT','SETTLED','PARTLY_FAILED','FAILED')),
        count integer NOT NULL CHECK (count >= 1),
        total numeric(18,2) NOT NULL CHECK (total > 0),
        file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
        created_by uuid REFERENCES app_user(id),
        sent_at timestamptz,
        sent_by uuid REFERENCES app_user(id),
        closed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'OPEN') = (sent_at IS NULL) OR status IN ('SETTLED','PARTLY_FAILED','FAILED')),
        CHECK ((status IN ('SETTLED','PARTLY_FAILED','FAILED')) = (closed_at IS NOT NULL))
      );
      CREATE INDEX disbursement_batch_list ON disbursement_batch (programme_id, created_at, id);
      CREATE INDEX disbursement_batch_list_status ON disbursement_batch (programme_id, status, created_at, id);

      CREATE TABLE disbursement (
        id uuid PRIMARY KEY,
        reference text NOT NULL UNIQUE CHECK (reference ~ '^DSB-[0-9]{4}-[0-9]{6,}$'),
        programme_id uuid NOT NULL REFERENCES programme(id),
        application_id uuid NOT NULL REFERENCES application(id),
        borrower_id uuid NOT NULL REFERENCES borrower(id),
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        tenor integer NOT NULL CHECK (tenor >= 1),
        bank_code text NOT NULL CHECK (bank_code ~ '^[0-9]{3}$'),
        account_number_encrypted text NOT NULL,
        account_number_masked text NOT NULL,
        account_name text NOT NULL CHECK (length(account_name) BETWEEN 1 AND 100),
        status text NOT NULL CHECK (status IN ('PENDING','DISBURSED','CANCELLED')),
        batch_id uuid REFERENCES disbursement_batch(id),
        ordered_on date NOT NULL,
        ordered_by uuid REFERENCES app_user(id),
        value_date date CHECK (value_date >= ordered_on),
        bank_reference text CHECK (length(bank_reference) BETWEEN 1 AND 100),
        loan_id uuid UNIQUE REFERENCES loan(id),
        confirmed_at timestamptz,
        confirmed_by uuid REFERENCES app_user(id),
        cancel_reason text CHECK (length(cancel_reason) BETWEEN 1 AND 500),
        cancelled_at timestamptz,
        cancelled_by uuid REFERENCES app_user(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'DISBURSED') = (loan_id IS NOT NULL AND value_date IS NOT NULL AND bank_reference IS NOT NULL AND confirmed_at IS NOT NULL)),
        CHECK ((status = 'CANCELLED') = (cancel_reason IS NOT NULL AND cancelled_at IS NOT NULL))
      );
      -- The backstop of ALREADY_DISBURSED: one order that is not cancelled per application.
      CREATE UNIQUE INDEX disbursement_one_live_per_application ON disbursement (application_id) WHERE status <> 'CANCELLED';
      -- What the fund has committed: pending orders per programme, index-only.
      CREATE INDEX disbursement_committed ON disbursement (programme_id) INCLUDE (amount) WHERE status = 'PENDING';
      CREATE INDEX disbursement_list ON disbursement (programme_id, created_at, id);
      CREATE INDEX disbursement_list_status ON disbursement (programme_id, status, created_at, id);
      CREATE INDEX disbursement_batch_member ON disbursement (batch_id) WHERE batch_id IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE disbursement; DROP TABLE disbursement_batch;
      DROP TABLE loan_installment; DROP FUNCTION loan_track_oldest_unpaid(); DROP TABLE loan;
      DROP SEQUENCE disbursement_batch_number_seq; DROP SEQUENCE disbursement_reference_seq; DROP SEQUENCE loan_number_seq;
    `);
  }
}
