import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A bank statement line names the person who paid or was paid ("TRF DARI SITI AMINAH"). Erasing a
 * borrower (POST /api/borrowers/:id/anonymisation) blanks the descriptions of the lines matched to her
 * loans and transfers, and finds them by these two columns. Statements pile up for years, so the lookup
 * must not scan them all. Partial: most lines of an account are matched to one or the other, never both.
 */
export class BankLineOwnerIndexes1763800002100 implements MigrationInterface {
  name = 'BankLineOwnerIndexes1763800002100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX bank_statement_line_loan ON bank_statement_line (loan_id) WHERE loan_id IS NOT NULL`);
    await q.query(`CREATE INDEX bank_statement_line_disbursement ON bank_statement_line (disbursement_id) WHERE disbursement_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX bank_statement_line_disbursement`);
    await q.query(`DROP INDEX bank_statement_line_loan`);
  }
}
