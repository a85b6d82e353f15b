import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder: bank statements, lines, matching and suspense (issue 7). */
export class Reconciliation1763800001200 implements MigrationInterface {
  name = 'Reconciliation1763800001200';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
