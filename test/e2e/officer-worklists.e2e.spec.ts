// What the web app's officer and approver pages read (issue 9, items 3 and 4): the NIK check as typed,
// application lists with the borrower's name, days waiting and latest score, oldest first for an approver's
// queue, one borrower's history, and an officer's own pipeline.
import { DataSource } from 'typeorm';
import { buildApplicant, buildProduct } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';

const TODAY = '2026-06-15';

describe('officer and approver worklists (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: { id: string; token: string };
  let other: { id: string; token: string };
  let approver: { id: string; token: string };
  let productId: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const setBusinessDate = (date: string) => ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [date]);
  const nikCheck = (nik: unknown, token = officer.token) => t.http().post('/api/borrowers/nik-check').set(auth(token)).send({ nik });
  const list = (query: string, token = approver.token) => t.http().get(`/api/applications${query}`).set(auth(token));
  const submit = async (fullName: string, token = officer.token): Promise<{ id: string; borrowerId: string }> => {
    const { borrowerId } = await buildApplicant(ds, { fullName, business: { name: `Usaha ${fullName}` } });
    const res = await t
      .http()
      .post('/api/applications')
      .set(auth(token))
      .send({ borrowerId, productId, amount: '5000000', tenor: 12, purpose: 'Modal kerja' })
      .expect(201);
    return { id: res.body.id, borrowerId };
  };

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    await setBusinessDate(TODAY);
    officer = await t.userWithRoles(['loan_officer']);
    other = await t.userWithRoles(['loan_officer']);
    approver = await t.userWithRoles(['approver']);
    productId = await buildProduct(ds);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/borrowers/nik-check', () => {
    it('reads a valid NIK: birth date, gender and where it was issued; not registered yet', async () => {
      const res = await nikCheck('3526095405780003').expect(200);
      expect(res.body).toEqual({
        valid: true,
        reasons: [],
        birthDate: '1978-05-14',
        gender: 'F',
        issuedInDistrictCode: '35.26.09',
        registeredBorrowerId: null,
      });
    });

    it.each([
      ['352609540578', 'NIK_FORMAT'],
      ['35260954057800O3', 'NIK_FORMAT'],
      ['9926095405780003', 'NIK_PROVINCE_UNKNOWN'],
      ['3500095405780003', 'NIK_REGION_INVALID'],
      ['3526093202780003', 'NIK_BIRTH_DATE_INVALID'],
      ['3526097202780003', 'NIK_BIRTH_DATE_INVALID'],
      ['3526095405780000', 'NIK_SERIAL_ZERO'],
    ])('answers %s as typed with the reason %s (200, not a 400)', async (nik, code) => {
      const res = await nikCheck(nik).expect(200);
      expect(res.body).toMatchObject({ valid: false, birthDate: null, gender: null, issuedInDistrictCode: null, registeredBorrowerId: null });
      expect(res.body.reasons).toEqual([{ code, message: expect.any(String) }]);
    });

    it('judges the century and the future against the business date, not the wall clock', async () => {
      await setBusinessDate('2026-06-15');
      // 14 June 2026 has passed on the business date: born 2026. 16 June 2026 has not: born 1926.
      await expect(nikCheck('3526011406260002').then((r) => r.body.birthDate)).resolves.toBe('2026-06-14');
      await expect(nikCheck('3526011606260002').then((r) => r.body.birthDate)).resolves.toBe('1926-06-16');
      await setBusinessDate(TODAY);
    });

    it('names the borrower already registered with the NIK', async () => {
      const nik = '3526014101900123';
      const reg = await t
        .http()
        .post('/api/borrowers')
        .set(auth(officer.token))
        .send({
          nik,
          fullName: 'Nur Hasanah',
          phone: '081234567890',
          address: { street: 'Jl. Raya Bangkalan 3', districtCode: '35.26.01', postalCode: '69111' },
          business: { name: 'Rujak Nur', sector: 'CULINARY', startedOn: '2020-01-01', monthlyRevenue: '3000000', monthlyExpenses: '1500000' },
        })
        .expect(201);
      const res = await nikCheck(nik).expect(200);
      expect(res.body).toMatchObject({ valid: true, registeredBorrowerId: reg.body.id });
    });

    it('refuses a missing or over-long nik with VALIDATION_FAILED naming it, and other roles with 403', async () => {
      const missing = await t.http().post('/api/borrowers/nik-check').set(auth(officer.token)).send({}).expect(400);
      expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['nik']);
      const long = await nikCheck('1'.repeat(33)).expect(400);
      expect(long.body.errors.map((e: { field: string }) => e.field)).toEqual(['nik']);
      const refused = await nikCheck('3526095405780003', approver.token).expect(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      await t.http().post('/api/borrowers/nik-check').send({ nik: '3526095405780003' }).expect(401);
    });
  });

  describe('GET /api/applications: the rows the pages show', () => {
    let first: { id: string; borrowerId: string };
    let second: { id: string; borrowerId: string };
    let third: { id: string; borrowerId: string };

    beforeAll(async () => {
      await setBusinessDate('2026-06-10');
      first = await submit('Ainun Jariyah');
      await setBusinessDate('2026-06-12');
      second = await submit('Badriyah');
      third = await submit('Chotimah', other.token);
      await setBusinessDate(TODAY);
      await t.http().post(`/api/applications/${second.id}/score`).set(auth(officer.token)).send({ slikCollectibility: 1, fieldVisitRating: 4 }).expect(200);
    });

    it("carries the borrower's and business's names, days waiting in the status and the latest score", async () => {
      const res = await list(`?officerId=${officer.id}`).expect(200);
      const byId = new Map(res.body.items.map((a: { id: string }) => [a.id, a]));
      expect(byId.get(first.id)).toMatchObject({ borrowerName: 'Ainun Jariyah', businessName: 'Usaha Ainun Jariyah', status: 'SUBMITTED', daysWaiting: 5, latestScore: null });
      expect(byId.get(second.id)).toMatchObject({
        borrowerName: 'Badriyah',
        status: 'SCORED',
        daysWaiting: 0,
        latestScore: { score: expect.any(Number), grade: expect.stringMatching(/^[A-E]$/), recommendation: expect.stringMatching(/^(APPROVE|REVIEW|REJECT)$/) },
      });
      expect(byId.has(third.id)).toBe(false);
    });

    it('order=oldest pages oldest first with a cursor, the reverse of the default', async () => {
      const mine = [first.id, second.id, third.id];
      const newest = (await list('?limit=500').expect(200)).body.items.map((a: { id: string }) => a.id).filter((id: string) => mine.includes(id));
      const oldest: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await list(`?order=oldest&limit=1${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
        const body = res.body as { items: { id: string }[]; nextCursor: string | null };
        oldest.push(...body.items.map((a) => a.id).filter((id) => mine.includes(id)));
        cursor = body.nextCursor;
      } while (cursor);
      expect(oldest).toEqual([first.id, second.id, third.id]);
      expect(newest).toEqual([third.id, second.id, first.id]);
      const bad = await list('?order=sideways').expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['order']);
    });

    it("borrowerId keeps one borrower's history", async () => {
      const res = await list(`?borrowerId=${second.borrowerId}`).expect(200);
      expect(res.body.items.map((a: { id: string }) => a.id)).toEqual([second.id]);
      const bad = await list('?borrowerId=nope').expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['borrowerId']);
    });

    it("GET /api/applications/pipeline?officerId= counts one officer's applications only", async () => {
      const mine = await t.http().get(`/api/applications/pipeline?officerId=${officer.id}`).set(auth(officer.token)).expect(200);
      const byStatus = new Map(mine.body.statuses.map((s: { status: string }) => [s.status, s]));
      expect(byStatus.get('SUBMITTED')).toMatchObject({ count: 1, oldestDaysWaiting: 5 });
      expect(byStatus.get('SCORED')).toMatchObject({ count: 1, oldestDaysWaiting: 0 });
      const theirs = await t.http().get(`/api/applications/pipeline?officerId=${other.id}`).set(auth(officer.token)).expect(200);
      expect(theirs.body.statuses.find((s: { status: string }) => s.status === 'SUBMITTED')).toMatchObject({ count: 1, oldestDaysWaiting: 3 });
      await t.http().get('/api/applications/pipeline?officerId=x').set(auth(officer.token)).expect(400);
    });
  });
});
