import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertBorrower } from '../support/fixtures.js';

const REGIONS = `
  INSERT INTO region (code, name, level, parent_code, time_zone) VALUES
    ('35', 'Jawa Timur', 'PROVINCE', NULL, 'Asia/Jakarta'),
    ('35.26', 'Kabupaten Bangkalan', 'REGENCY', '35', 'Asia/Jakarta'),
    ('35.26.01', 'Bangkalan', 'DISTRICT', '35.26', 'Asia/Jakarta'),
    ('51', 'Bali', 'PROVINCE', NULL, 'Asia/Makassar'),
    ('51.03', 'Kabupaten Badung', 'REGENCY', '51', 'Asia/Makassar'),
    ('51.03.01', 'Kuta', 'DISTRICT', '51.03', 'Asia/Makassar')
  ON CONFLICT (code) DO NOTHING`;

type HolidayItem = { id: string; date: string; name: string; kind: string; regionCode: string | null };

describe('the holiday calendar (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: { token: string };
  let borrower: { token: string };
  const admin = () => ({ Authorization: `Bearer ${t.adminToken}` });
  const as = (u: { token: string }) => ({ Authorization: `Bearer ${u.token}` });
  const add = (body: Record<string, unknown>) => t.http().post('/api/holidays').set(admin()).send(body);
  const all = async (query: Record<string, unknown>): Promise<HolidayItem[]> => {
    const items: HolidayItem[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: HolidayItem[]; nextCursor: string | null } } = await t
        .http()
        .get('/api/holidays')
        .query({ ...query, ...(cursor ? { cursor } : {}) })
        .set(as(borrower))
        .expect(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  };

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    await ds.query(REGIONS);
    officer = await t.userWithRoles(['loan_officer']);
    borrower = await t.userWithRoles(['borrower'], { borrowerId: await insertBorrower(ds) });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('GET /api/holidays', () => {
    it("lists Indonesia's 2026 calendar (SKB 3 Menteri): 17 national holidays and 8 cuti bersama, in date order, to any signed-in user", async () => {
      const items = await all({ year: 2026, limit: 10 });
      expect(items).toHaveLength(25);
      expect(items.filter((h) => h.kind === 'NATIONAL')).toHaveLength(17);
      expect(items.filter((h) => h.kind === 'CUTI_BERSAMA').map((h) => h.date)).toEqual([
        '2026-02-16', '2026-03-18', '2026-03-20', '2026-03-23', '2026-03-24', '2026-05-15', '2026-05-28', '2026-12-24',
      ]);
      expect(items.map((h) => h.date)).toEqual([...items.map((h) => h.date)].sort());
      expect(items[0]).toEqual({ id: expect.any(String), date: '2026-01-01', name: 'Tahun Baru 2026 Masehi', kind: 'NATIONAL', regionCode: null, createdAt: expect.any(String) });
      expect(items.find((h) => h.date === '2026-08-17')?.name).toMatch(/Kemerdekaan/);
    });

    it('narrows by from/to and year, pages with limit and cursor', async () => {
      const idulFitri = await all({ from: '2026-03-18', to: '2026-03-24' });
      expect(idulFitri.map((h) => h.date)).toEqual(['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24']);
      expect(await all({ year: 2026, from: '2026-12-01' })).toHaveLength(2);
      expect(await all({ year: 2025 })).toEqual([]);
      const first = await t.http().get('/api/holidays').query({ year: 2026, limit: 3 }).set(as(officer)).expect(200);
      expect(first.body.items).toHaveLength(3);
      expect(first.body.nextCursor).toEqual(expect.any(String));
    });

    it('refuses a malformed query (400 naming the field) and an anonymous caller (401)', async () => {
      const res = await t.http().get('/api/holidays').query({ from: '2026-02-30', year: 'soon' }).set(admin()).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['from', 'year']);
      const reversed = await t.http().get('/api/holidays').query({ from: '2026-05-01', to: '2026-04-01' }).set(admin()).expect(400);
      expect(reversed.body.errors).toEqual([expect.objectContaining({ field: 'to', code: 'RANGE_REVERSED' })]);
      await t.http().get('/api/holidays').expect(401);
    });
  });

  describe('POST /api/holidays', () => {
    it('adds a national holiday (201), audited; the same date again is 409 HOLIDAY_EXISTS, whatever the national kind', async () => {
      const res = await add({ date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'NATIONAL' }).expect(201);
      expect(res.body).toEqual({ id: expect.any(String), date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'NATIONAL', regionCode: null, createdAt: expect.any(String) });
      const audit = await ds.query(`SELECT action, actor_id FROM audit_log WHERE entity_id = $1`, [res.body.id]);
      expect(audit).toEqual([expect.objectContaining({ action: 'HOLIDAY_ADDED', actor_id: expect.any(String) })]);
      expect((await add({ date: '2027-01-01', name: 'Again', kind: 'NATIONAL' }).expect(409)).body.code).toBe('HOLIDAY_EXISTS');
      expect((await add({ date: '2026-03-21', name: 'Lebaran', kind: 'CUTI_BERSAMA' }).expect(409)).body.code).toBe('HOLIDAY_EXISTS');
    });

    it('adds a regional holiday beside a national one on the same date, once per region', async () => {
      await add({ date: '2026-03-21', name: 'Hari regional', kind: 'REGIONAL', regionCode: '35.26' }).expect(201);
      await add({ date: '2026-03-21', name: 'Hari regional', kind: 'REGIONAL', regionCode: '51.03' }).expect(201);
      const dup = await add({ date: '2026-03-21', name: 'Hari regional lagi', kind: 'REGIONAL', regionCode: '35.26' }).expect(409);
      expect(dup.body.code).toBe('HOLIDAY_EXISTS');
    });

    it.each([
      [{ date: '2026-10-11', name: 'Hari Jadi', kind: 'REGIONAL' }, 'regionCode', 'REGION_CODE_REQUIRED'],
      [{ date: '2026-10-11', name: 'Hari Jadi', kind: 'NATIONAL', regionCode: '35.26' }, 'regionCode', 'REGION_CODE_NOT_ALLOWED'],
      [{ date: '2026-10-11', name: 'Hari Jadi', kind: 'REGIONAL', regionCode: '99.99' }, 'regionCode', 'REGION_UNKNOWN'],
      [{ date: '2026-10-11', name: 'Hari Jadi', kind: 'REGIONAL', regionCode: 'Bangkalan' }, 'regionCode', 'MATCHES'],
      [{ date: '2026-02-29', name: 'Hari Jadi', kind: 'NATIONAL' }, 'date', 'IS_CALENDAR_DATE'],
      [{ date: '2026-10-11', name: '', kind: 'NATIONAL' }, 'name', 'IS_LENGTH'],
      [{ date: '2026-10-11', name: 'Hari Jadi', kind: 'LOCAL' }, 'kind', 'IS_IN'],
    ])('refuses %j: 400 naming %s', async (body, field, code) => {
      const before = (await ds.query(`SELECT count(*)::int AS n FROM holiday`))[0].n;
      const res = await add(body).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field, code })]);
      expect((await ds.query(`SELECT count(*)::int AS n FROM holiday`))[0].n).toBe(before);
    });

    it('is for admins only', async () => {
      const res = await t.http().post('/api/holidays').set(as(officer)).send({ date: '2026-10-11', name: 'x', kind: 'NATIONAL' }).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
      await t.http().post('/api/holidays').set(as(borrower)).send({ date: '2026-10-11', name: 'x', kind: 'NATIONAL' }).expect(403);
    });
  });

  describe('DELETE /api/holidays/:id', () => {
    it('removes a holiday (204), audited with what it was; a second delete is 404', async () => {
      const { body } = await add({ date: '2027-03-10', name: 'Nyepi 2027', kind: 'NATIONAL' }).expect(201);
      await t.http().delete(`/api/holidays/${body.id}`).set(admin()).expect(204);
      expect(await all({ from: '2027-03-10', to: '2027-03-10' })).toEqual([]);
      const audit = await ds.query(`SELECT before FROM audit_log WHERE entity_id = $1 AND action = 'HOLIDAY_REMOVED'`, [body.id]);
      expect(audit).toEqual([{ before: expect.objectContaining({ date: '2027-03-10', name: 'Nyepi 2027' }) }]);
      expect((await t.http().delete(`/api/holidays/${body.id}`).set(admin()).expect(404)).body.code).toBe('NOT_FOUND');
    });

    it('refuses a malformed id (400) and anyone but an admin (403)', async () => {
      const bad = await t.http().delete('/api/holidays/42').set(admin()).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
      const [{ id }] = await ds.query(`SELECT id FROM holiday WHERE date = '2026-01-01'`);
      await t.http().delete(`/api/holidays/${id}`).set(as(officer)).expect(403);
      expect(await all({ from: '2026-01-01', to: '2026-01-01' })).toHaveLength(1);
    });
  });

  it('moves a previewed due date off a holiday added through the API, and back when it is removed; regional ones only in their region', async () => {
    const product = await t
      .http()
      .post('/api/products')
      .set(admin())
      .send({
        code: 'HOLIDAY-MOVES',
        name: 'Moves off holidays',
        minAmount: '1000000',
        maxAmount: '10000000',
        minTenor: 1,
        maxTenor: 24,
        frequency: 'MONTHLY',
        roundingUnit: '1000',
        roundingMode: 'UP',
        remainderPlacement: 'LAST',
        moveDueDatesOffHolidays: true,
        collectibilityTable: 'BPR',
        committeeThreshold: '5000000',
        eligibility: { minAge: 21, maxAgeAtMaturity: 60, regionCodes: ['35.26'], minBusinessAgeMonths: 6, requireNib: true, maxActiveLoans: 1 },
      })
      .expect(201);
    const dueDates = async (extra: Record<string, unknown> = {}) =>
      (
        await t
          .http()
          .post(`/api/products/${product.body.id}/schedule-preview`)
          .set(as(officer))
          .send({ amount: '2000000', tenor: 2, disbursementDate: '2026-09-12', ...extra })
          .expect(200)
      ).body.installments.map((i: { dueDate: string }) => i.dueDate);

    // Mon 12 Oct and Thu 12 Nov 2026 are working days.
    expect(await dueDates()).toEqual(['2026-10-12', '2026-11-12']);
    const national = await add({ date: '2026-10-12', name: 'Libur tambahan', kind: 'NATIONAL' }).expect(201);
    expect(await dueDates()).toEqual(['2026-10-13', '2026-11-12']);
    // A Bangkalan (35.26) holiday counts for the default programme (region 35.26) and its districts, not for Badung.
    await add({ date: '2026-10-13', name: 'Hari Jadi Bangkalan', kind: 'REGIONAL', regionCode: '35.26' }).expect(201);
    expect(await dueDates()).toEqual(['2026-10-14', '2026-11-12']);
    expect(await dueDates({ regionCode: '35.26.01' })).toEqual(['2026-10-14', '2026-11-12']);
    expect(await dueDates({ regionCode: '51.03.01' })).toEqual(['2026-10-13', '2026-11-12']);
    await t.http().delete(`/api/holidays/${national.body.id}`).set(admin()).expect(204);
    expect(await dueDates()).toEqual(['2026-10-12', '2026-11-12']);
  });
});
