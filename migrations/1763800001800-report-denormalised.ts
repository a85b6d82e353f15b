import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the live portfolio report (GET /api/reports/portfolio) joined other tables for, copied onto
 * the rows it reads, so its queries are index-only scans of one table each (issue 10: 440 ms at
 * 100,000 loans, three queries at once on two cores).
 *
 * - journal_line.entry_kind: the entry's kind. A ledger line carrying its transaction type is the
 *   ordinary denormalisation; here it saves the repaid-to-date query a join of every repayment line
 *   with journal_entry. Entries and lines are append-only (triggers), so the copy cannot drift: the
 *   backfill below is the one UPDATE lines ever get, with journal_line_append_only off for it.
 * - loan.sector: the borrower's business sector when the loan was booked. In Indonesian credit
 *   reporting (SLIK) the economic sector is an attribute of the credit facility as booked, not of the
 *   debtor later, so the report's by-sector slices belong on the loan, as the kecamatan already is.
 *   Null for a loan whose borrower has no business row (the report shows those as UNKNOWN).
 * - loan_portfolio_active (migration 1600) now also carries sector, so the grading query stays an
 *   index-only scan without the join to business.
 * - journal_line_repaid: the repaid query's lines only (a few per repayment), with what it sums. Its
 *   predicate is the report's REPAID_LINE (libs/repayment/src/close-of-day/portfolio.service.ts):
 *   the planner uses the index only if the query's condition implies it, so the two change together.
 * - loan_disbursed_flows: the disbursed-flows query (count and sum of principal by programme and
 *   disbursement date) without reading the loan table's rows (141 MB at 100,000 loans, each with its
 *   terms snapshot). None of its columns ever changes after booking, so updates of a loan stay HOT.
 */
export class ReportDenormalised1763800001800 implements MigrationInterface {
  name = 'ReportDenormalised1763800001800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE journal_line ADD COLUMN entry_kind text`);
    await q.query(`ALTER TABLE journal_line DISABLE TRIGGER journal_line_append_only`);
    await q.query(`UPDATE journal_line l SET entry_kind = e.kind FROM journal_entry e WHERE e.id = l.entry_id`);
    await q.query(`ALTER TABLE journal_line ENABLE TRIGGER journal_line_append_only`);
    await q.query(`ALTER TABLE journal_line ALTER COLUMN entry_kind SET NOT NULL`);
    await q.query(
      `CREATE INDEX journal_line_repaid ON journal_line (programme_id, value_date) INCLUDE (debit, credit)
        WHERE ((entry_kind IN ('REPAYMENT', 'REPAYMENT_REVERSAL', 'REPAYMENT_ADJUSTMENT') AND account_code IN ('1200', '1210'))
               OR (entry_kind = 'RECOVERY' AND account_code = '5100'))`,
    );

    await q.query(`ALTER TABLE loan ADD COLUMN sector text`);
    await q.query(`UPDATE loan l SET sector = b.sector FROM business b WHERE b.borrower_id = l.borrower_id`);
    await q.query(`DROP INDEX loan_portfolio_active`);
    await q.query(
      `CREATE INDEX loan_portfolio_active ON loan (programme_id, borrower_id)
         INCLUDE (district_code, sector, outstanding_principal, oldest_unpaid_due_date, collectibility_table, disbursed_on) WHERE status = 'ACTIVE'`,
    );
    await q.query(`CREATE INDEX loan_disbursed_flows ON loan (programme_id, disbursed_on) INCLUDE (principal)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX loan_disbursed_flows`);
    await q.query(`DROP INDEX loan_portfolio_active`);
    await q.query(
      `CREATE INDEX loan_portfolio_active ON loan (programme_id, borrower_id)
         INCLUDE (district_code, outstanding_principal, oldest_unpaid_due_date, collectibility_table, disbursed_on) WHERE status = 'ACTIVE'`,
    );
    await q.query(`ALTER TABLE loan DROP COLUMN sector`);
    await q.query(`DROP INDEX journal_line_repaid`);
    await q.query(`ALTER TABLE journal_line DROP COLUMN entry_kind`);
  }
}
