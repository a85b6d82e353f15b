import type { MigrationInterface, QueryRunner } from 'typeorm';

type Zone = 'Asia/Jakarta' | 'Asia/Pontianak' | 'Asia/Makassar';
type Seed = [code: string, name: string, zone: Zone];

// Reference regions (Kemendagri codes) with their time zones: WIB Asia/Jakarta for Java, WIB
// Asia/Pontianak for West and Central Kalimantan, WITA Asia/Makassar for Bali and East Kalimantan.
const PROVINCES: Seed[] = [
  ['35', 'Jawa Timur', 'Asia/Jakarta'],
  ['51', 'Bali', 'Asia/Makassar'],
  ['61', 'Kalimantan Barat', 'Asia/Pontianak'],
  ['62', 'Kalimantan Tengah', 'Asia/Pontianak'],
  ['64', 'Kalimantan Timur', 'Asia/Makassar'],
];

const REGENCIES: Seed[] = [
  ['35.26', 'Kabupaten Bangkalan', 'Asia/Jakarta'],
  ['51.03', 'Kabupaten Badung', 'Asia/Makassar'],
  ['61.71', 'Kota Pontianak', 'Asia/Pontianak'],
  ['62.02', 'Kabupaten Kotawaringin Timur', 'Asia/Pontianak'],
  ['64.71', 'Kota Balikpapan', 'Asia/Makassar'],
];

// Bangkalan's 18 kecamatan in the order (and so with the codes) domain.md lists them.
const BANGKALAN = ['Bangkalan', 'Socah', 'Burneh', 'Kamal', 'Arosbaya', 'Geger', 'Klampis', 'Sepulu', 'Tanjung Bumi', 'Kokop',
  'Kwanyar', 'Labang', 'Tanah Merah', 'Tragah', 'Blega', 'Modung', 'Konang', 'Galis'];

// The other regencies' kecamatan, so borrowers can be registered there too. The names are real
// kecamatan of each regency. The Badung and Balikpapan codes agree with the codes in public use
// (e.g. BMKG's adm4 village codes); the Pontianak and Kotawaringin Timur codes are from memory and
// must be checked against the current Kepmendagri code list before anyone relies on them.
const OTHER_DISTRICTS: Seed[] = [
  ['51.03.01', 'Kuta', 'Asia/Makassar'],
  ['51.03.02', 'Mengwi', 'Asia/Makassar'],
  ['51.03.03', 'Abiansemal', 'Asia/Makassar'],
  ['51.03.04', 'Petang', 'Asia/Makassar'],
  ['51.03.05', 'Kuta Selatan', 'Asia/Makassar'],
  ['51.03.06', 'Kuta Utara', 'Asia/Makassar'],
  ['61.71.01', 'Pontianak Selatan', 'Asia/Pontianak'],
  ['61.71.02', 'Pontianak Timur', 'Asia/Pontianak'],
  ['61.71.03', 'Pontianak Barat', 'Asia/Pontianak'],
  ['61.71.04', 'Pontianak Utara', 'Asia/Pontianak'],
  ['61.71.05', 'Pontianak Kota', 'Asia/Pontianak'],
  ['61.71.06', 'Pontianak Tenggara', 'Asia/Pontianak'],
  ['62.02.01', 'Mentawa Baru Ketapang', 'Asia/Pontianak'],
  ['62.02.02', 'Baamang', 'Asia/Pontianak'],
  ['64.71.01', 'Balikpapan Timur', 'Asia/Makassar'],
  ['64.71.02', 'Balikpapan Barat', 'Asia/Makassar'],
  ['64.71.03', 'Balikpapan Utara', 'Asia/Makassar'],
  ['64.71.04', 'Balikpapan Tengah', 'Asia/Makassar'],
  ['64.71.05', 'Balikpapan Selatan', 'Asia/Makassar'],
  ['64.71.06', 'Balikpapan Kota', 'Asia/Makassar'],
];

const parentOf = (code: string): string | null => (code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null);

