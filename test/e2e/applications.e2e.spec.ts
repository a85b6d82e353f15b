import { ApplicationsService } from '#intake';
import { TransactionRunner } from '#platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type ApplicantOptions, buildApplicant, buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { approvedApplication } from '../support/approved-application.js';

// Every date below is counted from this business date (a Monday); 12 monthly installments mature 2027-06-15.
const TODAY = '2026-06-15';

describe('applications: intake, eligibility, withdrawal and the pipeline (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: { id: string; token: string };
  let productId: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const setBusinessDate = (date: string) => ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [date]);
  const submit = (body: Record<string, unknown>, token = officer.token) => t.http().post('/api/applications').set(auth(token)).send(body);
  const bodyFor = (borrowerId: string, patch: Record<string, unknown> = {}) => ({
    borrowerId,
    productId,
    amount: '5000000',
    tenor: 12,
    purpose: 'Modal kerja: kain mori dan malam untuk batik tulis',
    ...patch,
  });
  /** A fresh eligible borrower's application, as `token`'s officer; returns the answer's body. */
  const submitted = async (opts: { applicant?: ApplicantOptions; body?: Record<string, unknown>; token?: string } = {}) => {
    const { borrowerId } = await buildApplicant(ds, opts.applicant);
    const res = await submit(bodyFor(borrowerId, opts.body), opts.token);
    if (res.status !== 201) throw new Error(`submission failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const withdraw = (id: string, reason = 'Pemohon membatalkan', token = officer.token) =>
    t.http().post(`/api/applications/${id}/withdraw`).set(auth(token)).send({ reason });
  const applicationsOf = async (borrowerId: string): Promise<number> =>
    (await ds.query(`SELECT count(*)::int AS n FROM application WHERE borrower_id = $1`, [borrowerId]))[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    await setBusinessDate(TODAY);
    officer = await t.userWithRoles(['loan_officer']);
    productId = await buildProduct(ds);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/applications', () => {
    it('stores an eligible application as SUBMITTED with its number, terms, first history row and audit row', async () => {
      const { borrowerId } = await buildApplicant(ds);
      const res = await submit(bodyFor(borrowerId, { purpose: '  Modal kerja batik  ' })).expect(201);
      expect(res.body).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        number: expect.stringMatching(/^APP-2026-\d{6}$/),
        status: 'SUBMITTED',
        borrowerId,
        productId,
        districtCode: '35.26.01',
        amount: '5000000.00',
        tenor: 12,
        purpose: 'Modal kerja batik',
        submittedBy: officer.id,
        submittedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        statusSince: TODAY,
        version: 1,
        scores: [],
        decisions: [],
      });
      expect(res.body.termsSnapshot).toMatchObject({ productId, minAmount: '1000000.00', maxAmount: '10000000.00', eligibility: { maxActiveLoans: 1 } });
      expect(res.body.statusHistory).toEqual([
        expect.objectContaining({ fromStatus: null, toStatus: 'SUBMITTED', event: 'SUBMIT', businessDate: TODAY, changedBy: officer.id, note: null }),
      ]);
      const [audit] = await ds.query(`SELECT actor_id, after FROM audit_log WHERE action = 'APPLICATION_SUBMITTED' AND entity_id = $1`, [res.body.id]);
      expect(audit.actor_id).toBe(officer.id);
      expect(audit.after).toMatchObject({ number: res.body.number, amount: '5000000.00', status: 'SUBMITTED' });
    });

    it('numbers applications uniquely and in order', async () => {
      const a = await submitted();
      const b = await submitted();
      expect(b.number > a.number).toBe(true);
    });

    it('keeps the terms of the day: a later product edit leaves the snapshot alone', async () => {
      const ownProduct = await buildProduct(ds, { maxAmount: '8000000' });
      const app = await submitted({ body: { productId: ownProduct } });
      await ds.query(`UPDATE product SET max_amount = 9000000, version = version + 1 WHERE id = $1`, [ownProduct]);
      const res = await t.http().get(`/api/applications/${app.id}`).set(auth(officer.token)).expect(200);
      expect(res.body.termsSnapshot.maxAmount).toBe('8000000.00');
    });

    it.each<[string, ApplicantOptions, Record<string, unknown>, string[]]>([
      ['a district outside the programme', { districtCode: '51.03.01' }, {}, ['REGION_NOT_ELIGIBLE']],
      ['a borrower a day short of 21', { birthDate: '2005-06-16' }, {}, ['AGE_OUT_OF_RANGE']],
      ['a borrower who would be 63 at maturity', { birthDate: '1964-01-01' }, {}, ['AGE_OUT_OF_RANGE']],
      ['a business a day short of 6 months', { business: { startedOn: '2025-12-16' } }, {}, ['BUSINESS_TOO_YOUNG']],
      ['a business without an NIB', { business: { nib: null } }, {}, ['NIB_REQUIRED']],
      ['a borrower without any business', { business: null }, {}, ['BUSINESS_TOO_YOUNG', 'NIB_REQUIRED']],
      ['an amount above the product range', {}, { amount: '20000000' }, ['AMOUNT_OUT_OF_RANGE']],
      ['an amount below the product range', {}, { amount: '999999.99' }, ['AMOUNT_OUT_OF_RANGE']],
      ['a tenor above the product range', {}, { tenor: 36 }, ['TENOR_OUT_OF_RANGE']],
      ['a tenor below the product range', {}, { tenor: 2 }, ['TENOR_OUT_OF_RANGE']],
    ])('refuses %s with 422 APPLICATION_INELIGIBLE and exactly the reasons that apply, storing nothing', async (_label, applicant, body, codes) => {
      const { borrowerId } = await buildApplicant(ds, applicant);
      const res = await submit(bodyFor(borrowerId, body)).expect(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('APPLICATION_INELIGIBLE');
      expect(res.body.reasons.map((r: { code: string }) => r.code)).toEqual(codes);
      for (const r of res.body.reasons) expect(r.message).toEqual(expect.any(String));
      expect(await applicationsOf(borrowerId)).toBe(0);
    });

    it('says in the reason how old the borrower will be at maturity', async () => {
      const { borrowerId } = await buildApplicant(ds, { birthDate: '1964-01-01' });
      const res = await submit(bodyFor(borrowerId)).expect(422);
      expect(res.body.reasons).toEqual([
        { code: 'AGE_OUT_OF_RANGE', message: 'Borrower will be 63 at maturity (2027-06-15); the programme allows at most 60' },
      ]);
    });

    it('gives a borrower who fails three rules all three at once, and keeps an audit row of the refusal', async () => {
      const { borrowerId } = await buildApplicant(ds, { districtCode: '51.03.01', business: { nib: null, startedOn: '2026-03-01' } });
      const res = await submit(bodyFor(borrowerId)).expect(422);
      expect(res.body.reasons).toEqual([
        { code: 'REGION_NOT_ELIGIBLE', message: "Borrower lives in district 51.03.01, outside the programme's regions (35.26)" },
        { code: 'BUSINESS_TOO_YOUNG', message: 'Business has run 3 whole months (since 2026-03-01); the programme requires at least 6' },
        { code: 'NIB_REQUIRED', message: 'The programme requires a business registration number (NIB) and the business has none' },
      ]);
      expect(res.body.detail).toBe("The application breaks 3 of the programme's rules: REGION_NOT_ELIGIBLE, BUSINESS_TOO_YOUNG, NIB_REQUIRED");
      const audits = await ds.query(`SELECT actor_id, entity_type, after FROM audit_log WHERE action = 'APPLICATION_REFUSED' AND entity_id = $1`, [borrowerId]);
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ actor_id: officer.id, entity_type: 'borrower' });
      expect(audits[0].after).toMatchObject({ productId, amount: '5000000.00', tenor: 12, businessDate: TODAY, reasons: res.body.reasons });
      expect(await applicationsOf(borrowerId)).toBe(0);
    });

    it('accepts the boundaries: exactly 21 today, 60 at maturity, a business of exactly 6 months, the range ends', async () => {
      await submitted({ applicant: { birthDate: '2005-06-15', business: { startedOn: '2025-12-15' } }, body: { amount: '1000000', tenor: 3 } });
      await submitted({ applicant: { birthDate: '1966-06-16' }, body: { amount: '10000000', tenor: 12 } });
      await submitted({ applicant: { districtCode: '35.26.03' }, body: { tenor: 24 } });
    });

    it('follows the product: kecamatan lists, no NIB needed, older businesses only, weekly tenors for the maturity', async () => {
      const kecamatanOnly = await buildProduct(ds, { eligibility: { regionCodes: ['35.26.02'], requireNib: false } });
      const inSocah = await buildApplicant(ds, { districtCode: '35.26.02', business: { nib: null } });
      await submit(bodyFor(inSocah.borrowerId, { productId: kecamatanOnly })).expect(201);
      const inBangkalan = await buildApplicant(ds, { districtCode: '35.26.01' });
      const refused = await submit(bodyFor(inBangkalan.borrowerId, { productId: kecamatanOnly })).expect(422);
      expect(refused.body.reasons.map((r: { code: string }) => r.code)).toEqual(['REGION_NOT_ELIGIBLE']);
      // 60 weekly installments from 2026-06-15 end 2027-08-09, when someone born 1966-08-01 is 61; 40 end 2027-03-22, at 60.
      const weekly = await buildProduct(ds, { frequency: 'WEEKLY', minTenor: 4, maxTenor: 104 });
      const older = await buildApplicant(ds, { birthDate: '1966-08-01' });
      const byWeeks = await submit(bodyFor(older.borrowerId, { productId: weekly, tenor: 60 })).expect(422);
      expect(byWeeks.body.reasons[0].message).toBe('Borrower will be 61 at maturity (2027-08-09); the programme allows at most 60');
      await submit(bodyFor(older.borrowerId, { productId: weekly, tenor: 40 })).expect(201);
    });

    it('refuses a second open application for one borrower (ACTIVE_LOAN_EXISTS) until the first is withdrawn; other programmes do not count', async () => {
      const { borrowerId } = await buildApplicant(ds);
      const first = await submit(bodyFor(borrowerId)).expect(201);
      const second = await submit(bodyFor(borrowerId, { amount: '2000000' })).expect(422);
      expect(second.body.reasons).toEqual([
        { code: 'ACTIVE_LOAN_EXISTS', message: 'Borrower already has 1 open application or active loan in this programme; the programme allows at most 1' },
      ]);
      const otherProgramme = await buildProduct(ds, { programmeId: await buildProgramme(ds) });
      await submit(bodyFor(borrowerId, { productId: otherProgramme })).expect(201);
      await withdraw(first.body.id).expect(200);
      await submit(bodyFor(borrowerId, { amount: '2000000' })).expect(201);
    });

    it('counts open applications as active loans, and not rejected, withdrawn or expired ones', async () => {
      for (const [status, refused] of [
        ['SUBMITTED', true],
        ['SCORED', true],
        ['APPROVED', true],
        ['PENDING_SECOND_APPROVAL', true],
        ['REJECTED', false],
        ['EXPIRED', false],
      ] as const) {
        const app = await submitted();
        if (status !== 'SUBMITTED') await ds.query(`UPDATE application SET status = $1 WHERE id = $2`, [status, app.id]);
        const again = await submit(bodyFor(app.borrowerId));
        expect([status, again.status]).toEqual([status, refused ? 422 : 201]);
      }
      const withdrawn = await submitted();
      await withdraw(withdrawn.id).expect(200);
      await submit(bodyFor(withdrawn.borrowerId)).expect(201);
    });

    it('counts an ACTIVE loan from a real disbursement as an active loan, and neither a CLOSED nor a WRITTEN_OFF one (nor its DISBURSED application)', async () => {
      const finance = await t.userWithRoles(['finance']);
      const moneyMove = (path: string, token: string, body: Record<string, unknown>) =>
        t.http().post(path).set(auth(token)).set('Idempotency-Key', randomUUID()).send(body);
      await moneyMove('/api/fund/capital', t.adminToken, { amount: '10000000', reference: 'SP2D-APPLICATIONS-1' }).expect(201);
      const app = await approvedApplication(t, { officerToken: officer.token, productId });
      const order = await moneyMove('/api/disbursements', finance.token, {
        applicationId: app.id,
        bankCode: '114',
        accountNumber: '0011223344',
        accountName: 'Siti Aminah',
      }).expect(201);
      const confirmed = await moneyMove(`/api/disbursements/${order.body.id}/confirm`, finance.token, { valueDate: TODAY, bankReference: 'JTM-APP-0001' }).expect(200);
      const [loan] = await ds.query(`SELECT l.status, a.status AS application_status FROM loan l JOIN application a ON a.id = l.application_id WHERE l.id = $1`, [
        confirmed.body.loanId,
      ]);
      expect(loan).toEqual({ status: 'ACTIVE', application_status: 'DISBURSED' });

      const refused = await submit(bodyFor(app.borrowerId)).expect(422);
      expect(refused.body.code).toBe('APPLICATION_INELIGIBLE');
      expect(refused.body.reasons).toEqual([
        { code: 'ACTIVE_LOAN_EXISTS', message: 'Borrower already has 1 open application or active loan in this programme; the programme allows at most 1' },
      ]);

      await ds.query(`UPDATE loan SET status = 'CLOSED' WHERE id = $1`, [confirmed.body.loanId]);
      const afterClosed = await submit(bodyFor(app.borrowerId)).expect(201);
      // That new application is open and counts by itself: withdraw it to see the written-off loan alone.
      await submit(bodyFor(app.borrowerId, { amount: '2000000' })).expect(422);
      await withdraw(afterClosed.body.id).expect(200);
      await ds.query(`UPDATE loan SET status = 'WRITTEN_OFF' WHERE id = $1`, [confirmed.body.loanId]);
      await submit(bodyFor(app.borrowerId)).expect(201);
    });

    it('lets exactly one of several simultaneous submissions for one borrower through', async () => {
      const { borrowerId } = await buildApplicant(ds);
      const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => submit(bodyFor(borrowerId, { amount: `${2000000 + i * 1000}` }))));
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([201, 422, 422, 422, 422, 422]);
      for (const a of answers.filter((x) => x.status === 422)) expect(a.body.reasons.map((r: { code: string }) => r.code)).toEqual(['ACTIVE_LOAN_EXISTS']);
      expect(await applicationsOf(borrowerId)).toBe(1);
    });

    it('refuses a product that no longer takes applications with 422 PRODUCT_NOT_ACTIVE', async () => {
      const retired = await buildProduct(ds, { isActive: false });
      const { borrowerId } = await buildApplicant(ds);
      const res = await submit(bodyFor(borrowerId, { productId: retired })).expect(422);
      expect(res.body.code).toBe('PRODUCT_NOT_ACTIVE');
    });

    it('answers an unknown borrower or product with 404 NOT_FOUND', async () => {
      const { borrowerId } = await buildApplicant(ds);
      const noBorrower = await submit(bodyFor(randomUUID())).expect(404);
      expect(noBorrower.body.code).toBe('NOT_FOUND');
      expect(noBorrower.body.detail).toMatch(/^Borrower /);
      const noProduct = await submit(bodyFor(borrowerId, { productId: randomUUID() })).expect(404);
      expect(noProduct.body.detail).toMatch(/^Product /);
    });

    it('answers malformed fields with 400 VALIDATION_FAILED, one entry per field', async () => {
      const { borrowerId } = await buildApplicant(ds);
      const res = await submit({ borrowerId, productId, amount: 5000000, tenor: 0 }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['amount', 'purpose', 'tenor']);
      expect(res.body.errors.find((e: { field: string }) => e.field === 'amount').code).toBe('IS_MONEY');
      const more = await submit({ borrowerId: 'nope', productId, amount: '1e6', tenor: '12', purpose: '   ', extra: 1 }).expect(400);
      expect(more.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['amount', 'borrowerId', 'extra', 'purpose', 'tenor']);
      await submit(bodyFor(borrowerId, { purpose: 'x'.repeat(501) })).expect(400);
      await submit(bodyFor(borrowerId, { tenor: 12.5 })).expect(400);
      expect(await applicationsOf(borrowerId)).toBe(0);
    });

    it('is for loan officers only: an approver gets 403 before any validation, no token 401', async () => {
      const approver = await t.userWithRoles(['approver']);
      const { borrowerId } = await buildApplicant(ds);
      expect((await submit(bodyFor(borrowerId), approver.token).expect(403)).body.code).toBe('FORBIDDEN');
      await submit({}, approver.token).expect(403);
      await t.http().post('/api/applications').send(bodyFor(borrowerId)).expect(401);
      expect(await applicationsOf(borrowerId)).toBe(0);
    });
  });

  describe('GET /api/applications', () => {
    let lister: { id: string; token: string };
    let mine: { id: string; districtCode: string; status: string; submittedAt: string }[];
    const list = (query: string, token = officer.token) => t.http().get(`/api/applications${query}`).set(auth(token));
    const newestFirst = <T extends { id: string; submittedAt: string }>(rows: T[]) =>
      [...rows].sort((a, b) => (a.submittedAt === b.submittedAt ? (a.id < b.id ? 1 : -1) : a.submittedAt < b.submittedAt ? 1 : -1));

    beforeAll(async () => {
      lister = await t.userWithRoles(['loan_officer']);
      const districts = ['35.26.01', '35.26.02', '35.26.02', '35.26.03', '35.26.01'];
      const created = [];
      for (const districtCode of districts) created.push(await submitted({ applicant: { districtCode }, token: lister.token }));
      await withdraw(created[1].id, 'Batal', lister.token).expect(200);
      mine = newestFirst(created.map((a, i) => ({ ...a, status: i === 1 ? 'WITHDRAWN' : 'SUBMITTED' })));
    });

    it("lists one officer's applications newest first", async () => {
      const res = await list(`?officerId=${lister.id}`).expect(200);
      expect(res.body.items.map((a: { id: string }) => a.id)).toEqual(mine.map((a) => a.id));
      expect(res.body.nextCursor).toBeNull();
      expect(res.body.items[0]).toMatchObject({ submittedBy: lister.id, amount: '5000000.00' });
      expect(res.body.items[0].termsSnapshot).toBeUndefined();
    });

    it('pages with limit and cursor without losing or repeating a row', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await list(
          `?officerId=${lister.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        ).expect(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((a) => a.id));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(mine.map((a) => a.id));
    });

    it('filters by status and by kecamatan', async () => {
      const withdrawn = await list(`?officerId=${lister.id}&status=WITHDRAWN`).expect(200);
      expect(withdrawn.body.items.map((a: { id: string }) => a.id)).toEqual(mine.filter((a) => a.status === 'WITHDRAWN').map((a) => a.id));
      const socah = await list(`?officerId=${lister.id}&districtCode=35.26.02`).expect(200);
      expect(socah.body.items.map((a: { id: string }) => a.id)).toEqual(mine.filter((a) => a.districtCode === '35.26.02').map((a) => a.id));
      const both = await list(`?officerId=${lister.id}&districtCode=35.26.02&status=SUBMITTED`).expect(200);
      expect(both.body.items).toHaveLength(1);
      const all = await list('?status=SUBMITTED&limit=500').expect(200);
      expect(all.body.items.every((a: { status: string }) => a.status === 'SUBMITTED')).toBe(true);
      expect(all.body.items.length).toBeGreaterThan(4);
    });

    it("reads another programme's applications only when asked", async () => {
      const programmeId = await buildProgramme(ds);
      const product = await buildProduct(ds, { programmeId });
      const app = await submitted({ body: { productId: product }, token: lister.token });
      const defaults = await list(`?officerId=${lister.id}`).expect(200);
      expect(defaults.body.items.map((a: { id: string }) => a.id)).not.toContain(app.id);
      const other = await list(`?programmeId=${programmeId}`).expect(200);
      expect(other.body.items.map((a: { id: string }) => a.id)).toEqual([app.id]);
      await list(`?programmeId=${randomUUID()}`).expect(404);
    });

    it('answers bad filters and forged cursors with 400', async () => {
      const bad = await list('?status=PENDING&districtCode=35.26&officerId=x&limit=0').expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['districtCode', 'limit', 'officerId', 'status']);
      const forged = Buffer.from(JSON.stringify({ k: 'yesterday', id: 'not-a-uuid' })).toString('base64url');
      expect((await list(`?cursor=${forged}`).expect(400)).body.errors[0].field).toBe('cursor');
      await list('?cursor=%%%').expect(400);
    });

    it('is for staff: every staff role may list, a borrower may not', async () => {
      for (const role of ['admin', 'approver', 'finance']) await list('?limit=1', (await t.userWithRoles([role])).token).expect(200);
      const { borrowerId } = await buildApplicant(ds);
      const borrower = await t.userWithRoles(['borrower'], { borrowerId });
      expect((await list('', borrower.token).expect(403)).body.code).toBe('FORBIDDEN');
      await t.http().get('/api/applications').expect(401);
    });
  });

  describe('GET /api/applications/:id and POST /api/applications/:id/withdraw', () => {
    it('withdraws a submitted application: 200 WITHDRAWN with its history, version and audit row', async () => {
      const app = await submitted();
      const res = await withdraw(app.id, '  Pemohon pindah ke Surabaya ').expect(200);
      expect(res.body).toMatchObject({ id: app.id, status: 'WITHDRAWN', statusSince: TODAY, version: 2 });
      expect(res.body.statusHistory).toEqual([
        expect.objectContaining({ fromStatus: null, toStatus: 'SUBMITTED', event: 'SUBMIT' }),
        expect.objectContaining({ fromStatus: 'SUBMITTED', toStatus: 'WITHDRAWN', event: 'WITHDRAW', note: 'Pemohon pindah ke Surabaya', changedBy: officer.id, businessDate: TODAY }),
      ]);
      const [audit] = await ds.query(`SELECT actor_id, before, after FROM audit_log WHERE action = 'APPLICATION_WITHDRAWN' AND entity_id = $1`, [app.id]);
      expect(audit).toMatchObject({ actor_id: officer.id, before: { status: 'SUBMITTED' }, after: { status: 'WITHDRAWN', note: 'Pemohon pindah ke Surabaya' } });
    });

    it('shows one application with scores, decisions and history to every staff role', async () => {
      const app = await submitted();
      await withdraw(app.id).expect(200);
      const finance = await t.userWithRoles(['finance']);
      const res = await t.http().get(`/api/applications/${app.id}`).set(auth(finance.token)).expect(200);
      expect(res.body).toMatchObject({ id: app.id, number: app.number, status: 'WITHDRAWN', scores: [], decisions: [] });
      expect(res.body.statusHistory.map((h: { toStatus: string }) => h.toStatus)).toEqual(['SUBMITTED', 'WITHDRAWN']);
    });

    it('answers an unknown id with 404, a malformed one with 400, a borrower with 403', async () => {
      expect((await t.http().get(`/api/applications/${randomUUID()}`).set(auth(officer.token)).expect(404)).body.code).toBe('NOT_FOUND');
      const bad = await t.http().get('/api/applications/123').set(auth(officer.token)).expect(400);
      expect(bad.body.errors[0].field).toBe('id');
      const { borrowerId } = await buildApplicant(ds);
      const borrower = await t.userWithRoles(['borrower'], { borrowerId });
      await t.http().get(`/api/applications/${randomUUID()}`).set(auth(borrower.token)).expect(403);
    });

    it('refuses to withdraw twice, or after a decision, with 409 INVALID_STATE', async () => {
      const app = await submitted();
      await withdraw(app.id).expect(200);
      const again = await withdraw(app.id).expect(409);
      expect(again.body).toMatchObject({ code: 'INVALID_STATE', detail: 'Cannot WITHDRAW an application that is WITHDRAWN (only from SUBMITTED or SCORED)' });
      for (const status of ['APPROVED', 'PENDING_SECOND_APPROVAL', 'REJECTED', 'DISBURSED', 'EXPIRED']) {
        const decided = await submitted();
        await ds.query(`UPDATE application SET status = $1 WHERE id = $2`, [status, decided.id]);
        expect((await withdraw(decided.id).expect(409)).body.detail).toContain(`that is ${status}`);
      }
      const scored = await submitted();
      await ds.query(`UPDATE application SET status = 'SCORED' WHERE id = $1`, [scored.id]);
      await withdraw(scored.id).expect(200);
    });

    it('moves the application once when two people press withdraw together', async () => {
      const app = await submitted();
      const answers = await Promise.all([withdraw(app.id, 'satu'), withdraw(app.id, 'dua'), withdraw(app.id, 'tiga')]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
      const history = await ds.query(`SELECT to_status FROM application_status_change WHERE application_id = $1 ORDER BY id`, [app.id]);
      expect(history.map((h: { to_status: string }) => h.to_status)).toEqual(['SUBMITTED', 'WITHDRAWN']);
    });

    it('needs a reason and the loan officer role; unknown ids are 404', async () => {
      const app = await submitted();
      const noReason = await t.http().post(`/api/applications/${app.id}/withdraw`).set(auth(officer.token)).send({}).expect(400);
      expect(noReason.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
      const approver = await t.userWithRoles(['approver']);
      await withdraw(app.id, 'x', approver.token).expect(403);
      await withdraw(randomUUID()).expect(404);
      await t.http().post('/api/applications/not-an-id/withdraw').set(auth(officer.token)).send({ reason: 'x' }).expect(400);
    });

    it('keeps the history append-only', async () => {
      const app = await submitted();
      await expect(ds.query(`UPDATE application_status_change SET note = 'rewritten' WHERE application_id = $1`, [app.id])).rejects.toThrow(/append-only/);
      await expect(ds.query(`DELETE FROM application_status_change WHERE application_id = $1`, [app.id])).rejects.toThrow(/append-only/);
    });
  });

  describe('ApplicationsService.transition (what scoring and decisions build on)', () => {
    it('moves through the machine with one history row and one audit row per move; a rescore keeps the days waiting', async () => {
      const app = await submitted();
      const service = t.app.get(ApplicationsService);
      const tx = t.app.get(TransactionRunner);
      const move = (event: 'SCORE' | 'APPROVE_FIRST' | 'APPROVE' | 'DISBURSE', note?: string) =>
        tx.run((em) => service.transition(em, app.id, event, note, { actorId: officer.id }));
      expect((await move('SCORE')).status).toBe('SCORED');
      await setBusinessDate('2026-06-18');
      try {
        const rescored = await move('SCORE', 'kunjungan lapangan');
        expect(rescored).toMatchObject({ status: 'SCORED', statusSince: TODAY, version: 3 });
        expect((await move('APPROVE_FIRST')).statusSince).toBe('2026-06-18');
        expect((await move('APPROVE')).status).toBe('APPROVED');
        expect((await move('DISBURSE')).status).toBe('DISBURSED');
        await expect(move('SCORE')).rejects.toMatchObject({ code: 'INVALID_STATE' });
      } finally {
        await setBusinessDate(TODAY);
      }
      const history = await ds.query(`SELECT from_status, to_status, event, business_date FROM application_status_change WHERE application_id = $1 ORDER BY id`, [app.id]);
      expect(history.map((h: { event: string }) => h.event)).toEqual(['SUBMIT', 'SCORE', 'SCORE', 'APPROVE_FIRST', 'APPROVE', 'DISBURSE']);
      expect(history[2]).toMatchObject({ from_status: 'SCORED', to_status: 'SCORED', business_date: '2026-06-18' });
      const audits = await ds.query(`SELECT action FROM audit_log WHERE entity_type = 'application' AND entity_id = $1 ORDER BY id`, [app.id]);
      expect(audits.map((a: { action: string }) => a.action)).toEqual([
        'APPLICATION_SUBMITTED',
        'APPLICATION_SCORED',
        'APPLICATION_SCORED',
        'APPLICATION_FIRST_APPROVED',
        'APPLICATION_APPROVED',
        'APPLICATION_DISBURSED',
      ]);
      const [{ version }] = await ds.query(`SELECT version FROM application WHERE id = $1`, [app.id]);
      expect(version).toBe(6);
    });
  });

  describe('GET /api/applications/pipeline', () => {
    let programmeId: string;
    const pipeline = (query: string, token = officer.token) => t.http().get(`/api/applications/pipeline${query}`).set(auth(token));
    type Row = { status: string; count: number; oldestDaysWaiting: number | null; medianDaysWaiting: number | null };
    const byStatus = (body: { statuses: Row[] }): Record<string, Row> => Object.fromEntries(body.statuses.map((s) => [s.status, s]));

    beforeAll(async () => {
      // In a programme of its own: A1 and A2 submitted on 06-15, A3 on 06-25 when A2 is withdrawn, read on 06-30.
      programmeId = await buildProgramme(ds);
      const product = await buildProduct(ds, { programmeId });
      await submitted({ applicant: { districtCode: '35.26.01' }, body: { productId: product } });
      const a2 = await submitted({ applicant: { districtCode: '35.26.02' }, body: { productId: product } });
      await setBusinessDate('2026-06-25');
      await submitted({ applicant: { districtCode: '35.26.01' }, body: { productId: product } });
      await withdraw(a2.id).expect(200);
      await setBusinessDate('2026-06-30');
    });
    afterAll(async () => {
      await setBusinessDate(TODAY);
    });

    it('counts every status with the oldest and median days waiting, zero counts included', async () => {
      const res = await pipeline(`?programmeId=${programmeId}`).expect(200);
      expect(res.body).toMatchObject({ asOf: '2026-06-30', programmeId, districtCode: null });
      expect(res.body.statuses).toEqual([
        { status: 'SUBMITTED', count: 2, oldestDaysWaiting: 15, medianDaysWaiting: 10 },
        { status: 'SCORED', count: 0, oldestDaysWaiting: null, medianDaysWaiting: null },
        { status: 'APPROVED', count: 0, oldestDaysWaiting: null, medianDaysWaiting: null },
        { status: 'PENDING_SECOND_APPROVAL', count: 0, oldestDaysWaiting: null, medianDaysWaiting: null },
        { status: 'REJECTED', count: 0, oldestDaysWaiting: null, medianDaysWaiting: null },
        { status: 'DISBURSED', count: 0, oldestDaysWaiting: null, medianDaysWaiting: null },
        { status: 'WITHDRAWN', count: 1, oldestDaysWaiting: 5, medianDaysWaiting: 5 },
        { status: 'EXPIRED', count: 0, oldestDaysWaiting: null, medianDaysWaiting: null },
      ]);
    });

    it('narrows to one kecamatan', async () => {
      const bangkalan = byStatus((await pipeline(`?programmeId=${programmeId}&districtCode=35.26.01`).expect(200)).body);
      expect(bangkalan.SUBMITTED).toEqual({ status: 'SUBMITTED', count: 2, oldestDaysWaiting: 15, medianDaysWaiting: 10 });
      expect(bangkalan.WITHDRAWN).toMatchObject({ count: 0, oldestDaysWaiting: null });
      const socah = (await pipeline(`?programmeId=${programmeId}&districtCode=35.26.02`).expect(200)).body;
      expect(socah.districtCode).toBe('35.26.02');
      expect(byStatus(socah).SUBMITTED).toMatchObject({ count: 0, medianDaysWaiting: null });
      expect(byStatus(socah).WITHDRAWN).toEqual({ status: 'WITHDRAWN', count: 1, oldestDaysWaiting: 5, medianDaysWaiting: 5 });
    });

    it('ages with the business date, not the wall clock', async () => {
      await setBusinessDate('2026-07-10');
      try {
        const later = byStatus((await pipeline(`?programmeId=${programmeId}`).expect(200)).body);
        expect(later.SUBMITTED).toMatchObject({ oldestDaysWaiting: 25, medianDaysWaiting: 20 });
      } finally {
        await setBusinessDate('2026-06-30');
      }
    });

    it('reads the default programme when none is named, and is not mistaken for an application id', async () => {
      const res = await pipeline('').expect(200);
      expect(res.body.statuses.map((s: { status: string }) => s.status)).toHaveLength(8);
      expect(byStatus(res.body).SUBMITTED.count).toBeGreaterThan(0);
    });

    it('answers bad filters with 400, an unknown programme with 404, a borrower with 403', async () => {
      const bad = await pipeline('?districtCode=35.26&programmeId=x').expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['districtCode', 'programmeId']);
      await pipeline(`?programmeId=${randomUUID()}`).expect(404);
      const { borrowerId } = await buildApplicant(ds);
      const borrower = await t.userWithRoles(['borrower'], { borrowerId });
      await pipeline('', borrower.token).expect(403);
      const approver = await t.userWithRoles(['approver']);
      await pipeline('', approver.token).expect(200);
    });
  });
});
