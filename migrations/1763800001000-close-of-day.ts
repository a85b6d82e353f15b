import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Close-of-day: runs, the days they closed (each day once: its key is the date), the id-range
 * partitions a day is split into (each committed with its own completion row, so a crash resumes
 * where it stopped), the standing each close stores on the loan, and the daily portfolio snapshot.
 *
 * The oldest-unpaid trigger of migration 800 fired for every row an UPDATE names one of its columns
 * in, whether or not the row's answer could change. It now fires only when what the answer depends on
 * changed (payment status, due date, superseded), so an update that only adds a late fee or marks an
 * installment overdue costs no loan write, and loan.oldest_unpaid_due_date stays correct after every
 * statement of every writer (repayments, reschedules, moratoria, close-of-day) exactly as before.
 */
export class CloseOfDay1763800001000 implements MigrationInterface {
  name = 'CloseOfDay1763800001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER loan_installment_oldest_unpaid ON loan_installment;
      CREATE TRIGGER loan_installment_oldest_unpaid
        AFTER INSERT OR DELETE ON loan_installment
        FOR EACH ROW EXECUTE FUNCTION loan_track_oldest_unpaid();
      CREATE TRIGGER loan_installment_oldest_unpaid_change
        AFTER UPDATE ON loan_installment
        FOR EACH ROW
        WHEN (OLD.payment_status IS DISTINCT FROM NEW.payment_status
           OR OLD.due_date IS DISTINCT FROM NEW.due_date
           OR OLD.superseded_at IS DISTINCT FROM NEW.superseded_at)
        EXECUTE FUNCTION loan_track_oldest_unpaid();

      -- The first business date on which the installment was overdue and unpaid, set by the close of
      -- the day before; its late fee (if the product has one) is assessed in the same statement, once.
      ALTER TABLE loan_installment ADD COLUMN overdue_since date;
      -- The installments a close may find newly overdue: a range of due dates, whatever the arrears.
      CREATE INDEX loan_installment_falling_due ON loan_installment (due_date)
        WHERE overdue_since IS NULL AND payment_status <> 'PAID' AND superseded_at IS NULL;

      -- What the last close stored, as of the business date it opened. collectibility applies the
      -- one-obligor rule (the worst own_collectibility among the borrower's active loans).
      ALTER TABLE loan
        ADD COLUMN days_past_due integer NOT NULL DEFAULT 0 CHECK (days_past_due >= 0),
        ADD COLUMN overdue_amount numeric(18,2) NOT NULL DEFAULT 0 CHECK (overdue_amount >= 0),
        ADD COLUMN own_collectibility smallint NOT NULL DEFAULT 1 CHECK (own_collectibility BETWEEN 1 AND 5),
        ADD COLUMN collectibility smallint NOT NULL DEFAULT 1 CHECK (collectibility BETWEEN 1 AND 5 AND collectibility >= own_collectibility);
      -- Room on each page for the daily rewrite of an overdue loan's standing (HOT updates).
      ALTER TABLE loan SET (fillfactor = 85);
      CREATE INDEX loan_list_collectibility ON loan (programme_id, collectibility, created_at, id);

      CREATE TABLE close_of_day_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL CHECK (status IN ('QUEUED','RUNNING','COMPLETED','FAILED')),
        trigger text NOT NULL CHECK (trigger IN ('MANUAL','AUTO')),
        from_date date NOT NULL,
        until_date date NOT NULL CHECK (until_date >= from_date),
        -- The business date after the days this run has closed so far.
        business_date date NOT NULL,
        processed_days integer NOT NULL DEFAULT 0 CHECK (processed_days >= 0),
        loans_processed bigint NOT NULL DEFAULT 0 CHECK (loans_processed >= 0),
        requested_by uuid REFERENCES app_user(id),
        error text,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        started_at timestamptz,
        finished_at timestamptz,
        CHECK ((status IN ('COMPLETED','FAILED')) = (finished_at IS NOT NULL)),
        CHECK ((status = 'FAILED') = (error IS NOT NULL))
      );
      -- One run at a time: the backstop of CLOSE_OF_DAY_IN_PROGRESS.
      CREATE UNIQUE INDEX close_of_day_run_one_live ON close_of_day_run ((true)) WHERE status IN ('QUEUED','RUNNING');
      CREATE INDEX close_of_day_run_created ON close_of_day_run (created_at, id);

