import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Loan officers find a borrower by any part of her name (`GET /api/borrowers?name=`): "maimunah" finds
 * "Hj. Maimunah" and "syafii" finds "Moh. Syafi'i". `borrower_name_key` is what both sides are compared
 * as: lower case, with everything but letters, digits and spaces taken out, so the dots of titles and
 * the apostrophes of Madurese names do not decide a match, and LIKE's `%` and `_` never reach a pattern.
 * The key is a stored column, not an expression index: the planner then sees real statistics and the
 * cost of a scan, where an inlined regexp_replace per row looked free and it chose to scan the table.
 * A substring match cannot use a b-tree, so a trigram index (pg_trgm ships with PostgreSQL and is a
 * trusted extension: the database's owner may create it) serves it.
 */
export class BorrowerNameSearch1763800002000 implements MigrationInterface {
  name = 'BorrowerNameSearch1763800002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE FUNCTION borrower_name_key(name text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN lower(regexp_replace(name, '[^[:alnum:][:space:]]+', '', 'g'))`);
    await q.query(`ALTER TABLE borrower ADD COLUMN name_key text NOT NULL GENERATED ALWAYS AS (borrower_name_key(full_name)) STORED`);
    await q.query(`CREATE INDEX borrower_name_trigram ON borrower USING gin (name_key gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The extension stays: dropping it could break anything else that came to use it.
    await q.query(`ALTER TABLE borrower DROP COLUMN name_key`);
    await q.query(`DROP FUNCTION borrower_name_key(text)`);
  }
}
