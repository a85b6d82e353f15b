import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder: holidays (helper A) fills this in. */
export class Holidays1763800000300 implements MigrationInterface {
  name = 'Holidays1763800000300';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