export const SEEDED_REGIONS: { code: string; name: string; level: 'PROVINCE' | 'REGENCY' | 'DISTRICT'; timeZone: Zone }[] = [
  ...PROVINCES.map(([code, name, timeZone]) => ({ code, name, level: 'PROVINCE' as const, timeZone })),
  ...REGENCIES.map(([code, name, timeZone]) => ({ code, name, level: 'REGENCY' as const, timeZone })),
  ...BANGKALAN.map((name, i) => ({ code: `35.26.${String(i + 1).padStart(2, '0')}`, name, level: 'DISTRICT' as const, timeZone: 'Asia/Jakarta' as const })),
  ...OTHER_DISTRICTS.map(([code, name, timeZone]) => ({ code, name, level: 'DISTRICT' as const, timeZone })),
];

/** Regions (Kemendagri codes with their time zones), borrowers and their businesses. */
export class Borrowers1763800000400 implements MigrationInterface {
  name = 'Borrowers1763800000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE region (
        code text PRIMARY KEY CHECK (code ~ '^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$'),
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('PROVINCE','REGENCY','DISTRICT','VILLAGE')),
        parent_code text REFERENCES region(code),
        time_zone text NOT NULL CHECK (time_zone IN ('Asia/Jakarta','Asia/Pontianak','Asia/Makassar','Asia/Jayapura'))
      );
      CREATE INDEX region_parent ON region (parent_code);

      CREATE TABLE borrower (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nik_encrypted text NOT NULL,
        nik_hash text NOT NULL UNIQUE,
        nik_masked text NOT NULL CHECK (nik_masked ~ '^[0-9]{4}[*]{8}[0-9]{4}$'),
        kk_encrypted text,
        kk_hash text,
        full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
        gender text NOT NULL CHECK (gender IN ('M','F')),
        birth_date date NOT NULL,
        phone text NOT NULL CHECK (phone ~ '^\\+628[1-9][0-9]{7,10}$'),
        address_street text NOT NULL,
        address_village_name text,
        district_code text NOT NULL REFERENCES region(code),
        postal_code text NOT NULL CHECK (postal_code ~ '^[1-9][0-9]{4}$'),
        consent_version text NOT NULL,
        consent_given_at timestamptz NOT NULL,
        created_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      );
      -- Lists page by (full_name, id), optionally within one district.
      CREATE INDEX borrower_name ON borrower (full_name, id);
      CREATE INDEX borrower_district ON borrower (district_code, full_name, id);
      CREATE INDEX borrower_kk_hash ON borrower (kk_hash) WHERE kk_hash IS NOT NULL;

      CREATE TABLE business (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        borrower_id uuid NOT NULL UNIQUE REFERENCES borrower(id),
        name text NOT NULL,
        nib text CHECK (nib ~ '^[0-9]{13}$'),
        sector text NOT NULL CHECK (sector IN ('CULINARY','CRAFT_BATIK','CRAFT_WEAVING','CRAFT_WOODCARVING',
          'CRAFT_PLAITING','FASHION','TRADE','AGRICULTURE','FISHERY','SERVICES','OTHER')),
        started_on date NOT NULL,
        monthly_revenue numeric(18,2) NOT NULL CHECK (monthly_revenue >= 0),
        monthly_expenses numeric(18,2) NOT NULL CHECK (monthly_expenses >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX business_sector ON business (sector);

      -- A borrower user may only see this borrower: now that borrowers exist, enforce the reference.
      ALTER TABLE app_user ADD CONSTRAINT app_user_borrower_fk FOREIGN KEY (borrower_id) REFERENCES borrower(id);
      -- Holidays (migration 300) come before regions: now that regions exist, tie regional holidays to them.
      ALTER TABLE holiday ADD CONSTRAINT holiday_region_fk FOREIGN KEY (region_code) REFERENCES region(code);
    `);
    // Parents before children: the seed list is ordered province, regency, district.
    for (const r of SEEDED_REGIONS) {
      await q.query(`INSERT INTO region (code, name, level, parent_code, time_zone) VALUES ($1, $2, $3, $4, $5)`, [
        r.code,
        r.name,
        r.level,
        parentOf(r.code),
        r.timeZone,
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE holiday DROP CONSTRAINT holiday_region_fk; ALTER TABLE app_user DROP CONSTRAINT app_user_borrower_fk; DROP TABLE business; DROP TABLE borrower; DROP TABLE region;`);
  }
}
