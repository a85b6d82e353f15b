import { DEV_DATA_ENCRYPTION_KEY, FieldCipher } from '#platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { contactEmailAad } from '#notifications';

/**
 * Personal data rights (UU PDP, issue 11): the reminder e-mail address is kept encrypted like the NIK
 * (existing addresses are encrypted here, with DATA_ENCRYPTION_KEY), and a borrower can be anonymised:
 * `anonymised_at` marks the row, whose personal fields then hold tombstones the format checks allow.
 */
export class PersonalDataRights1763800001500 implements MigrationInterface {
  name = 'PersonalDataRights1763800001500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification_contact ADD COLUMN email_encrypted text`);
    const rows = (await q.query(`SELECT borrower_id, email FROM notification_contact WHERE email IS NOT NULL`)) as { borrower_id: string; email: string }[];
    if (rows.length) {
      const cipher = new FieldCipher(process.env.DATA_ENCRYPTION_KEY || DEV_DATA_ENCRYPTION_KEY);
      for (const r of rows) {
        await q.query(`UPDATE notification_contact SET email_encrypted = $2 WHERE borrower_id = $1`, [r.borrower_id, cipher.encrypt(r.email, contactEmailAad(r.borrower_id))]);
      }
    }
    await q.query(`
      ALTER TABLE notification_contact DROP COLUMN email;
      ALTER TABLE borrower ADD COLUMN anonymised_at timestamptz;
      ALTER TABLE borrower DROP CONSTRAINT borrower_nik_masked_check,
        ADD CONSTRAINT borrower_nik_masked_check CHECK (anonymised_at IS NOT NULL OR nik_masked ~ '^[0-9]{4}[*]{8}[0-9]{4}$');
      ALTER TABLE borrower DROP CONSTRAINT borrower_phone_check,
        ADD CONSTRAINT borrower_phone_check CHECK (anonymised_at IS NOT NULL OR phone ~ '^\\+628[1-9][0-9]{7,10}$');
      ALTER TABLE borrower DROP CONSTRAINT borrower_postal_code_check,
        ADD CONSTRAINT borrower_postal_code_check CHECK (anonymised_at IS NOT NULL OR postal_code ~ '^[1-9][0-9]{4}$');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    if (((await q.query(`SELECT count(*)::int AS n FROM borrower WHERE anonymised_at IS NOT NULL`)) as { n: number }[])[0].n > 0) {
      throw new Error('Anonymised borrowers exist: their tombstones break the old format checks, so this migration cannot be undone');
    }
    await q.query(`
      ALTER TABLE borrower DROP CONSTRAINT borrower_nik_masked_check, ADD CONSTRAINT borrower_nik_masked_check CHECK (nik_masked ~ '^[0-9]{4}[*]{8}[0-9]{4}$');
      ALTER TABLE borrower DROP CONSTRAINT borrower_phone_check, ADD CONSTRAINT borrower_phone_check CHECK (phone ~ '^\\+628[1-9][0-9]{7,10}$');
      ALTER TABLE borrower DROP CONSTRAINT borrower_postal_code_check, ADD CONSTRAINT borrower_postal_code_check CHECK (postal_code ~ '^[1-9][0-9]{4}$');
      ALTER TABLE borrower DROP COLUMN anonymised_at;
      ALTER TABLE notification_contact ADD COLUMN email text;
    `);
    const rows = (await q.query(`SELECT borrower_id, email_encrypted FROM notification_contact WHERE email_encrypted IS NOT NULL`)) as {
      borrower_id: string;
      email_encrypted: string;
    }[];
    if (rows.length) {
      const cipher = new FieldCipher(process.env.DATA_ENCRYPTION_KEY || DEV_DATA_ENCRYPTION_KEY);
      for (const r of rows) {
        await q.query(`UPDATE notification_contact SET email = $2 WHERE borrower_id = $1`, [r.borrower_id, cipher.decrypt(r.email_encrypted, contactEmailAad(r.borrower_id))]);
      }
    }
    await q.query(`ALTER TABLE notification_contact DROP COLUMN email_encrypted`);
  }
}
