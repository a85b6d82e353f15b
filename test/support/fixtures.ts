// Rows the e2e specs need before the endpoints that make them are under test.
import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** A minimal borrower in Kecamatan Bangkalan (35.26.01), inserted directly; returns its id. */
export async function insertBorrower(ds: DataSource): Promise<string> {
  await ds.query(`
    INSERT INTO region (code, name, level, parent_code, time_zone) VALUES
      ('35', 'Jawa Timur', 'PROVINCE', NULL, 'Asia/Jakarta'),
      ('35.26', 'Kabupaten Bangkalan', 'REGENCY', '35', 'Asia/Jakarta'),
      ('35.26.01', 'Bangkalan', 'DISTRICT', '35.26', 'Asia/Jakarta')
    ON CONFLICT (code) DO NOTHING`);
  const serial = String(randomInt(1, 10000)).padStart(4, '0');
  const [{ id }] = await ds.query(
    `INSERT INTO borrower (nik_encrypted, nik_hash, nik_masked, full_name, gender, birth_date, phone, address_street,
       district_code, postal_code, consent_version, consent_given_at)
     VALUES ('fixture', md5(random()::text), $1, 'Fixture Borrower', 'M', '1990-03-12', '+6281234567890', 'Jl. Fixture 1',
       '35.26.01', '69111', 'v1', now())
     RETURNING id`,
    [`3526********${serial}`],
  );
  return id as string;
}
