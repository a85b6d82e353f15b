import { randomInt, randomUUID } from 'node:crypto';
import { sealBorrowerPhone } from '#notifications';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../support/app.js';
import { FIXTURE_PHONE, insertBorrower, randomNik, testCipher } from '../support/fixtures.js';

type Body = Record<string, unknown>;
interface User {
  id: string;
  token: string;
}

const auth = (u: User | string) => ({ Authorization: `Bearer ${typeof u === 'string' ? u : u.token}` });

/** A registration body per api.md; `over` replaces top-level fields, `address`/`business` merge. */
function registration(nik: string, over: { address?: Body; business?: Body } & Body = {}): Body {
  const { address, business, ...rest } = over;
  return {
    nik,
    fullName: "Moh. Syafi'i",
    phone: '0812-3456-7890',
    address: { street: 'Jl. Raya Kamal No. 7', villageName: 'Banyu Ajuh', districtCode: '35.26.04', postalCode: '69162', ...address },
    business: {
      name: 'Kerupuk Ikan Kamal',
      nib: '9120001234567',
      sector: 'CULINARY',
      startedOn: '2015-03-01',
      monthlyRevenue: '4500000',
      monthlyExpenses: '2750000',
      ...business,
    },
    ...rest,
  };
}

describe('borrowers (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: User;
  let approver: User;
  let finance: User;
  /** Every NIK registered in this suite, and every answer except the audited reveal: no answer may contain one. */
  const niks: string[] = [];
  const answers: Response[] = [];

  const record = (res: Response): Response => {
    answers.push(res);
    return res;
  };
  const register = async (body: Body, user: User = officer): Promise<Response> => {
    if (typeof body.nik === 'string') niks.push(body.nik);
    return record(await t.http().post('/api/borrowers').set(auth(user)).send(body));
  };
  const getBorrower = async (id: string, user: User | string = officer) => record(await t.http().get(`/api/borrowers/${id}`).set(auth(user)));
  const list = async (query: Body, user: User | string = officer) => record(await t.http().get('/api/borrowers').query(query).set(auth(user)));
  const nikReads = async (id: string): Promise<{ actor_id: string; after: unknown; occurred_at: Date }[]> =>
    ds.query(`SELECT actor_id, after, occurred_at FROM audit_log WHERE action = 'BORROWER_NIK_READ' AND entity_id = $1 ORDER BY id`, [id]);
  const violations = (res: Response) => (res.body.errors as { field: string; code: string }[]).map((e) => [e.field, e.code]);

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    officer = await t.userWithRoles(['loan_officer']);
    approver = await t.userWithRoles(['approver']);
    finance = await t.userWithRoles(['finance']);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('registration', () => {
    it('registers a man: gender and birth date from the NIK, phone in E.164, NIK masked, amounts as strings', async () => {
      const nik = randomNik({ districtCode: '35.26.04', birthDate: '1985-11-02', gender: 'M' });
      const res = await register(registration(nik));
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        nikMasked: `3526********${nik.slice(12)}`,
        kkOnFile: false,
        fullName: "Moh. Syafi'i",
        gender: 'M',
        birthDate: '1985-11-02',
        phone: '+6281234567890',
        address: { street: 'Jl. Raya Kamal No. 7', villageName: 'Banyu Ajuh', districtCode: '35.26.04', districtName: 'Kamal', regencyCode: '35.26', postalCode: '69162' },
        business: {
          id: expect.any(String),
          name: 'Kerupuk Ikan Kamal',
          nib: '9120001234567',
          sector: 'CULINARY',
          sectorLabel: 'Kuliner',
          startedOn: '2015-03-01',
          monthlyRevenue: '4500000.00',
          monthlyExpenses: '2750000.00',
        },
        consent: { version: 'PDP-2026-01', givenAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) },
        createdBy: officer.id,
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
      // The consent defaults to now: within a minute of the request.
      expect(Math.abs(Date.parse(res.body.consent.givenAt) - Date.now())).toBeLessThan(60_000);
    });

    it('registers a woman (day + 40) with the gender, birth date, KK and consent she gave, and stores the NIK and KK only sealed', async () => {
      const nik = randomNik({ districtCode: '35.26.09', birthDate: '1978-05-14', gender: 'F' });
      expect(nik.slice(6, 8)).toBe('54');
      const kk = '3526090101150007';
      const res = await register(
        registration(nik, {
          fullName: 'Hj. Maimunah',
          gender: 'F',
          birthDate: '1978-05-14',
          kk,
          phone: '+62 819-3300-4411',
          consent: { version: 'PDP-2026-01', givenAt: '2026-01-15T09:30:00+07:00' },
          address: { districtCode: '35.26.09', villageName: undefined, postalCode: '69156' },
          business: { name: 'Batik Tulis Tanjung Bumi', sector: 'CRAFT_BATIK', nib: undefined },
        }),
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        gender: 'F',
        birthDate: '1978-05-14',
        kkOnFile: true,
        phone: '+6281933004411',
        address: { districtCode: '35.26.09', districtName: 'Tanjung Bumi', villageName: null },
        business: { sector: 'CRAFT_BATIK', sectorLabel: 'Kerajinan batik', nib: null },
        consent: { version: 'PDP-2026-01', givenAt: '2026-01-15T02:30:00.000Z' },
      });
      const [row] = await ds.query(
        `SELECT b.nik_encrypted, b.nik_hash, b.nik_masked, b.kk_encrypted, b.kk_hash, b.phone_encrypted, b.consent_version, row_to_json(b)::text AS json
           FROM borrower b WHERE id = $1`,
        [res.body.id],
      );
      expect(row.json).not.toContain(nik);
      expect(row.json).not.toContain(kk);
      expect(row.json).not.toContain('81933004411');
      expect(row.nik_encrypted).toMatch(/^v1:/);
      expect(row.kk_encrypted).toMatch(/^v1:/);
      expect(row.phone_encrypted).toMatch(/^v1:/);
      expect(row.nik_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.kk_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.nik_masked).toBe(`3526********${nik.slice(12)}`);
      expect(row.consent_version).toBe('PDP-2026-01');
    });

    it('registers borrowers in the other regencies too (Badung, WITA)', async () => {
      const res = await register(
        registration(randomNik({ districtCode: '51.03.05' }), { address: { districtCode: '51.03.05', postalCode: '80361', villageName: 'Jimbaran' } }),
      );
      expect(res.status).toBe(201);
      expect(res.body.address).toMatchObject({ districtCode: '51.03.05', districtName: 'Kuta Selatan', regencyCode: '51.03' });
    });

    it('writes the borrower, the business and one audit row in one go, with no NIK and the phone masked in the audit row', async () => {
      const nik = randomNik();
      const res = await register(registration(nik));
      expect(res.status).toBe(201);
      const audit = await ds.query(`SELECT actor_id, after, after::text AS text FROM audit_log WHERE action = 'BORROWER_REGISTERED' AND entity_id = $1`, [res.body.id]);
      expect(audit).toHaveLength(1);
      expect(audit[0].actor_id).toBe(officer.id);
      expect(audit[0].after).toMatchObject({ id: res.body.id, nikMasked: res.body.nikMasked, business: { monthlyRevenue: '4500000.00' } });
      expect(audit[0].text).not.toContain(nik);
      expect(audit[0].after.phone).toBe(`${res.body.phone.slice(0, 5)}${'*'.repeat(res.body.phone.length - 8)}${res.body.phone.slice(-3)}`);
      expect(audit[0].text).not.toContain(res.body.phone.slice(3));
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM business WHERE borrower_id = $1`, [res.body.id]);
      expect(n).toBe(1);
    });

    it.each([
      ['15 digits', '352601120390001', 'NIK_FORMAT'],
      ['a letter in it', '35260112039000A1', 'NIK_FORMAT'],
      ['spaces', '3526 0112 0390 0001', 'NIK_FORMAT'],
      ['province 99', '9926011203900001', 'NIK_PROVINCE_UNKNOWN'],
      ['province 20', '2026011203900001', 'NIK_PROVINCE_UNKNOWN'],
      ['district 00', '3526001203900001', 'NIK_REGION_INVALID'],
      ['31 February', '3526013102900001', 'NIK_BIRTH_DATE_INVALID'],
      ['29 February 1997', '3526012902970001', 'NIK_BIRTH_DATE_INVALID'],
      ['day 00', '3526010003900001', 'NIK_BIRTH_DATE_INVALID'],
      ["day 72 (a woman's 32nd)", '3526017201900001', 'NIK_BIRTH_DATE_INVALID'],
      ['month 13', '3526011213900001', 'NIK_BIRTH_DATE_INVALID'],
      ['serial 0000', '3526011203900000', 'NIK_SERIAL_ZERO'],
    ])('refuses a NIK with %s: 400 VALIDATION_FAILED naming nik with %s', async (_label, nik, code) => {
      const res = await register(registration(nik));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'nik', code }] });
      expect(res.body.errors).toHaveLength(1);
    });

    it('refuses a NIK sent as a JSON number with 400 naming nik', async () => {
      const res = await register(registration(3526011203900001 as unknown as string));
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'nik' })]);
    });

    it('reads the century from the business date, not the wall clock: born after it is NIK_BIRTH_DATE_IN_FUTURE', async () => {
      const [{ date }] = await ds.query(`SELECT date FROM business_date`);
      try {
        await ds.query(`UPDATE business_date SET date = '1950-01-01'`);
        const res = await register(registration('3526010101600001', { business: { startedOn: '1949-01-01' } }));
        expect(res.status).toBe(400);
        expect(violations(res)).toEqual([['nik', 'NIK_BIRTH_DATE_IN_FUTURE']]);
        await ds.query(`UPDATE business_date SET date = '2010-06-30'`);
        const born1910 = await register(registration(randomNik({ birthDate: '1910-07-15', gender: 'M' }), { business: { startedOn: '1990-01-01' } }));
        expect(born1910.status).toBe(201);
        expect(born1910.body.birthDate).toBe('1910-07-15');
      } finally {
        await ds.query(`UPDATE business_date SET date = $1`, [date]);
      }
    });

    it('refuses a birth date or gender that contradicts the NIK, naming each', async () => {
      const nik = randomNik({ birthDate: '1990-03-12', gender: 'M' });
      const date = await register(registration(nik, { birthDate: '1990-03-13' }));
      expect(date.status).toBe(400);
      expect(violations(date)).toEqual([['birthDate', 'BIRTH_DATE_CONTRADICTS_NIK']]);
      const gender = await register(registration(nik, { gender: 'F' }));
      expect(gender.status).toBe(400);
      expect(violations(gender)).toEqual([['gender', 'GENDER_CONTRADICTS_NIK']]);
      const both = await register(registration(nik, { gender: 'F', birthDate: '1890-03-12' }));
      expect(violations(both)).toEqual([
        ['birthDate', 'BIRTH_DATE_CONTRADICTS_NIK'],
        ['gender', 'GENDER_CONTRADICTS_NIK'],
      ]);
      expect((await list({ nik })).body.items).toEqual([]);
    });

    it('refuses an unknown district and a region that is not a kecamatan, naming address.districtCode', async () => {
      const unknown = await register(registration(randomNik(), { address: { districtCode: '35.26.99' } }));
      expect(unknown.status).toBe(400);
      expect(violations(unknown)).toEqual([['address.districtCode', 'DISTRICT_UNKNOWN']]);
      const regency = await register(registration(randomNik(), { address: { districtCode: '35.26' } }));
      expect(regency.status).toBe(400);
      expect(violations(regency)).toEqual([['address.districtCode', 'NOT_A_DISTRICT']]);
    });

    it('names every bad identifier, date and amount of one request in one 400', async () => {
      const [{ date }] = await ds.query(`SELECT to_char(date + 1, 'YYYY-MM-DD') AS date FROM business_date`);
      const res = await register(
        registration('3526011203900000', {
          kk: '12345',
          phone: '031-555-1234',
          address: { postalCode: '06911', districtCode: '35.26.42' },
          business: { nib: '123', startedOn: date },
          consent: { version: 'PDP-1999', givenAt: '2099-01-01T00:00:00Z' },
        }),
      );
      expect(res.status).toBe(400);
      expect(violations(res)).toEqual(
        expect.arrayContaining([
          ['nik', 'NIK_SERIAL_ZERO'],
          ['kk', 'KK_FORMAT'],
          ['phone', 'PHONE_FORMAT'],
          ['address.postalCode', 'POSTAL_CODE_FORMAT'],
          ['address.districtCode', 'DISTRICT_UNKNOWN'],
          ['business.nib', 'NIB_FORMAT'],
          ['business.startedOn', 'STARTED_ON_IN_FUTURE'],
          ['consent.version', 'CONSENT_VERSION_UNKNOWN'],
          ['consent.givenAt', 'CONSENT_GIVEN_IN_FUTURE'],
        ]),
      );
      expect(res.body.errors).toHaveLength(9);
    });

    it('refuses a business started before its owner was born', async () => {
      const res = await register(registration(randomNik({ birthDate: '1990-03-12', gender: 'M' }), { business: { startedOn: '1989-12-31' } }));
      expect(res.status).toBe(400);
      expect(violations(res)).toEqual([['business.startedOn', 'STARTED_ON_BEFORE_BIRTH']]);
    });

    it('refuses bad amounts, an unknown sector, a missing address and unknown fields by the shape of the body', async () => {
      const amounts = await register(registration(randomNik(), { business: { monthlyRevenue: 4500000, monthlyExpenses: '-1', sector: 'MINING' } }));
      expect(amounts.status).toBe(400);
      expect(amounts.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['business.monthlyExpenses', 'business.monthlyRevenue', 'business.sector']);
      const zero = await register(registration(randomNik(), { business: { monthlyRevenue: '0', monthlyExpenses: '0.00' } }));
      expect(zero.status).toBe(201);
      expect(zero.body.business).toMatchObject({ monthlyRevenue: '0.00', monthlyExpenses: '0.00' });
      const { address: _a, ...noAddress } = registration(randomNik());
      const missing = await register({ ...noAddress, religion: 'x' });
      expect(missing.status).toBe(400);
      expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['address', 'religion']);
      const extraNested = await register(registration(randomNik(), { address: { rt: '02' } }));
      expect(extraNested.status).toBe(400);
      expect(violations(extraNested)).toEqual([['address.rt', 'UNKNOWN_FIELD']]);
    });

    it('refuses a second borrower with the same NIK: 409 BORROWER_NIK_EXISTS, one row', async () => {
      const nik = randomNik();
      expect((await register(registration(nik))).status).toBe(201);
      const dup = await register(registration(nik, { fullName: 'Someone Else', phone: '081122334455' }));
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({ status: 409, code: 'BORROWER_NIK_EXISTS' });
      const lookup = await list({ nik });
      expect(lookup.body.items).toHaveLength(1);
      expect(lookup.body.items[0].fullName).toBe("Moh. Syafi'i");
    });

    it('lets two concurrent registrations of one NIK produce one borrower and one 409', async () => {
      const nik = randomNik();
      const results = await Promise.all([register(registration(nik)), register(registration(nik))]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    });

    it('lets only loan officers register: admin, approver and finance get 403 before validation', async () => {
      for (const user of [{ id: 'admin', token: t.adminToken }, approver, finance]) {
        const res = await register({ nonsense: true }, user);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      const anonymous = await t.http().post('/api/borrowers').send(registration(randomNik())).expect(401);
      expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('reading', () => {
    let maimunahId: string;
    let maimunahNik: string;

    beforeAll(async () => {
      maimunahNik = randomNik({ districtCode: '35.26.09', birthDate: '1978-05-14', gender: 'F' });
      const res = await register(
        registration(maimunahNik, { fullName: 'Hj. Maimunah', kk: '3526090101150007', address: { districtCode: '35.26.09', postalCode: '69156' } }),
      );
      maimunahId = res.body.id;
    });

    it('shows a borrower to every staff role, masked', async () => {
      for (const user of [officer, approver, finance, t.adminToken]) {
        const res = await getBorrower(maimunahId, user);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ id: maimunahId, fullName: 'Hj. Maimunah', nikMasked: `3526********${maimunahNik.slice(12)}`, kkOnFile: true });
        expect(res.body).not.toHaveProperty('nik');
        expect(res.body).not.toHaveProperty('nikEncrypted');
        expect(res.body).not.toHaveProperty('nikHash');
      }
    });

    it('answers 404 NOT_FOUND for an unknown id and 400 for an id that is not a UUID', async () => {
      const unknown = await getBorrower(randomUUID());
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('NOT_FOUND');
      const bad = await getBorrower('42');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('id');
    });

    it('finds a borrower by NIK through the blind index, for staff only', async () => {
      const found = await list({ nik: maimunahNik }, approver);
      expect(found.status).toBe(200);
      expect(found.body).toEqual({ items: [expect.objectContaining({ id: maimunahId, fullName: 'Hj. Maimunah' })], nextCursor: null });
      const none = await list({ nik: randomNik({ districtCode: '64.71.05' }) });
      expect(none.body).toEqual({ items: [], nextCursor: null });
      const invalid = await list({ nik: '3526011203900000' });
      expect(invalid.status).toBe(400);
      expect(violations(invalid)).toEqual([['nik', 'NIK_SERIAL_ZERO']]);
      const short = await list({ nik: '12345' });
      expect(violations(short)).toEqual([['nik', 'NIK_FORMAT']]);
    });

    it('finds the borrowers with a mobile number through its blind index, however it is written; a family may share one', async () => {
      const digits = String(randomInt(10_000_000, 100_000_000));
      const shared = `0857${digits}`;
      const mother = await register(registration(randomNik(), { fullName: 'Ibu Rohmah', phone: shared }));
      const son = await register(registration(randomNik(), { fullName: 'Ahmad Fauzi', phone: `+62 857 ${digits}`, address: { districtCode: '35.26.01', postalCode: '69111' } }));
      const other = await register(registration(randomNik(), { fullName: 'Ibu Lain', phone: `0858${digits}` }));
      expect([mother.status, son.status, other.status]).toEqual([201, 201, 201]);
      for (const written of [shared, `+62857${digits}`, `62 857-${digits.slice(0, 4)}-${digits.slice(4)}`, `(0857) ${digits}`]) {
        const found = await list({ phone: written }, finance);
        expect(found.status).toBe(200);
        expect(found.body.items.map((b: { id: string }) => b.id)).toEqual([son.body.id, mother.body.id]);
        expect(found.body.items[0].phone).toBe(`+62857${digits}`);
      }
      expect((await list({ phone: shared, districtCode: '35.26.01' })).body.items.map((b: { id: string }) => b.id)).toEqual([son.body.id]);
      expect((await list({ phone: `0859${digits}` })).body).toEqual({ items: [], nextCursor: null });
      for (const bad of ['12345', '031-3456789', 'nol delapan', '+1 202 555 0100']) {
        const refused = await list({ phone: bad });
        expect(refused.status).toBe(400);
        expect(violations(refused)).toEqual([['phone', 'PHONE_FORMAT']]);
      }
      expect(violations(await list({ phone: '0'.repeat(31) }))).toEqual([['phone', 'MAX_LENGTH']]);
    });

    it('can answer ?phone= from the blind index (the plan with sequential scans priced out)', async () => {
      const plan = await ds.transaction(async (em) => {
        await em.query('SET LOCAL enable_seqscan = off');
        const rows: { 'QUERY PLAN': string }[] = await em.query(`EXPLAIN SELECT id FROM borrower WHERE phone_hash = $1 ORDER BY full_name, id LIMIT 51`, ['0'.repeat(64)]);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toMatch(/Index Scan (using|on) borrower_phone_hash/);
    });

    it('lists by name a page at a time, and only one kecamatan with ?districtCode=', async () => {
      for (const name of ['Siti Rohmah', 'Ahmad Fauzi']) {
        const res = await register(registration(randomNik({ districtCode: '35.26.13' }), { fullName: name, address: { districtCode: '35.26.13', postalCode: '69172' } }));
        expect(res.status).toBe(201);
      }
      const inTanahMerah = await list({ districtCode: '35.26.13' }, finance);
      expect(inTanahMerah.status).toBe(200);
      expect(inTanahMerah.body.items.map((b: { fullName: string }) => b.fullName)).toEqual(['Ahmad Fauzi', 'Siti Rohmah']);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: Response = await list(cursor ? { limit: 2, cursor } : { limit: 2 });
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((b: { id: string }) => b.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM borrower`);
      expect(seen).toHaveLength(n);
      expect(new Set(seen).size).toBe(n);
      const all = await list({ limit: 500 });
      expect(all.body.items.map((b: { id: string }) => b.id)).toEqual(seen);

      const bad = await list({ districtCode: '35.26' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('districtCode');
    });

    it('finds borrowers by every word of ?name= anywhere in the name, ignoring case, dots and apostrophes', async () => {
      const tanahMerah = { districtCode: '35.26.13', postalCode: '69172' };
      for (const [fullName, address] of [
        ['Nurul Halimah', tanahMerah],
        ["Halimatus Sa'diyah", tanahMerah],
        ['Nurul Hidayah', tanahMerah],
        ['Nurul Hikmah', { districtCode: '35.26.04', postalCode: '69162' }],
      ] as const) {
        const res = await register(registration(randomNik({ districtCode: address.districtCode }), { fullName, address }));
        expect(res.status).toBe(201);
      }
      const names = async (query: Body) => {
        const res = await list(query);
        expect(res.status).toBe(200);
        return res.body.items.map((b: { fullName: string }) => b.fullName);
      };
      expect(await names({ name: 'halimah' })).toEqual(['Nurul Halimah']);
      expect(await names({ name: 'HALIM' })).toEqual(["Halimatus Sa'diyah", 'Nurul Halimah']);
      expect(await names({ name: 'sadiyah' })).toEqual(["Halimatus Sa'diyah"]);
      expect(await names({ name: "Sa'diyah" })).toEqual(["Halimatus Sa'diyah"]);
      expect(await names({ name: 'nurul h' })).toEqual(['Nurul Halimah', 'Nurul Hidayah', 'Nurul Hikmah']);
      expect(await names({ name: 'hidayah nurul' })).toEqual(['Nurul Hidayah']);
      const maimunahs = (await list({ name: 'hj. maimunah' })).body.items as { id: string; fullName: string }[];
      expect(maimunahs.map((b) => b.id)).toContain(maimunahId);
      expect(new Set(maimunahs.map((b) => b.fullName))).toEqual(new Set(['Hj. Maimunah']));
      expect(await names({ name: 'nurul', districtCode: '35.26.04' })).toEqual(['Nurul Hikmah']);
      // LIKE's wildcards are letters like any other, never patterns.
      expect(await names({ name: 'n_rul' })).toEqual([]);
      expect(await names({ name: 'nur%' })).toEqual(['Nurul Halimah', 'Nurul Hidayah', 'Nurul Hikmah']);

      const first = await list({ name: 'nurul', limit: 2 });
      expect(first.body.items.map((b: { fullName: string }) => b.fullName)).toEqual(['Nurul Halimah', 'Nurul Hidayah']);
      const second = await list({ name: 'nurul', limit: 2, cursor: first.body.nextCursor });
      expect(second.body).toEqual({ items: [expect.objectContaining({ fullName: 'Nurul Hikmah' })], nextCursor: null });

      expect(violations(await list({ name: 'n' }))).toEqual([['name', 'IS_LENGTH']]);
      expect(violations(await list({ name: 'x'.repeat(101) }))).toEqual([['name', 'IS_LENGTH']]);
      expect(violations(await list({ name: '%.' }))).toEqual([['name', 'MATCHES']]);
    });

    it('can answer ?name= from the trigram index (the plan with sequential scans priced out)', async () => {
      const plan = await ds.transaction(async (em) => {
        await em.query('SET LOCAL enable_seqscan = off');
        const rows: { 'QUERY PLAN': string }[] = await em.query(
          `EXPLAIN SELECT id FROM borrower WHERE name_key LIKE '%' || borrower_name_key($1) || '%' ORDER BY full_name, id LIMIT 51`,
          ['maimunah'],
        );
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toMatch(/Bitmap Index Scan on borrower_name_trigram/);
      expect(plan).toContain("Index Cond: (name_key ~~ '%maimunah%'::text)");
    });

    it('reveals the NIK and KK to an admin or loan officer, writing one BORROWER_NIK_READ audit row per read', async () => {
      expect(await nikReads(maimunahId)).toHaveLength(0);
      const first = await t.http().get(`/api/borrowers/${maimunahId}/nik`).set(auth(officer)).expect(200);
      expect(first.body).toEqual({ nik: maimunahNik, kk: '3526090101150007' });
      expect(await nikReads(maimunahId)).toHaveLength(1);
      const admin = await t.http().get(`/api/borrowers/${maimunahId}/nik`).set(auth(t.adminToken)).expect(200);
      expect(admin.body.nik).toBe(maimunahNik);
      const reads = await nikReads(maimunahId);
      expect(reads).toHaveLength(2);
      expect(reads[0]).toMatchObject({ actor_id: officer.id, after: { fields: ['nik', 'kk'] } });
      expect(reads[1].actor_id).not.toBe(officer.id);
      expect(reads[1].occurred_at).toBeInstanceOf(Date);
      const [{ text }] = await ds.query(`SELECT string_agg(after::text, ' ') AS text FROM audit_log`);
      expect(text).not.toContain(maimunahNik);
    });

    it('reveals the NIK of a fixture borrower (test/support/fixtures.ts seals it like the service)', async () => {
      const id = await insertBorrower(ds);
      const reveal = await t.http().get(`/api/borrowers/${id}/nik`).set(auth(officer)).expect(200);
      expect(reveal.body.nik).toMatch(/^352601120390\d{4}$/);
      expect(reveal.body.kk).toBeNull();
      const found = await list({ nik: reveal.body.nik });
      expect(found.body.items).toEqual([expect.objectContaining({ id, fullName: 'Fixture Borrower', gender: 'M', birthDate: '1990-03-12', business: null })]);
    });

    it('reveals a KK as null when none is on file', async () => {
      const nik = randomNik();
      const res = await register(registration(nik));
      const reveal = await t.http().get(`/api/borrowers/${res.body.id}/nik`).set(auth(officer)).expect(200);
      expect(reveal.body).toEqual({ nik, kk: null });
    });

    it('refuses the reveal to approver and finance (403, nothing audited), and 404 for an unknown borrower', async () => {
      for (const user of [approver, finance]) {
        const res = await t.http().get(`/api/borrowers/${maimunahId}/nik`).set(auth(user)).expect(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      const before = (await nikReads(maimunahId)).length;
      const unknown = await t.http().get(`/api/borrowers/${randomUUID()}/nik`).set(auth(officer)).expect(404);
      expect(unknown.body.code).toBe('NOT_FOUND');
      expect(await nikReads(maimunahId)).toHaveLength(before);
    });

    it('lets a borrower user, created for a registered borrower, see their own record and nothing else', async () => {
      const other = await register(registration(randomNik(), { fullName: 'Other Borrower' }));
      const user = await t.userWithRoles(['borrower'], { borrowerId: maimunahId });
      const me = await t.http().get('/api/users/me').set(auth(user)).expect(200);
      expect(me.body).toMatchObject({ roles: ['borrower'], borrowerId: maimunahId });

      const own = await getBorrower(maimunahId, user);
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ id: maimunahId, fullName: 'Hj. Maimunah' });
      const theirs = await getBorrower(other.body.id, user);
      expect(theirs.status).toBe(404);
      expect(theirs.body.code).toBe('NOT_FOUND');
      expect(JSON.stringify(theirs.body)).not.toContain('Other Borrower');
      const unknown = await getBorrower(randomUUID(), user);
      expect(unknown.status).toBe(404);

      const listing = await list({}, user);
      expect(listing.status).toBe(403);
      const lookup = await list({ nik: maimunahNik }, user);
      expect(lookup.status).toBe(403);
      await t.http().get(`/api/borrowers/${maimunahId}/nik`).set(auth(user)).expect(403);
      expect((await register(registration(randomNik()), user)).status).toBe(403);
    });

    it('shows a borrower with no business (registered before businesses were required) with business null', async () => {
      const id = randomUUID();
      await ds.query(
        `INSERT INTO borrower (id, nik_encrypted, nik_hash, nik_masked, full_name, gender, birth_date, phone_encrypted, address_street, district_code,
           postal_code, consent_version, consent_given_at)
         VALUES ($1, 'v1:x:y:z', md5(random()::text), '3526********0042', 'Tanpa Usaha', 'M', '1980-01-01', $2, 'Jl. A', '35.26.01',
           '69111', 'PDP-2026-01', now())`,
        [id, sealBorrowerPhone(testCipher(), id, FIXTURE_PHONE)],
      );
      const res = await getBorrower(id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ fullName: 'Tanpa Usaha', business: null, phone: FIXTURE_PHONE, address: { districtName: 'Bangkalan' } });
    });
  });

  it('describes the borrower and region routes, their answers and refusals in the OpenAPI document', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/borrowers', '/api/borrowers/{id}', '/api/borrowers/{id}/nik', '/api/regions']));
    expect(Object.keys(doc.paths['/api/borrowers'].post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409']));
    expect(Object.keys(doc.paths['/api/borrowers/{id}'].get.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404']));
    expect(doc.paths['/api/borrowers'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['nik', 'districtCode', 'limit', 'cursor']));
    expect(Object.keys(doc.components.schemas.CreateBorrowerRequest.properties)).toEqual(
      expect.arrayContaining(['nik', 'kk', 'fullName', 'gender', 'birthDate', 'phone', 'address', 'business', 'consent']),
    );
    expect(doc.components.schemas.BorrowerResponse.properties).not.toHaveProperty('nik');
  });

  describe('demo data (scripts/seed-demo.ts)', () => {
    it('registers the demo borrowers in Bangkalan and the peminjam login once, however often it runs', async () => {
      const { DEMO_BORROWERS, seedDemo } = await import('../../scripts/seed-demo.js');
      await seedDemo();
      await seedDemo();
      const ids: Record<string, string> = {};
      for (const [key, demo] of Object.entries(DEMO_BORROWERS)) {
        niks.push(demo.nik);
        const found = await list({ nik: demo.nik });
        expect(found.body.items).toHaveLength(1);
        expect(found.body.items[0]).toMatchObject({ fullName: demo.fullName, address: { regencyCode: '35.26' }, business: { name: demo.business.name } });
        ids[key] = found.body.items[0].id;
      }
      expect(Object.keys(ids)).toHaveLength(3);
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM app_user WHERE username = 'peminjam'`);
      expect(n).toBe(1);
      const token = await t.login('peminjam', 'peminjam-demo');
      const own = await getBorrower(ids.maimunah, token);
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ fullName: 'Hj. Maimunah', gender: 'F', business: { sector: 'CRAFT_BATIK', sectorLabel: 'Kerajinan batik' } });
      expect((await getBorrower(ids.syafii, token)).status).toBe(404);
      const [{ actor }] = await ds.query(
        `SELECT u.username AS actor FROM audit_log a JOIN app_user u ON u.id = a.actor_id WHERE a.action = 'BORROWER_REGISTERED' AND a.entity_id = $1`,
        [ids.rohmah],
      );
      expect(actor).toBe('petugas');
    });
  });

  it('never put a registered NIK in any answer but the audited reveal', () => {
    expect(answers.length).toBeGreaterThan(30);
    const valid = niks.filter((n) => /^\d{16}$/.test(n));
    for (const res of answers) {
      const text = res.text;
      for (const nik of valid) expect(text).not.toContain(nik);
    }
  });
});