      -- A day is closed once: its row is the key, COMPLETED in the transaction that moves the business date.
      CREATE TABLE close_of_day_day (
        day date PRIMARY KEY,
        run_id uuid NOT NULL REFERENCES close_of_day_run(id),
        status text NOT NULL CHECK (status IN ('RUNNING','COMPLETED')),
        partitions integer NOT NULL CHECK (partitions >= 1),
        loans_processed integer NOT NULL DEFAULT 0,
        loans_updated integer NOT NULL DEFAULT 0,
        installments_fell_overdue integer NOT NULL DEFAULT 0,
        late_fees numeric(18,2) NOT NULL DEFAULT 0,
        approvals_expired integer NOT NULL DEFAULT 0,
        started_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL))
      );
      CREATE INDEX close_of_day_day_completed ON close_of_day_day (day) WHERE status = 'COMPLETED';

      -- Borrowers [borrower_from, borrower_to): a borrower's loans all fall in one partition, so the
      -- one-obligor rule needs nothing from the others. A partition commits with its row marked done.
      CREATE TABLE close_of_day_partition (
        day date NOT NULL REFERENCES close_of_day_day(day),
        partition integer NOT NULL CHECK (partition >= 0),
        borrower_from uuid NOT NULL,
        borrower_to uuid CHECK (borrower_to > borrower_from),
        status text NOT NULL CHECK (status IN ('PENDING','COMPLETED')),
        loans_processed integer NOT NULL DEFAULT 0,
        loans_updated integer NOT NULL DEFAULT 0,
        installments_fell_overdue integer NOT NULL DEFAULT 0,
        -- {programmeId: "amount"}: the late fees it assessed, posted per programme when the day completes.
        late_fees jsonb NOT NULL DEFAULT '{}',
        completed_by text,
        completed_at timestamptz,
        PRIMARY KEY (day, partition),
        CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL))
      );

      -- The portfolio at the end of a closed day, per programme: what GET /api/reports/portfolio?asOf= reads.
      -- Balances, not ratios: the ratios are computed on read, the same way for live figures.
      CREATE TABLE portfolio_snapshot (
        programme_id uuid NOT NULL REFERENCES programme(id),
        as_of date NOT NULL,
        active_loans integer NOT NULL,
        outstanding_principal numeric(18,2) NOT NULL,
        par1_outstanding numeric(18,2) NOT NULL,
        par30_outstanding numeric(18,2) NOT NULL,
        par90_outstanding numeric(18,2) NOT NULL,
        npl_outstanding numeric(18,2) NOT NULL,
        -- {"1": {"count": n, "outstanding": "..."}, ... "5": {...}}
        collectibility jsonb NOT NULL,
        -- [{key, activeLoans, outstandingPrincipal, par1Outstanding, par30Outstanding, par90Outstanding, nplOutstanding}]
        by_sector jsonb NOT NULL,
        by_district jsonb NOT NULL,
        disbursed_count integer NOT NULL,
        disbursed_amount numeric(18,2) NOT NULL,
        disbursed_to_date_count integer NOT NULL,
        disbursed_to_date_amount numeric(18,2) NOT NULL,
        repaid_amount numeric(18,2) NOT NULL,
        repaid_to_date_amount numeric(18,2) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (programme_id, as_of)
      );
      CREATE TRIGGER portfolio_snapshot_append_only BEFORE UPDATE OR DELETE ON portfolio_snapshot
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE portfolio_snapshot;
      DROP TABLE close_of_day_partition;
      DROP TABLE close_of_day_day;
      DROP TABLE close_of_day_run;
      DROP INDEX loan_list_collectibility;
      ALTER TABLE loan RESET (fillfactor);
      ALTER TABLE loan DROP COLUMN collectibility, DROP COLUMN own_collectibility, DROP COLUMN overdue_amount, DROP COLUMN days_past_due;
      DROP INDEX loan_installment_falling_due;
      ALTER TABLE loan_installment DROP COLUMN overdue_since;
      DROP TRIGGER loan_installment_oldest_unpaid_change ON loan_installment;
      DROP TRIGGER loan_installment_oldest_unpaid ON loan_installment;
      CREATE TRIGGER loan_installment_oldest_unpaid
        AFTER INSERT OR DELETE OR UPDATE OF due_date, principal_due, principal_paid, late_fee_due, late_fee_paid, superseded_at ON loan_installment
        FOR EACH ROW EXECUTE FUNCTION loan_track_oldest_unpaid();
    `);
  }
}
