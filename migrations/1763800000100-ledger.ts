import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each programme's double-entry journal. The database itself guarantees the two rules that matter:
 * an entry's lines balance (checked at commit by a deferred constraint trigger) and posted lines are
 * never changed (corrections are reversing entries).
 */
export class Ledger1763800000100 implements MigrationInterface {
  name = 'Ledger1763800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger_account (
        code text PRIMARY KEY,
        name text NOT NULL,
        type text NOT NULL CHECK (type IN ('ASSET','LIABILITY','EQUITY','INCOME','EXPENSE')),
        normal_balance text NOT NULL CHECK (normal_balance IN ('DEBIT','CREDIT'))
      );
      INSERT INTO ledger_account (code, name, type, normal_balance) VALUES
        ('1100', 'Cash at bank', 'ASSET', 'DEBIT'),
        ('1200', 'Loans receivable', 'ASSET', 'DEBIT'),
        ('1210', 'Late fees receivable', 'ASSET', 'DEBIT'),
        ('1900', 'Suspense', 'ASSET', 'DEBIT'),
        ('2100', 'Borrower credit balances', 'LIABILITY', 'CREDIT'),
        ('3100', 'Fund capital', 'EQUITY', 'CREDIT'),
        ('4100', 'Late fee income', 'INCOME', 'CREDIT'),
        ('5100', 'Loan losses', 'EXPENSE', 'DEBIT');

      CREATE TABLE journal_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme_id uuid NOT NULL REFERENCES programme(id),
        number bigserial NOT NULL UNIQUE,
        value_date date NOT NULL,
        posted_at timestamptz NOT NULL DEFAULT now(),
        kind text NOT NULL,
        description text NOT NULL,
        reference text,
        source_type text,
        source_id text,
        reverses_entry_id uuid UNIQUE REFERENCES journal_entry(id),
        created_by uuid REFERENCES app_user(id)
      );
      CREATE INDEX journal_entry_programme_date ON journal_entry (programme_id, value_date);
      CREATE INDEX journal_entry_source ON journal_entry (source_type, source_id);

      CREATE TABLE journal_line (
        id bigserial PRIMARY KEY,
        entry_id uuid NOT NULL REFERENCES journal_entry(id),
        programme_id uuid NOT NULL REFERENCES programme(id),
        value_date date NOT NULL,
        account_code text NOT NULL REFERENCES ledger_account(code),
        debit numeric(18,2) NOT NULL DEFAULT 0 CHECK (debit >= 0),
        credit numeric(18,2) NOT NULL DEFAULT 0 CHECK (credit >= 0),
        CHECK ((debit > 0) <> (credit > 0))
      );
      CREATE INDEX journal_line_entry ON journal_line (entry_id);
      -- The trial balance reads (programme, account, date) ranges.
      CREATE INDEX journal_line_balance ON journal_line (programme_id, account_code, value_date) INCLUDE (debit, credit);

      CREATE TRIGGER journal_entry_append_only BEFORE UPDATE OR DELETE ON journal_entry
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER journal_line_append_only BEFORE UPDATE OR DELETE ON journal_line
        FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER journal_entry_no_truncate BEFORE TRUNCATE ON journal_entry
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER journal_line_no_truncate BEFORE TRUNCATE ON journal_line
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

      -- An entry must have at least two lines, debits equal to credits, and lines that carry the
      -- entry's own programme and value date. Checked at commit, once all of its lines are in.
      CREATE FUNCTION journal_entry_must_balance() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE eid uuid; d numeric; c numeric; n integer; stray integer;
      BEGIN
        -- Separate statements: plpgsql plans only the branch it runs, and each table has one of these fields.
        IF TG_TABLE_NAME = 'journal_entry' THEN eid := NEW.id; ELSE eid := NEW.entry_id; END IF;
        SELECT coalesce(sum(l.debit), 0), coalesce(sum(l.credit), 0), count(*),
               count(*) FILTER (WHERE l.programme_id <> e.programme_id OR l.value_date <> e.value_date)
          INTO d, c, n, stray
          FROM journal_entry e LEFT JOIN journal_line l ON l.entry_id = e.id
         WHERE e.id = eid;
        IF n < 2 OR d <> c OR stray > 0 THEN
          RAISE EXCEPTION 'journal entry % is not postable: debit %, credit %, % lines, % lines off its programme or date', eid, d, c, n, stray
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NULL;
      END $$;
      CREATE CONSTRAINT TRIGGER journal_line_balanced AFTER INSERT ON journal_line
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_must_balance();
      CREATE CONSTRAINT TRIGGER journal_entry_has_lines AFTER INSERT ON journal_entry
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_must_balance();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE journal_line; DROP FUNCTION journal_entry_must_balance();
      DROP TABLE journal_entry; DROP TABLE ledger_account;
    `);
  }
}
