import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'SUBMITTED','SCORED','APPROVED','PENDING_SECOND_APPROVAL','REJECTED','DISBURSED','WITHDRAWN','EXPIRED'`;

/**
 * Loan applications and their append-only status history. Every list filter of the pipeline has an
 * index that also serves the newest-first keyset order; programme_id leads each one because every
 * list is read within one programme.
 */
export class Applications1763800000600 implements MigrationInterface {
  name = 'Applications1763800000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- One sequence for every year: APP-2026-000123 stays unique without a per-year counter row to lock.
      CREATE SEQUENCE application_number_seq;

      CREATE TABLE application (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE CHECK (number ~ '^APP-[0-9]{4}-[0-9]{6,}$'),
        programme_id uuid NOT NULL REFERENCES programme(id),
        product_id uuid NOT NULL REFERENCES product(id),
        borrower_id uuid NOT NULL REFERENCES borrower(id),
        -- Copied from the borrower at submission: the pipeline filters on it without a join.
        district_code text NOT NULL REFERENCES region(code),
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        tenor integer NOT NULL CHECK (tenor >= 1),
        purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
        status text NOT NULL CHECK (status IN (${STATUSES})),
        terms_snapshot jsonb NOT NULL,
        submitted_by uuid NOT NULL REFERENCES app_user(id),
        -- Milliseconds, like the JS Date a list cursor carries: keyset pages must compare equal keys equal.
        submitted_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        status_since date NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX application_list ON application (programme_id, submitted_at, id);
      CREATE INDEX application_list_status ON application (programme_id, status, submitted_at, id);
      CREATE INDEX application_list_district ON application (programme_id, district_code, submitted_at, id);
      CREATE INDEX application_list_officer ON application (programme_id, submitted_by, submitted_at, id);
      -- Active-loan count at submission, and a borrower's applications.
      CREATE INDEX application_borrower_status ON application (borrower_id, status);
      -- The pipeline: counts and days waiting per status, index-only.
      CREATE INDEX application_pipeline ON application (programme_id, status) INCLUDE (district_code, status_since);
      CREATE INDEX application_product ON application (product_id);

      CREATE TABLE application_status_change (
        id bigserial PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES application(id),
        -- NULL for the submission itself.
        from_status text CHECK (from_status IN (${STATUSES})),
        to_status text NOT NULL CHECK (to_status IN (${STATUSES})),
        event text NOT NULL,
        business_date date NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        changed_by uuid REFERENCES app_user(id),
        note text CHECK (length(note) <= 2000)
      );
      CREATE INDEX application_status_change_application ON application_status_change (application_id, id);
      CREATE TRIGGER application_status_change_append_only BEFORE UPDATE OR DELETE ON application_status_change
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER application_status_change_no_truncate BEFORE TRUNCATE ON application_status_change
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE application_status_change; DROP TABLE application; DROP SEQUENCE application_number_seq;`);
  }
}
