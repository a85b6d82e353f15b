import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder: applications (helper C) fills this in. */
export class Applications1763800000600 implements MigrationInterface {
  name = 'Applications1763800000600';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
