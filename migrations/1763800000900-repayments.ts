import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A loan's money movements after disbursement: repayments with their allocations over the installments,
 * reversals (asked by one finance user, applied by another) and refunds of overpayments. The database
 * holds the rules money depends on: a transaction's split adds up to its amount, an allocation never
 * empty, a repayment reversed at most once, one live reversal request per transaction, a credit
 * balance only on a loan that is no longer active, and four eyes on every applied reversal.
 */
export class Repayments1763800000900 implements MigrationInterface {
  name = 'Repayments1763800000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- What the fund owes the borrower from overpayments not yet refunded. Only a loan paid in full
      -- can have paid too much; a reversal that reopens the loan first takes the credit back.
      ALTER TABLE loan ADD COLUMN credit_balance numeric(18,2) NOT NULL DEFAULT 0 CHECK (credit_balance >= 0);
      ALTER TABLE loan ADD CONSTRAINT loan_credit_only_when_settled CHECK (credit_balance = 0 OR status <> 'ACTIVE');

      CREATE TABLE loan_transaction (
        id uuid PRIMARY KEY,
        -- Posting order: payments of one value date replay in this order.
        seq bigserial NOT NULL UNIQUE,
        loan_id uuid NOT NULL REFERENCES loan(id),
        programme_id uuid NOT NULL REFERENCES programme(id),
        kind text NOT NULL CHECK (kind IN ('REPAYMENT','REVERSAL','REFUND')),
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        value_date date NOT NULL,
        channel text CHECK (channel IN ('TELLER','TRANSFER','VA')),
        reference text NOT NULL CHECK (length(reference) BETWEEN 1 AND 140),
        -- A repayment's split as allocated now (a replay rewrites it); a reversal's is what it undid.
        principal numeric(18,2) NOT NULL DEFAULT 0 CHECK (principal >= 0),
        late_fee numeric(18,2) NOT NULL DEFAULT 0 CHECK (late_fee >= 0),
        overpayment numeric(18,2) NOT NULL DEFAULT 0 CHECK (overpayment >= 0),
        reverses_transaction_id uuid UNIQUE REFERENCES loan_transaction(id),
        reversal_transaction_id uuid UNIQUE REFERENCES loan_transaction(id),
        journal_entry_id uuid NOT NULL REFERENCES journal_entry(id),
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CHECK (kind = 'REFUND' OR principal + late_fee + overpayment = amount),
        CHECK (kind <> 'REFUND' OR (principal = 0 AND late_fee = 0 AND overpayment = 0)),
        CHECK ((kind = 'REPAYMENT') = (channel IS NOT NULL)),
        CHECK ((kind = 'REVERSAL') = (reverses_transaction_id IS NOT NULL)),
        CHECK (reversal_transaction_id IS NULL OR kind = 'REPAYMENT')
      );
      -- The live repayments of a loan in replay order: the latest value date, and the tail a backdated
      -- payment or a reversal replays.
      CREATE INDEX loan_transaction_live ON loan_transaction (loan_id, value_date, seq) WHERE kind = 'REPAYMENT' AND reversal_transaction_id IS NULL;
      CREATE INDEX loan_transaction_list ON loan_transaction (loan_id, seq);

      CREATE TABLE repayment_allocation (
        transaction_id uuid NOT NULL REFERENCES loan_transaction(id),
        installment_id uuid NOT NULL REFERENCES loan_installment(id),
        loan_id uuid NOT NULL REFERENCES loan(id),
        installment_number integer NOT NULL CHECK (installment_number >= 1),
        principal numeric(18,2) NOT NULL CHECK (principal >= 0),
        late_fee numeric(18,2) NOT NULL CHECK (late_fee >= 0),
        CHECK (principal > 0 OR late_fee > 0),
        PRIMARY KEY (transaction_id, installment_id)
      );
      CREATE INDEX repayment_allocation_installment ON repayment_allocation (installment_id);

      CREATE TABLE transaction_reversal_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        loan_id uuid NOT NULL REFERENCES loan(id),
        transaction_id uuid NOT NULL REFERENCES loan_transaction(id),
        status text NOT NULL CHECK (status IN ('PENDING','APPROVED','REJECTED')),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        requested_by uuid NOT NULL REFERENCES app_user(id),
        requested_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        decided_by uuid REFERENCES app_user(id),
        decided_at timestamptz,
        decision_note text CHECK (length(decision_note) BETWEEN 1 AND 500),
        reversal_transaction_id uuid UNIQUE REFERENCES loan_transaction(id),
        CHECK ((status = 'PENDING') = (decided_at IS NULL AND decided_by IS NULL)),
        CHECK ((status = 'APPROVED') = (reversal_transaction_id IS NOT NULL)),
        -- Four eyes: whoever asked never applies it (withdrawing one's own request is a REJECTED).
        CHECK (status <> 'APPROVED' OR decided_by <> requested_by)
      );
      -- One request at a time per transaction, and none once one was approved.
      CREATE UNIQUE INDEX transaction_reversal_request_live ON transaction_reversal_request (transaction_id) WHERE status <> 'REJECTED';
      CREATE INDEX transaction_reversal_request_loan ON transaction_reversal_request (loan_id, requested_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE transaction_reversal_request; DROP TABLE repayment_allocation; DROP TABLE loan_transaction;
      ALTER TABLE loan DROP CONSTRAINT loan_credit_only_when_settled; ALTER TABLE loan DROP COLUMN credit_balance;
    `);
  }
}
