import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Regions (Kemendagri codes with their time zones), borrowers and their businesses. */
export class Borrowers1763800000400 implements MigrationInterface {
  name = 'Borrowers1763800000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE region (
        code text PRIMARY KEY CHECK (code ~ '^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$'),
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('PROVINCE','REGENCY','DISTRICT','VILLAGE')),
        parent_code text REFERENCES region(code),
        time_zone text NOT NULL CHECK (time_zone IN ('Asia/Jakarta','Asia/Pontianak','Asia/Makassar','Asia/Jayapura'))
      );
      CREATE INDEX region_parent ON region (parent_code);

      CREATE TABLE borrower (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nik_encrypted text NOT NULL,
        nik_hash text NOT NULL UNIQUE,
        nik_masked text NOT NULL,
        kk_encrypted text,
        kk_hash text,
        full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
        gender text NOT NULL CHECK (gender IN ('M','F')),
        birth_date date NOT NULL,
        phone text NOT NULL CHECK (phone ~ '^\\+628[1-9][0-9]{7,10}$'),
        address_street text NOT NULL,
        address_village_name text,
        district_code text NOT NULL REFERENCES region(code),
        postal_code text NOT NULL CHECK (postal_code ~ '^[1-9][0-9]{4}$'),
        consent_version text NOT NULL,
        consent_given_at timestamptz NOT NULL,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      );
      CREATE INDEX borrower_district ON borrower (district_code);
      CREATE INDEX borrower_kk_hash ON borrower (kk_hash) WHERE kk_hash IS NOT NULL;

      CREATE TABLE business (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        borrower_id uuid NOT NULL UNIQUE REFERENCES borrower(id),
        name text NOT NULL,
        nib text CHECK (nib ~ '^[0-9]{13}$'),
        sector text NOT NULL CHECK (sector IN ('CULINARY','CRAFT_BATIK','CRAFT_WEAVING','CRAFT_WOODCARVING',
          'CRAFT_PLAITING','FASHION','TRADE','AGRICULTURE','FISHERY','SERVICES','OTHER')),
        started_on date NOT NULL,
        monthly_revenue numeric(18,2) NOT NULL CHECK (monthly_revenue >= 0),
        monthly_expenses numeric(18,2) NOT NULL CHECK (monthly_expenses >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX business_sector ON business (sector);

      -- A borrower user may only see this borrower: now that borrowers exist, enforce the reference.
      ALTER TABLE app_user ADD CONSTRAINT app_user_borrower_fk FOREIGN KEY (borrower_id) REFERENCES borrower(id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_borrower_fk; DROP TABLE business; DROP TABLE borrower; DROP TABLE region;`);
  }
}
