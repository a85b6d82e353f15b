import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Placeholder: scorecards, scoring runs and decisions (issue 4). */
export class Scoring1763800000700 implements MigrationInterface {
  name = 'Scoring1763800000700';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
