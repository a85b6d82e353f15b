import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder: disbursement orders, batches and loan accounts (issue 5). */
export class DisbursementsLoans1763800000800 implements MigrationInterface {
  name = 'DisbursementsLoans1763800000800';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
