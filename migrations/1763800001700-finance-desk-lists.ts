import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The finance desk's list of reversal requests waiting for a second finance user (GET /api/reversals
 * ?status=PENDING), oldest first: a partial index holds only the pending ones, so the list stays a
 * short index scan however many requests were decided before.
 */
export class FinanceDeskLists1763800001700 implements MigrationInterface {
  name = 'FinanceDeskLists1763800001700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX transaction_reversal_request_pending ON transaction_reversal_request (requested_at, id) WHERE status = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX transaction_reversal_request_pending`);
  }
}
