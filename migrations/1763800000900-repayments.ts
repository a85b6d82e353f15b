import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder: repayments, allocations, refunds and reversals (issue 6). */
export class Repayments1763800000900 implements MigrationInterface {
  name = 'Repayments1763800000900';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
