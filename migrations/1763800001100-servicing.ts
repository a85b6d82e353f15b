import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Loan servicing: write-offs and the recoveries collected after them, and area moratoria with the
 * due dates each one moved. Reschedules need no table of their own: they supersede installment rows
 * and add a schedule version (loan_installment), and the audit log keeps the before and after.
 */
export class Servicing1763800001100 implements MigrationInterface {
  name = 'Servicing1763800001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- On the loan itself, so that a loan's view reads them without a join. written_off_amount is all
      -- that went to 5100 Loan losses (principal and unpaid late fees); recoveries can never exceed it.
      -- A loan with a write-off stays WRITTEN_OFF: no later writer (a repayment, close-of-day) can
      -- reopen it. The converse is the write-off service's to keep (fixtures flip the status by SQL).
      ALTER TABLE loan
        ADD COLUMN written_off_amount numeric(18,2) CHECK (written_off_amount > 0),
        ADD COLUMN written_off_on date,
        ADD COLUMN recovered_amount numeric(18,2) NOT NULL DEFAULT 0 CHECK (recovered_amount >= 0),
        ADD CONSTRAINT loan_written_off_fields CHECK (
          (written_off_on IS NULL OR status = 'WRITTEN_OFF') AND (written_off_on IS NULL) = (written_off_amount IS NULL)),
        ADD CONSTRAINT loan_recovered_within_written_off CHECK (recovered_amount <= coalesce(written_off_amount, 0));

      CREATE TABLE loan_write_off (
        loan_id uuid PRIMARY KEY REFERENCES loan(id),
        programme_id uuid NOT NULL REFERENCES programme(id),
        principal numeric(18,2) NOT NULL CHECK (principal >= 0),
        late_fees numeric(18,2) NOT NULL CHECK (late_fees >= 0),
        written_off_on date NOT NULL,
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        journal_entry_id uuid NOT NULL UNIQUE REFERENCES journal_entry(id),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (principal + late_fees > 0)
      );

      -- Recoveries are not repayments: the loan is off the books, so they credit 5100 and touch no installment.
      CREATE TABLE loan_recovery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        loan_id uuid NOT NULL REFERENCES loan_write_off(loan_id),
        programme_id uuid NOT NULL REFERENCES programme(id),
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        value_date date NOT NULL,
        channel text NOT NULL CHECK (channel IN ('TELLER','TRANSFER','VA')),
        reference text NOT NULL CHECK (length(reference) BETWEEN 1 AND 140),
        journal_entry_id uuid NOT NULL UNIQUE REFERENCES journal_entry(id),
        created_by uuid REFERENCES app_user(id),
        -- Milliseconds, like the JS Date a list cursor carries.
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      );
      CREATE INDEX loan_recovery_loan ON loan_recovery (loan_id, created_at, id);

      CREATE TABLE loan_moratorium (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programme(id),
        district_codes text[] NOT NULL CHECK (cardinality(district_codes) >= 1),
        from_date date NOT NULL,
        months integer NOT NULL CHECK (months BETWEEN 1 AND 24),
        business_date date NOT NULL,
        loans_affected integer NOT NULL CHECK (loans_affected >= 0),
        installments_shifted integer NOT NULL CHECK (installments_shifted >= 0),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );

      -- Every due date a moratorium moved, before and after: a loan's history shows it, and it can be undone.
      CREATE TABLE loan_moratorium_installment (
        moratorium_id uuid NOT NULL REFERENCES loan_moratorium(id),
        installment_id uuid NOT NULL REFERENCES loan_installment(id),
        loan_id uuid NOT NULL REFERENCES loan(id),
        due_date_before date NOT NULL,
        due_date_after date NOT NULL CHECK (due_date_after > due_date_before),
        PRIMARY KEY (moratorium_id, installment_id)
      );
      CREATE INDEX loan_moratorium_installment_loan ON loan_moratorium_installment (loan_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE loan_moratorium_installment;
      DROP TABLE loan_moratorium;
      DROP TABLE loan_recovery;
      DROP TABLE loan_write_off;
      ALTER TABLE loan
        DROP CONSTRAINT loan_recovered_within_written_off,
        DROP CONSTRAINT loan_written_off_fields,
        DROP COLUMN recovered_amount,
        DROP COLUMN written_off_on,
        DROP COLUMN written_off_amount;
    `);
  }
}
