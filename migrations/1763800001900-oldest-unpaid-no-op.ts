import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The oldest-unpaid trigger writes the loan only when the date it computes differs from the stored
 * one. A repayment now sets the date itself, in the statement that writes its installments and moves
 * the loan's balances (`insertTransaction`), so the trigger that fires at the end of that statement
 * finds the date already right and writes nothing: one new version of the loan row per repayment
 * instead of two. Every loan update rewrites all of the loan's indexes (its balances are in
 * loan_portfolio_active, so none is HOT), which made the trigger's second write the costliest
 * statement of a posting after the installment update itself (issue 10). The trigger stays the
 * guarantee for every writer: a caller that sets a wrong date, or none, is corrected as before.
 */
export class OldestUnpaidNoOp1763800001900 implements MigrationInterface {
  name = 'OldestUnpaidNoOp1763800001900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION loan_track_oldest_unpaid() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE lid uuid; d date;
      BEGIN
        IF TG_OP = 'DELETE' THEN lid := OLD.loan_id; ELSE lid := NEW.loan_id; END IF;
        SELECT min(due_date) INTO d FROM loan_installment WHERE loan_id = lid AND payment_status <> 'PAID' AND superseded_at IS NULL;
        UPDATE loan SET oldest_unpaid_due_date = d WHERE id = lid AND oldest_unpaid_due_date IS DISTINCT FROM d;
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION loan_track_oldest_unpaid() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE lid uuid;
      BEGIN
        IF TG_OP = 'DELETE' THEN lid := OLD.loan_id; ELSE lid := NEW.loan_id; END IF;
        UPDATE loan SET oldest_unpaid_due_date =
          (SELECT min(due_date) FROM loan_installment WHERE loan_id = lid AND payment_status <> 'PAID' AND superseded_at IS NULL)
         WHERE id = lid;
        RETURN NULL;
      END $$`);
  }
}
