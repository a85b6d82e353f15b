import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programmes, users, the append-only audit log, the business date and idempotency keys.
 * Every table that later holds money or decisions carries programme_id from its first migration.
 */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE programme (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_-]{2,32}$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        region_code text,
        time_zone text NOT NULL DEFAULT 'Asia/Jakarta',
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- At most one default programme.
      CREATE UNIQUE INDEX programme_one_default ON programme (is_default) WHERE is_default;

      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE CHECK (username = lower(username)),
        password_hash text NOT NULL,
        full_name text NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0
          AND roles <@ ARRAY['admin','loan_officer','approver','finance','borrower']::text[]),
        borrower_id uuid,
        is_active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK ((borrower_id IS NOT NULL) = ('borrower' = ANY (roles)))
      );
      CREATE INDEX app_user_borrower ON app_user (borrower_id) WHERE borrower_id IS NOT NULL;

      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb,
        request_id text
      );
      CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, id);
      CREATE INDEX audit_log_actor ON audit_log (actor_id, id);

      -- Shared by every append-only table: history is corrected by new rows, never rewritten.
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

      CREATE TABLE business_date (
        id smallint PRIMARY KEY CHECK (id = 1),
        date date NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- The books start on the day the database is created, in WIB.
      INSERT INTO business_date (id, date) VALUES (1, (now() AT TIME ZONE 'Asia/Jakarta')::date);

      CREATE TABLE idempotency_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
        method text NOT NULL,
        path text NOT NULL,
        request_hash text NOT NULL,
        response_status integer NOT NULL,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, key)
      );
      CREATE INDEX idempotency_key_created ON idempotency_key (created_at);

      INSERT INTO programme (code, name, region_code, time_zone, is_default)
      VALUES ('BKL-UMKM', 'Dana Bergulir UMKM Kabupaten Bangkalan', '35.26', 'Asia/Jakarta', true);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE idempotency_key; DROP TABLE business_date; DROP TABLE audit_log;
      DROP FUNCTION refuse_change(); DROP TABLE app_user; DROP TABLE programme;
    `);
  }
}
