import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder: reschedule, moratorium and write-off (issue 6). */
export class Servicing1763800001100 implements MigrationInterface {
  name = 'Servicing1763800001100';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
