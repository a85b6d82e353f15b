import { DEV_DATA_ENCRYPTION_KEY, FieldCipher } from '#platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { borrowerPhoneIndex, openBorrowerPhone, sealBorrowerPhone } from '#notifications';

/** Rows per round trip: one SELECT and one UPDATE ... FROM unnest per batch, never one statement per borrower. */
const BATCH = 5_000;

/**
 * The borrower's mobile number is personal data (UU PDP): it is now kept like the NIK, as AES-GCM
 * ciphertext bound to its row (`borrower.phone_encrypted`), opened only when an answer, the collectors'
 * list or a reminder needs it, and found through an HMAC blind index (`phone_hash`, not unique: a family
 * may share one number; NULL once the borrower is anonymised). Existing numbers are encrypted here with
 * DATA_ENCRYPTION_KEY, in batches. The format check stays in the registration rules: the database can no
 * longer read the number.
 */
export class BorrowerPhoneEncrypted1763800002200 implements MigrationInterface {
  name = 'BorrowerPhoneEncrypted1763800002200';

  /** TypeORM builds it with no argument; a spec passes a small batch to walk several. */
  constructor(private readonly batch = BATCH) {}

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE borrower ADD COLUMN phone_encrypted text, ADD COLUMN phone_hash text`);
    const cipher = new FieldCipher(process.env.DATA_ENCRYPTION_KEY || DEV_DATA_ENCRYPTION_KEY);
    await eachBatch(q, this.batch, 'phone', async (rows) => {
      await q.query(
        `UPDATE borrower b SET phone_encrypted = t.sealed, phone_hash = t.hash
           FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, sealed, hash) WHERE b.id = t.id`,
        [rows.map((r) => r.id), rows.map((r) => sealBorrowerPhone(cipher, r.id, r.value)), rows.map((r) => (r.anonymised ? null : borrowerPhoneIndex(cipher, r.value)))],
      );
    });
    await q.query(`
      ALTER TABLE borrower ALTER COLUMN phone_encrypted SET NOT NULL, DROP COLUMN phone;
      CREATE INDEX borrower_phone_hash ON borrower (phone_hash) WHERE phone_hash IS NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE borrower ADD COLUMN phone text`);
    const cipher = new FieldCipher(process.env.DATA_ENCRYPTION_KEY || DEV_DATA_ENCRYPTION_KEY);
    await eachBatch(q, this.batch, 'phone_encrypted', async (rows) => {
      await q.query(`UPDATE borrower b SET phone = t.phone FROM unnest($1::uuid[], $2::text[]) AS t(id, phone) WHERE b.id = t.id`, [
        rows.map((r) => r.id),
        rows.map((r) => openBorrowerPhone(cipher, r.id, r.value)),
      ]);
    });
    await q.query(`
      DROP INDEX borrower_phone_hash;
      ALTER TABLE borrower ALTER COLUMN phone SET NOT NULL, DROP COLUMN phone_encrypted, DROP COLUMN phone_hash,
        ADD CONSTRAINT borrower_phone_check CHECK (anonymised_at IS NOT NULL OR phone ~ '^\\+628[1-9][0-9]{7,10}$');
    `);
  }
}

interface BatchRow {
  id: string;
  value: string;
  anonymised: boolean;
}

/** Hands `work` every borrower's `column`, `batch` rows at a time, walking the ids in order. */
async function eachBatch(q: QueryRunner, batch: number, column: string, work: (rows: BatchRow[]) => Promise<void>): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = (await q.query(`SELECT id, ${column} AS value, anonymised_at IS NOT NULL AS anonymised FROM borrower WHERE id > $1 ORDER BY id LIMIT $2`, [
      after,
      batch,
    ])) as BatchRow[];
    if (!rows.length) return;
    await work(rows);
    after = rows[rows.length - 1]!.id;
  }
}
