import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Borrower documents: metadata rows; the encrypted files live in DocumentStorage under storage_key. */
export class Documents1763800000500 implements MigrationInterface {
  name = 'Documents1763800000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE borrower_document (
        id uuid PRIMARY KEY,
        borrower_id uuid NOT NULL REFERENCES borrower(id),
        kind text NOT NULL CHECK (kind IN ('KTP','KK','NIB_CERTIFICATE','BUSINESS_PHOTO')),
        content_type text NOT NULL CHECK (content_type IN ('image/jpeg','image/png','application/pdf')),
        size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text NOT NULL UNIQUE,
        note text CHECK (length(note) <= 500),
        uploaded_by uuid NOT NULL REFERENCES app_user(id),
        uploaded_at timestamptz(3) NOT NULL DEFAULT now(),
        deleted_at timestamptz
      );
      CREATE INDEX borrower_document_borrower_uploaded ON borrower_document (borrower_id, uploaded_at, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE borrower_document;`);
  }
}
