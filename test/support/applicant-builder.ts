// SQL-level builders for application specs: a borrower (with or without a business) and a product, each
// field configurable, so that a spec can build an applicant who breaks exactly the rule it is about.
// The NIK columns hold placeholders (nothing here decrypts them); the phone is sealed, since answers,
// the collectors' list and reminders open it.
import { randomInt, randomUUID } from 'node:crypto';
import { sealBorrowerPhone } from '#notifications';
import type { DataSource } from 'typeorm';
import { FIXTURE_PHONE, testCipher } from './fixtures.js';

/** Regions the builders use: Bangkalan and three of its kecamatan, and Kuta (Badung, Bali) outside it. */
const REGIONS: [code: string, name: string, level: string, parent: string | null, zone: string][] = [
  ['35', 'Jawa Timur', 'PROVINCE', null, 'Asia/Jakarta'],
  ['35.26', 'Kabupaten Bangkalan', 'REGENCY', '35', 'Asia/Jakarta'],
  ['35.26.01', 'Bangkalan', 'DISTRICT', '35.26', 'Asia/Jakarta'],
  ['35.26.02', 'Socah', 'DISTRICT', '35.26', 'Asia/Jakarta'],
  ['35.26.03', 'Burneh', 'DISTRICT', '35.26', 'Asia/Jakarta'],
  ['51', 'Bali', 'PROVINCE', null, 'Asia/Makassar'],
  ['51.03', 'Kabupaten Badung', 'REGENCY', '51', 'Asia/Makassar'],
  ['51.03.01', 'Kuta', 'DISTRICT', '51.03', 'Asia/Makassar'],
];

export async function ensureRegions(ds: DataSource): Promise<void> {
  // One statement, parents listed first: the self-reference is checked at its end.
  const values = REGIONS.map((_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5})`).join(', ');
  await ds.query(`INSERT INTO region (code, name, level, parent_code, time_zone) VALUES ${values} ON CONFLICT (code) DO NOTHING`, REGIONS.flat());
}

export interface BusinessOptions {
  name?: string;
  /** 13 digits, or null for a business without an NIB. */
  nib?: string | null;
  sector?: string;
  startedOn?: string;
  monthlyRevenue?: string;
  monthlyExpenses?: string;
}

export interface ApplicantOptions {
  fullName?: string;
  gender?: 'M' | 'F';
  birthDate?: string;
  /** A region code the builder knows (see REGIONS) or one seeded by the borrowers migration. */
  districtCode?: string;
  /** null: the borrower has no business row at all. */
  business?: BusinessOptions | null;
}

export interface Applicant {
  borrowerId: string;
  businessId: string | null;
}

/** Defaults: a woman of 41 in Kecamatan Bangkalan whose batik business has run since 2024 with an NIB. */
export async function buildApplicant(ds: DataSource, opts: ApplicantOptions = {}): Promise<Applicant> {
  await ensureRegions(ds);
  const serial = String(randomInt(1, 10000)).padStart(4, '0');
  const id = randomUUID();
  const [{ id: borrowerId }] = (await ds.query(
    `INSERT INTO borrower (id, nik_encrypted, nik_hash, nik_masked, full_name, gender, birth_date, phone_encrypted, address_street,
       district_code, postal_code, consent_version, consent_given_at)
     VALUES ($7, 'builder-placeholder', md5(random()::text || clock_timestamp()::text), $1, $2, $3, $4, $6,
       'Jl. Raya Bangkalan 1', $5, '69111', 'v1', now())
     RETURNING id`,
    [`3526********${serial}`, opts.fullName ?? 'Siti Aminah', opts.gender ?? 'F', opts.birthDate ?? '1985-04-10', opts.districtCode ?? '35.26.01', sealBorrowerPhone(testCipher(), id, FIXTURE_PHONE), id],
  )) as { id: string }[];
  if (opts.business === null) return { borrowerId, businessId: null };
  const b = opts.business ?? {};
  const [{ id: businessId }] = (await ds.query(
    `INSERT INTO business (borrower_id, name, nib, sector, started_on, monthly_revenue, monthly_expenses)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      borrowerId,
      b.name ?? 'Batik Tulis Aminah',
      b.nib === undefined ? '9120001234567' : b.nib,
      b.sector ?? 'CRAFT_BATIK',
      b.startedOn ?? '2024-01-01',
      b.monthlyRevenue ?? '6000000',
      b.monthlyExpenses ?? '3500000',
    ],
  )) as { id: string }[];
  return { borrowerId, businessId };
}

export interface ProductOptions {
  /** Defaults to the default programme. */
  programmeId?: string;
  code?: string;
  minAmount?: string;
  maxAmount?: string;
  minTenor?: number;
  maxTenor?: number;
  frequency?: 'MONTHLY' | 'BIWEEKLY' | 'WEEKLY';
  roundingUnit?: string;
  principalGracePeriods?: number;
  committeeThreshold?: string;
  isActive?: boolean;
  eligibility?: Partial<{
    minAge: number;
    maxAgeAtMaturity: number;
    regionCodes: string[];
    minBusinessAgeMonths: number;
    requireNib: boolean;
    maxActiveLoans: number;
  }>;
}

/**
 * Defaults: Rp1m-10m over 3-24 monthly installments, unit 1,000 rounded up, remainder last; ages 21 to
 * 60 at maturity, Kabupaten Bangkalan, business of 6 months or more, NIB required, one active loan.
 */
export async function buildProduct(ds: DataSource, opts: ProductOptions = {}): Promise<string> {
  const eligibility = {
    minAge: 21,
    maxAgeAtMaturity: 60,
    regionCodes: ['35.26'],
    minBusinessAgeMonths: 6,
    requireNib: true,
    maxActiveLoans: 1,
    ...opts.eligibility,
  };
  const [{ id }] = (await ds.query(
    `INSERT INTO product (programme_id, code, name, min_amount, max_amount, min_tenor, max_tenor, frequency, rounding_unit,
       rounding_mode, remainder_placement, principal_grace_periods, move_due_dates_off_holidays, collectibility_table,
       late_fee, committee_threshold, eligibility, is_active)
     VALUES (COALESCE($1::uuid, (SELECT id FROM programme WHERE is_default)), $2, $3, $4, $5, $6, $7, $8, $9,
       'UP', 'LAST', $10, false, 'BANK', 0, $11, $12, $13)
     RETURNING id`,
    [
      opts.programmeId ?? null,
      opts.code ?? `APPT${randomInt(100000, 1000000)}`,
      'Kredit UMKM 0% (spec)',
      opts.minAmount ?? '1000000',
      opts.maxAmount ?? '10000000',
      opts.minTenor ?? 3,
      opts.maxTenor ?? 24,
      opts.frequency ?? 'MONTHLY',
      opts.roundingUnit ?? '1000',
      opts.principalGracePeriods ?? 0,
      opts.committeeThreshold ?? '5000000',
      JSON.stringify(eligibility),
      opts.isActive ?? true,
    ],
  )) as { id: string }[];
  return id;
}

/** A programme of its own, for specs that count everything in one. */
export async function buildProgramme(ds: DataSource, code = `SPEC-${randomInt(100000, 1000000)}`): Promise<string> {
  const [{ id }] = (await ds.query(`INSERT INTO programme (code, name, region_code) VALUES ($1, $2, '35.26') RETURNING id`, [code, `Programme ${code}`])) as {
    id: string;
  }[];
  return id;
}
