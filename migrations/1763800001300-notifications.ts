import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder: reminder outbox, deliveries and channel preferences (issue 8). */
export class Notifications1763800001300 implements MigrationInterface {
  name = 'Notifications1763800001300';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
