// Rows the e2e specs need before the endpoints that make them are under test.
import { randomInt, randomUUID } from 'node:crypto';
import { buildNik, CURRENT_CONSENT_VERSION, type NikGender, sealIdentity } from '#intake';
import { sealBorrowerPhone } from '#notifications';
import { FieldCipher, validateEnvironment } from '#platform';
import type { DataSource } from 'typeorm';

/** A valid NIK nobody else in the run is likely to have (a random serial; callers retry on the rare clash). */
export function randomNik(opts: { districtCode?: string; birthDate?: string; gender?: NikGender } = {}): string {
  return buildNik({
    districtCode: opts.districtCode ?? '35.26.01',
    birthDate: opts.birthDate ?? `19${randomInt(60, 99)}-0${randomInt(1, 10)}-${randomInt(10, 29)}`,
    gender: opts.gender ?? (randomInt(2) ? 'F' : 'M'),
    serial: randomInt(1, 10000),
  });
}

/**
 * A borrower in Kecamatan Bangkalan (35.26.01), man, born 1990-03-12, without a business, inserted
 * directly; returns its id. Its NIK is valid and sealed like the service seals one (the app's
 * DATA_ENCRYPTION_KEY from the environment createTestApp set), so GET /api/borrowers/:id/nik works on it.
 */
/** The mobile number of every borrower the fixtures and builders insert. */
export const FIXTURE_PHONE = '+6281234567890';

/** The app's cipher as createTestApp configures it (DATA_ENCRYPTION_KEY from the environment). */
export const testCipher = (): FieldCipher => new FieldCipher(validateEnvironment(process.env).DATA_ENCRYPTION_KEY);

export async function insertBorrower(ds: DataSource): Promise<string> {
  const cipher = testCipher();
  for (;;) {
    const id = randomUUID();
    const sealed = sealIdentity(cipher, id, randomNik({ birthDate: '1990-03-12', gender: 'M' }));
    const rows: { id: string }[] = await ds.query(
      `INSERT INTO borrower (id, nik_encrypted, nik_hash, nik_masked, full_name, gender, birth_date, phone_encrypted, address_street,
         district_code, postal_code, consent_version, consent_given_at)
       VALUES ($1, $2, $3, $4, 'Fixture Borrower', 'M', '1990-03-12', $6, 'Jl. Fixture 1', '35.26.01', '69111', $5, now())
       ON CONFLICT (nik_hash) DO NOTHING
       RETURNING id`,
      [id, sealed.nikEncrypted, sealed.nikHash, sealed.nikMasked, CURRENT_CONSENT_VERSION, sealBorrowerPhone(cipher, id, FIXTURE_PHONE)],
    );
    if (rows.length) return rows[0].id;
  }
}
