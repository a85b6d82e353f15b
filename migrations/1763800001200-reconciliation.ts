import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bank statements and their lines (issue 7). A line's fingerprint is unique across all statements:
 * the database, not the importer, is what makes a second import of the same transaction impossible.
 * A line records what matching found and what was booked for it (repayment, confirmed disbursement,
 * suspense entry) and, for a suspense line, how finance resolved it (assigned to a loan or returned).
 */
export class Reconciliation1763800001200 implements MigrationInterface {
  name = 'Reconciliation1763800001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bank_statement (
        id uuid PRIMARY KEY,
        programme_id uuid NOT NULL REFERENCES programme(id),
        format text NOT NULL CHECK (format IN ('CSV','MT940')),
        profile text,
        account text NOT NULL DEFAULT '',
        file_sha256 text NOT NULL,
        first_date date NOT NULL,
        last_date date NOT NULL,
        opening_balance numeric(18,2),
        closing_balance numeric(18,2),
        line_count int NOT NULL,
        matched int NOT NULL,
        unmatched int NOT NULL,
        mismatched int NOT NULL,
        repayments_posted int NOT NULL,
        duplicates int NOT NULL,
        imported_by uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX bank_statement_programme_idx ON bank_statement (programme_id, created_at DESC, id DESC);

      CREATE TABLE bank_statement_line (
        id uuid PRIMARY KEY,
        statement_id uuid NOT NULL REFERENCES bank_statement(id),
        programme_id uuid NOT NULL REFERENCES programme(id),
        line_no int NOT NULL,
        value_date date NOT NULL,
        direction text NOT NULL CHECK (direction IN ('CREDIT','DEBIT')),
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        reference text NOT NULL,
        description text NOT NULL,
        balance numeric(18,2),
        fingerprint text NOT NULL,
        status text NOT NULL CHECK (status IN ('MATCHED','MISMATCHED','UNMATCHED')),
        reason text,
        loan_id uuid REFERENCES loan(id),
        disbursement_id uuid REFERENCES disbursement(id),
        loan_transaction_id uuid REFERENCES loan_transaction(id),
        loan_recovery_id uuid REFERENCES loan_recovery(id),
        suspense_entry_id uuid REFERENCES journal_entry(id),
        resolution text CHECK (resolution IN ('ASSIGNED','RETURNED')),
        resolution_entry_id uuid REFERENCES journal_entry(id),
        resolved_at timestamptz,
        resolved_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (resolution IS NULL OR suspense_entry_id IS NOT NULL)
      );
      CREATE UNIQUE INDEX bank_statement_line_fingerprint_uq ON bank_statement_line (fingerprint);
      CREATE INDEX bank_statement_line_statement_idx ON bank_statement_line (statement_id, line_no, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE bank_statement_line; DROP TABLE bank_statement;`);
  }
}
