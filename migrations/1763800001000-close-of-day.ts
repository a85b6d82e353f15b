import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder: close-of-day runs and daily snapshots (issue 6). */
export class CloseOfDay1763800001000 implements MigrationInterface {
  name = 'CloseOfDay1763800001000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
