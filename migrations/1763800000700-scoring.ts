import type { MigrationInterface, QueryRunner } from 'typeorm';
import { BANGKALAN_SCORECARD_CODE, BANGKALAN_SCORECARD_NAME, BANGKALAN_SCORECARD_V1 } from '../libs/scoring/src/domain/bangkalan-scorecard.js';

const REASON_CODES = `'CAPACITY_INSUFFICIENT','BAD_CREDIT_HISTORY','INCOMPLETE_DOCUMENTS','NOT_ELIGIBLE','OTHER'`;

/**
 * Versioned scorecards (with the default Bangkalan one), scoring runs, approvers' decisions, and the
 * final approval's terms on the application row (what disbursement reads). Versions, runs and decisions
 * are append-only: a new version never changes a score already given, and a run is never rewritten.
 */
export class Scoring1763800000700 implements MigrationInterface {
  name = 'Scoring1763800000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scorecard (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9_-]{2,32}$'),
        version integer NOT NULL CHECK (version >= 1),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        -- NULL: the default for every product without a scorecard of its own. Every version of a code has the same.
        product_id uuid REFERENCES product(id),
        definition jsonb NOT NULL,
        -- NULL for the version this migration seeds.
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (code, version)
      );
      -- Which version scores an application: the newest for its product, else the newest default.
      CREATE INDEX scorecard_scope ON scorecard (product_id, created_at DESC);
      CREATE TRIGGER scorecard_append_only BEFORE UPDATE OR DELETE ON scorecard FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER scorecard_no_truncate BEFORE TRUNCATE ON scorecard FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

      CREATE TABLE scoring_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES application(id),
        -- 1, 2, ... per application: rescoring adds a run, the application's row lock numbers them.
        run_number integer NOT NULL CHECK (run_number >= 1),
        scorecard_id uuid NOT NULL REFERENCES scorecard(id),
        -- Every input the scorer read: with the scorecard version, the run can be replayed exactly.
        inputs jsonb NOT NULL,
        score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
        grade text NOT NULL CHECK (grade IN ('A','B','C','D','E')),
        recommendation text NOT NULL CHECK (recommendation IN ('APPROVE','REVIEW','REJECT')),
        recommendation_reason text NOT NULL,
        recommendation_reason_en text NOT NULL,
        max_recommended_amount numeric(18,2) NOT NULL CHECK (max_recommended_amount >= 0),
        installment numeric(18,2) NOT NULL CHECK (installment > 0),
        factors jsonb NOT NULL,
        knock_outs jsonb NOT NULL,
        business_date date NOT NULL,
        scored_by uuid NOT NULL REFERENCES app_user(id),
        scored_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (application_id, run_number)
      );
      CREATE INDEX scoring_run_scorecard ON scoring_run (scorecard_id);
      CREATE TRIGGER scoring_run_append_only BEFORE UPDATE OR DELETE ON scoring_run FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER scoring_run_no_truncate BEFORE TRUNCATE ON scoring_run FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

      CREATE TABLE application_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES application(id),
        -- 1: the first decision; 2: the credit committee's second approver.
        step smallint NOT NULL CHECK (step IN (1, 2)),
        -- The run the approver saw.
        scoring_run_id uuid NOT NULL REFERENCES scoring_run(id),
        decision text NOT NULL CHECK (decision IN ('APPROVE','REJECT')),
        approved_amount numeric(18,2) CHECK (approved_amount > 0),
        approved_tenor integer CHECK (approved_tenor >= 1),
        reason_code text CHECK (reason_code IN (${REASON_CODES})),
        note text CHECK (length(note) BETWEEN 1 AND 2000),
        from_status text NOT NULL,
        to_status text NOT NULL,
        business_date date NOT NULL,
        decided_by uuid NOT NULL REFERENCES app_user(id),
        decided_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (application_id, step),
        -- Four eyes, also in the schema: nobody decides the same application twice.
        UNIQUE (application_id, decided_by),
        CHECK ((decision = 'APPROVE') = (approved_amount IS NOT NULL AND approved_tenor IS NOT NULL)),
        CHECK ((decision = 'REJECT') = (reason_code IS NOT NULL)),
        CHECK (reason_code IS DISTINCT FROM 'OTHER' OR note IS NOT NULL)
      );
      CREATE INDEX application_decision_run ON application_decision (scoring_run_id);
      CREATE TRIGGER application_decision_append_only BEFORE UPDATE OR DELETE ON application_decision FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER application_decision_no_truncate BEFORE TRUNCATE ON application_decision FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

      -- The final approval's terms, for disbursement; approved_on is its business date.
      ALTER TABLE application
        ADD COLUMN approved_amount numeric(18,2) CHECK (approved_amount > 0),
        ADD COLUMN approved_tenor integer CHECK (approved_tenor >= 1),
        ADD COLUMN approved_at timestamptz,
        ADD COLUMN approved_on date,
        ADD CONSTRAINT application_approved_terms CHECK ((approved_amount IS NULL) = (approved_tenor IS NULL));
      -- Close-of-day's expiry finds the approvals past their validity without reading every application.
      CREATE INDEX application_approved_since ON application (status_since) WHERE status = 'APPROVED';
    `);
    await q.query(`INSERT INTO scorecard (code, version, name, product_id, definition) VALUES ($1, 1, $2, NULL, $3::jsonb)`, [
      BANGKALAN_SCORECARD_CODE,
      BANGKALAN_SCORECARD_NAME,
      JSON.stringify(BANGKALAN_SCORECARD_V1),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX application_approved_since;
      ALTER TABLE application
        DROP CONSTRAINT application_approved_terms,
        DROP COLUMN approved_on,
        DROP COLUMN approved_at,
        DROP COLUMN approved_tenor,
        DROP COLUMN approved_amount;
      DROP TABLE application_decision;
      DROP TABLE scoring_run;
      DROP TABLE scorecard;
    `);
  }
}
