import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Programme rules (api.md "Products"). Loans will keep a snapshot of the terms they were approved under. */
export class Products1763800000200 implements MigrationInterface {
  name = 'Products1763800000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE product (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programme(id),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9_-]{2,32}$'),
        name text NOT NULL,
        min_amount numeric(18,2) NOT NULL CHECK (min_amount > 0),
        max_amount numeric(18,2) NOT NULL CHECK (max_amount >= min_amount),
        min_tenor integer NOT NULL CHECK (min_tenor >= 1),
        max_tenor integer NOT NULL CHECK (max_tenor >= min_tenor AND max_tenor <= 120),
        frequency text NOT NULL CHECK (frequency IN ('MONTHLY','BIWEEKLY','WEEKLY')),
        rounding_unit numeric(18,2) NOT NULL CHECK (rounding_unit IN (1, 100, 500, 1000, 5000)),
        rounding_mode text NOT NULL CHECK (rounding_mode IN ('UP','HALF_UP')),
        remainder_placement text NOT NULL CHECK (remainder_placement IN ('LAST','FIRST')),
        principal_grace_periods integer NOT NULL DEFAULT 0 CHECK (principal_grace_periods >= 0),
        move_due_dates_off_holidays boolean NOT NULL DEFAULT false,
        collectibility_table text NOT NULL CHECK (collectibility_table IN ('BANK','BPR')),
        late_fee numeric(18,2) NOT NULL DEFAULT 0 CHECK (late_fee >= 0),
        reminder_offsets_days integer[] NOT NULL DEFAULT '{-3,0,1,7}' CHECK (cardinality(reminder_offsets_days) >= 1),
        committee_threshold numeric(18,2) NOT NULL CHECK (committee_threshold BETWEEN min_amount AND max_amount),
        eligibility jsonb NOT NULL,
        validity_days integer NOT NULL DEFAULT 30 CHECK (validity_days BETWEEN 1 AND 365),
        is_active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (programme_id, code)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE product`);
  }
}
