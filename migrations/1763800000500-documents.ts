import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder: borrower documents (helper D) fills this in. */
export class Documents1763800000500 implements MigrationInterface {
  name = 'Documents1763800000500';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
