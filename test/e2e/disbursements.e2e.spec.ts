import { DataSource } from 'typeorm';
import { buildProduct, buildProgramme, ensureRegions } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { approvedApplication, approvedColumns, type ApprovedOptions } from '../support/approved-application.js';

// A Monday. Orders are made on it unless a spec moves the business date.
const TODAY = '2026-06-15';

describe('disbursements: orders, confirmation that books the loan, cancellation (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: { id: string; token: string };
  let finance: { id: string; token: string };
  let productId: string;
  let seq = 0;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const setBusinessDate = (date: string) => ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [date]);
  const key = (label: string) => `${label}-${++seq}`;
  const account = { bankCode: '114', accountNumber: '0011223344', accountName: 'Siti Aminah' };
  const order = (body: Record<string, unknown>, idemKey = key('order'), token = finance.token) =>
    t.http().post('/api/disbursements').set(auth(token)).set('Idempotency-Key', idemKey).send(body);
  const confirm = (id: string, body: Record<string, unknown>, idemKey = key('confirm'), token = finance.token) =>
    t.http().post(`/api/disbursements/${id}/confirm`).set(auth(token)).set('Idempotency-Key', idemKey).send(body);
  const cancel = (id: string, reason = 'Rekening tujuan tidak ditemukan') => t.http().post(`/api/disbursements/${id}/cancel`).set(auth(finance.token)).send({ reason });
  const approved = (opts: Partial<ApprovedOptions> = {}) => approvedApplication(t, { officerToken: officer.token, productId, ...opts });
  const addCapital = (amount: string, programmeId?: string) =>
    t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', key('capital')).send({ amount, reference: `SP2D-${seq}`, programmeId }).expect(201);
  const fund = async (programmeId?: string) => (await t.http().get('/api/fund').query(programmeId ? { programmeId } : {}).set(auth(t.adminToken)).expect(200)).body;
  /** An approved application's PENDING order; returns the answer's body. */
  const ordered = async (opts: Partial<ApprovedOptions> = {}, body: Record<string, unknown> = {}) => {
    const app = await approved(opts);
    const res = await order({ applicationId: app.id, ...account, ...body });
    if (res.status !== 201) throw new Error(`order failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { app, order: res.body };
  };
  const count = async (sql: string, params: unknown[]): Promise<number> => (await ds.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    await setBusinessDate(TODAY);
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
    productId = await buildProduct(ds);
    await addCapital('200000000');
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(async () => {
    await setBusinessDate(TODAY);
  });

  describe('POST /api/disbursements', () => {
    it('orders the approved amount as PENDING with a DSB reference, the account number masked in the answer and encrypted at rest', async () => {
      const app = await approved();
      const res = await order({ applicationId: app.id, ...account }).expect(201);
      expect(res.body).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        status: 'PENDING',
        amount: '5000000.00',
        tenor: 12,
        reference: expect.stringMatching(/^DSB-2026-\d{6}$/),
        applicationId: app.id,
        borrowerId: app.borrowerId,
        bankCode: '114',
        bankName: 'Bank Jatim',
        accountNumberMasked: '******3344',
        accountName: 'Siti Aminah',
        batchId: null,
        orderedOn: TODAY,
        orderedBy: finance.id,
        loanId: null,
      });
      expect(JSON.stringify(res.body)).not.toContain('0011223344');
      const [row] = await ds.query(`SELECT account_number_encrypted AS enc FROM disbursement WHERE id = $1`, [res.body.id]);
      expect(row.enc).toMatch(/^v1:/);
      expect(row.enc).not.toContain('0011223344');
      const [audit] = await ds.query(`SELECT actor_id, after FROM audit_log WHERE action = 'DISBURSEMENT_ORDERED' AND entity_id = $1`, [res.body.id]);
      expect(audit.actor_id).toBe(finance.id);
      expect(audit.after).toMatchObject({ reference: res.body.reference, amount: '5000000.00' });
    });

    it('orders what the approver granted when the decision set approved amount and tenor', async () => {
      const columns = await approvedColumns(ds);
      const app = await approved({ amount: '6000000', tenor: 12, approvedAmount: '4000000', approvedTenor: 10 });
      const res = await order({ applicationId: app.id, ...account }).expect(201);
      // Without the scoring migration the application's own amount and tenor are what was granted.
      const expected = columns.has('approved_amount') ? { amount: '4000000.00', tenor: 10 } : { amount: '6000000.00', tenor: 12 };
      expect({ amount: res.body.amount, tenor: res.body.tenor }).toEqual(expected);
      expect({ amount: res.body.amount, tenor: res.body.tenor }).toEqual({ amount: app.amount, tenor: app.tenor });
    });

    it('replays the same request under the same key: the same order, Idempotent-Replayed, stored once', async () => {
      const app = await approved();
      const body = { applicationId: app.id, ...account };
      const first = await order(body, 'replay-1').expect(201);
      const again = await order(body, 'replay-1').expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await count(`disbursement WHERE application_id = $1`, [app.id])).toBe(1);
      const other = await order({ ...body, accountName: 'Someone Else' }, 'replay-1').expect(409);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('needs an Idempotency-Key: 400 IDEMPOTENCY_KEY_REQUIRED, nothing ordered', async () => {
      const app = await approved();
      const res = await t.http().post('/api/disbursements').set(auth(finance.token)).send({ applicationId: app.id, ...account }).expect(400);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
      expect(await count(`disbursement WHERE application_id = $1`, [app.id])).toBe(0);
    });

    it('refuses a second order for one application: 409 ALREADY_DISBURSED naming the first', async () => {
      const { app, order: first } = await ordered();
      const res = await order({ applicationId: app.id, ...account, bankCode: '002' }).expect(409);
      expect(res.body).toMatchObject({ code: 'ALREADY_DISBURSED', disbursementId: first.id, reference: first.reference, status: 'PENDING' });
      expect(await count(`disbursement WHERE application_id = $1`, [app.id])).toBe(1);
    });

    it.each(['SUBMITTED', 'SCORED'] as const)('refuses an application that is %s: 409 INVALID_STATE', async (status) => {
      const app = await approved({ status });
      const res = await order({ applicationId: app.id, ...account }).expect(409);
      expect(res.body.code).toBe('INVALID_STATE');
      expect(res.body.detail).toContain(status);
    });

    it('answers 404 for an unknown application', async () => {
      const res = await order({ applicationId: '00000000-0000-4000-8000-000000000000', ...account }).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
    });

    it.each([
      ['a bank code not on the list', { bankCode: '999' }, 'bankCode'],
      ['a bank code as a number', { bankCode: 114 }, 'bankCode'],
      ['an account number with letters', { accountNumber: '00112A3344' }, 'accountNumber'],
      ['an account number of 5 digits', { accountNumber: '12345' }, 'accountNumber'],
      ['an account number of 21 digits', { accountNumber: '1'.repeat(21) }, 'accountNumber'],
      ['an empty account name', { accountName: '' }, 'accountName'],
      ['an account name of 101 characters', { accountName: 'A'.repeat(101) }, 'accountName'],
      ['an account name a spreadsheet would run', { accountName: '=HYPERLINK("x")' }, 'accountName'],
      ['an account name with a line break', { accountName: 'Siti\r\nAminah' }, 'accountName'],
      ['an application id that is not a UUID', { applicationId: 'app-1' }, 'applicationId'],
    ])('refuses %s: 400 VALIDATION_FAILED naming the field', async (_label, patch, field) => {
      const app = await approved();
      const res = await order({ applicationId: app.id, ...account, ...patch }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
      expect(await count(`disbursement WHERE application_id = $1`, [app.id])).toBe(0);
    });

    it('accepts a 100-character name and account numbers of 6 and 20 digits', async () => {
      await ordered({}, { accountName: 'A'.repeat(100), accountNumber: '123456' });
      await ordered({}, { accountName: "Toko Bu O'Neil & Anak (Batik), Bangkalan-1/2", accountNumber: '1'.repeat(20) });
      const [row] = await ds.query(`SELECT count(*)::int AS n FROM disbursement WHERE account_name LIKE 'Toko Bu%'`);
      expect(row.n).toBe(1);
    });

    it('lists every bad field at once', async () => {
      const res = await order({ applicationId: 'x', bankCode: '1', accountNumber: 'x', accountName: '' }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['accountName', 'accountNumber', 'applicationId', 'bankCode']);
    });

    it('is for finance only (403), and needs a token (401) before any body check', async () => {
      const res = await order({}, key('o'), officer.token).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
      await order({}, key('o'), t.adminToken).expect(403);
      const anon = await t.http().post('/api/disbursements').send({}).expect(401);
      expect(anon.body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses more than the fund has available: 422 INSUFFICIENT_FUND, nothing ordered, the key free for a retry', async () => {
      const programmeId = await buildProgramme(ds);
      const ownProduct = await buildProduct(ds, { programmeId });
      await addCapital('4999999', programmeId);
      const app = await approved({ productId: ownProduct });
      const body = { applicationId: app.id, ...account };
      const res = await order(body, 'short-1').expect(422);
      expect(res.body).toMatchObject({ code: 'INSUFFICIENT_FUND', amount: '5000000.00', available: '4999999.00' });
      expect(await count(`disbursement WHERE application_id = $1`, [app.id])).toBe(0);
      await addCapital('1', programmeId);
      await order(body, 'short-1').expect(201);
      expect(await fund(programmeId)).toMatchObject({ cash: '5000000.00', committed: '5000000.00', available: '0.00' });
    });
  });

  describe('POST /api/disbursements/:id/confirm', () => {
    it('books the loan: account, schedule summing to the principal from the value date, VA, Dr 1200 / Cr 1100, application DISBURSED, audit rows', async () => {
      await setBusinessDate('2026-06-10');
      const { app, order: o } = await ordered();
      await setBusinessDate(TODAY);
      const before = await fund();
      const res = await confirm(o.id, { valueDate: '2026-06-12', bankReference: ' JTM-0001 ' }).expect(200);
      expect(res.body).toMatchObject({
        id: o.id,
        status: 'DISBURSED',
        loanId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        loanNumber: expect.stringMatching(/^BKL-2026-\d{6}$/),
        valueDate: '2026-06-12',
        bankReference: 'JTM-0001',
        confirmedBy: finance.id,
      });
      const { loanId, loanNumber, virtualAccount } = res.body;
      expect(virtualAccount).toBe(`11400001${loanNumber.replace(/^BKL-/, '').replace('-', '')}`);
      expect(virtualAccount.length).toBeLessThanOrEqual(24);

      const [loan] = await ds.query(
        `SELECT number, programme_id, application_id, borrower_id, product_id, principal::text, outstanding_principal::text, status, disbursed_on::text,
                virtual_account, terms_snapshot, tenor, oldest_unpaid_due_date::text AS oldest FROM loan WHERE id = $1`,
        [loanId],
      );
      expect(loan).toMatchObject({
        number: loanNumber,
        application_id: app.id,
        borrower_id: app.borrowerId,
        product_id: productId,
        principal: '5000000.00',
        outstanding_principal: '5000000.00',
        status: 'ACTIVE',
        disbursed_on: '2026-06-12',
        virtual_account: virtualAccount,
        tenor: 12,
        oldest: '2026-07-12',
      });
      expect(loan.terms_snapshot).toMatchObject({ productId, roundingUnit: '1000.00', collectibilityTable: 'BANK' });

      const installments = await ds.query(
        `SELECT number, due_date::text AS due, principal_due::text AS amount, principal_paid::text AS paid, payment_status FROM loan_installment WHERE loan_id = $1 ORDER BY number`,
        [loanId],
      );
      expect(installments.map((i: { number: number }) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(installments[0]).toEqual({ number: 1, due: '2026-07-12', amount: '417000.00', paid: '0.00', payment_status: 'UNPAID' });
      expect(installments[11]).toMatchObject({ due: '2027-06-12', amount: '413000.00' });
      const [{ total }] = await ds.query(`SELECT sum(principal_due)::text AS total FROM loan_installment WHERE loan_id = $1`, [loanId]);
      expect(total).toBe('5000000.00');

      const lines = await ds.query(
        `SELECT e.kind, e.reference, e.value_date::text AS value_date, l.account_code, l.debit::text, l.credit::text
           FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id WHERE e.source_type = 'loan' AND e.source_id = $1 ORDER BY l.account_code`,
        [loanId],
      );
      expect(lines).toEqual([
        { kind: 'DISBURSEMENT', reference: o.reference, value_date: '2026-06-12', account_code: '1100', debit: '0.00', credit: '5000000.00' },
        { kind: 'DISBURSEMENT', reference: o.reference, value_date: '2026-06-12', account_code: '1200', debit: '5000000.00', credit: '0.00' },
      ]);
      const tb = await t.http().get('/api/ledger/trial-balance').set(auth(finance.token)).expect(200);
      expect(tb.body.totalDebit).toBe(tb.body.totalCredit);

      const after = await fund();
      const delta = (a: string, b: string) => (BigInt(a.replace('.', '')) - BigInt(b.replace('.', ''))).toString();
      expect(delta(before.cash, after.cash)).toBe('500000000');
      expect(delta(before.committed, after.committed)).toBe('500000000');
      expect(after.available).toBe(before.available);
      expect(delta(after.outstandingLoans, before.outstandingLoans)).toBe('500000000');

      const application = await t.http().get(`/api/applications/${app.id}`).set(auth(officer.token)).expect(200);
      expect(application.body.status).toBe('DISBURSED');
      const actions = (await ds.query(`SELECT action FROM audit_log WHERE entity_id = ANY($1::text[]) ORDER BY id`, [[o.id, loanId, app.id]])).map(
        (r: { action: string }) => r.action,
      );
      expect(actions).toEqual(expect.arrayContaining(['DISBURSEMENT_ORDERED', 'APPLICATION_DISBURSED', 'LOAN_BOOKED', 'DISBURSEMENT_CONFIRMED']));
    });

    it('replays under the same key (one loan), and refuses a second confirmation under another: 409 INVALID_STATE', async () => {
      const { order: o } = await ordered();
      const body = { valueDate: TODAY, bankReference: 'JTM-0002' };
      const first = await confirm(o.id, body, 'confirm-replay').expect(200);
      const again = await confirm(o.id, body, 'confirm-replay').expect(200);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
      const other = await confirm(o.id, body).expect(409);
      expect(other.body.code).toBe('INVALID_STATE');
      expect(await count(`loan WHERE application_id = $1`, [first.body.applicationId])).toBe(1);
    });

    it('refuses a new order once the application is disbursed: 409 ALREADY_DISBURSED', async () => {
      const { app, order: o } = await ordered();
      await confirm(o.id, { valueDate: TODAY, bankReference: 'JTM-0003' }).expect(200);
      const res = await order({ applicationId: app.id, ...account }).expect(409);
      expect(res.body).toMatchObject({ code: 'ALREADY_DISBURSED', status: 'DISBURSED' });
    });

    it('refuses a value date after the business date (VALUE_DATE_IN_FUTURE) or before the order (VALUE_DATE_BEFORE_ORDER), booking nothing', async () => {
      const { app, order: o } = await ordered();
      const future = await confirm(o.id, { valueDate: '2026-06-16', bankReference: 'X' }).expect(422);
      expect(future.body.code).toBe('VALUE_DATE_IN_FUTURE');
      const early = await confirm(o.id, { valueDate: '2026-06-14', bankReference: 'X' }).expect(422);
      expect(early.body).toMatchObject({ code: 'VALUE_DATE_BEFORE_ORDER', orderedOn: TODAY });
      expect(await count(`loan WHERE application_id = $1`, [app.id])).toBe(0);
      const [{ status }] = await ds.query(`SELECT status FROM application WHERE id = $1`, [app.id]);
      expect(status).toBe('APPROVED');
    });

    it.each([
      ['a date that does not exist', { valueDate: '2026-02-30', bankReference: 'X' }, 'valueDate'],
      ['a blank bank reference', { valueDate: TODAY, bankReference: '   ' }, 'bankReference'],
      ['no bank reference', { valueDate: TODAY }, 'bankReference'],
    ])('refuses %s: 400 naming the field', async (_label, body, field) => {
      const { order: o } = await ordered();
      const res = await confirm(o.id, body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    });

    it('answers 404 for an unknown order and 400 for an id that is not a UUID', async () => {
      await confirm('00000000-0000-4000-8000-000000000000', { valueDate: TODAY, bankReference: 'X' }).expect(404);
      const res = await confirm('nope', { valueDate: TODAY, bankReference: 'X' }).expect(400);
      expect(res.body.errors[0].field).toBe('id');
    });

    it('moves due dates off weekends, national and regional holidays when the product says so', async () => {
      const moving = await buildProduct(ds);
      await ds.query(`UPDATE product SET move_due_dates_off_holidays = true WHERE id = $1`, [moving]);
      await ensureRegions(ds);
      await ds.query(`INSERT INTO holiday (date, kind, name, region_code) VALUES ('2026-09-17', 'REGIONAL', 'Hari Jadi Bangkalan (spec)', '35.26')`);
      await setBusinessDate('2026-07-17');
      const { order: o } = await ordered({ productId: moving, amount: '4000000', tenor: 4 });
      const res = await confirm(o.id, { valueDate: '2026-07-17', bankReference: 'JTM-HOL' }).expect(200);
      const schedule = await t.http().get(`/api/loans/${res.body.loanId}/schedule`).set(auth(finance.token)).expect(200);
      // Aug 17: Independence Day (Monday) -> 18; Sep 17: Bangkalan's own day -> 18; Oct 17: Saturday -> Monday 19.
      expect(schedule.body.installments.map((i: { dueDate: string }) => i.dueDate)).toEqual(['2026-08-18', '2026-09-18', '2026-10-19', '2026-11-17']);
    });

    it('is for finance only', async () => {
      const { order: o } = await ordered();
      await confirm(o.id, { valueDate: TODAY, bankReference: 'X' }, key('c'), t.adminToken).expect(403);
    });
  });

  describe('POST /api/disbursements/:id/cancel', () => {
    it('cancels a PENDING order: no loan, the cash released, the application still APPROVED and orderable again', async () => {
      const before = await fund();
      const { app, order: o } = await ordered();
      expect((await fund()).available).not.toBe(before.available);
      const res = await cancel(o.id, '  Rekening tujuan tidak ditemukan  ').expect(200);
      expect(res.body).toMatchObject({ id: o.id, status: 'CANCELLED', cancelReason: 'Rekening tujuan tidak ditemukan', cancelledBy: finance.id, loanId: null });
      expect(await fund()).toMatchObject({ available: before.available, committed: before.committed, cash: before.cash });
      const [{ status }] = await ds.query(`SELECT status FROM application WHERE id = $1`, [app.id]);
      expect(status).toBe('APPROVED');
      expect(await count(`loan WHERE application_id = $1`, [app.id])).toBe(0);
      const again = await order({ applicationId: app.id, ...account, accountNumber: '9988776655' }).expect(201);
      expect(again.body.reference).not.toBe(o.reference);
      const [audit] = await ds.query(`SELECT after FROM audit_log WHERE action = 'DISBURSEMENT_CANCELLED' AND entity_id = $1`, [o.id]);
      expect(audit.after).toMatchObject({ status: 'CANCELLED', cancelReason: 'Rekening tujuan tidak ditemukan' });
    });

    it('refuses to cancel or confirm what is no longer PENDING: 409 INVALID_STATE', async () => {
      const { order: o } = await ordered();
      await cancel(o.id).expect(200);
      expect((await cancel(o.id).expect(409)).body.code).toBe('INVALID_STATE');
      expect((await confirm(o.id, { valueDate: TODAY, bankReference: 'X' }).expect(409)).body.code).toBe('INVALID_STATE');
      const { order: paid } = await ordered();
      await confirm(paid.id, { valueDate: TODAY, bankReference: 'X' }).expect(200);
      expect((await cancel(paid.id).expect(409)).body.code).toBe('INVALID_STATE');
    });

    it('needs a reason (400) and the finance role (403)', async () => {
      const { order: o } = await ordered();
      const res = await t.http().post(`/api/disbursements/${o.id}/cancel`).set(auth(finance.token)).send({ reason: ' ' }).expect(400);
      expect(res.body.errors[0].field).toBe('reason');
      await t.http().post(`/api/disbursements/${o.id}/cancel`).set(auth(officer.token)).send({ reason: 'x' }).expect(403);
    });
  });

  describe('GET /api/disbursements', () => {
    it('lists newest first, filtered by status, a page at a time', async () => {
      const { order: a } = await ordered();
      const { order: b } = await ordered();
      const page1 = await t.http().get('/api/disbursements').query({ status: 'PENDING', limit: 1 }).set(auth(finance.token)).expect(200);
      expect(page1.body.items.map((d: { id: string }) => d.id)).toEqual([b.id]);
      const page2 = await t.http().get('/api/disbursements').query({ status: 'PENDING', limit: 1, cursor: page1.body.nextCursor }).set(auth(finance.token)).expect(200);
      expect(page2.body.items.map((d: { id: string }) => d.id)).toEqual([a.id]);
      const all = await t.http().get('/api/disbursements').query({ status: 'CANCELLED', limit: 500 }).set(auth(t.adminToken)).expect(200);
      expect(all.body.items.every((d: { status: string }) => d.status === 'CANCELLED')).toBe(true);
      const byApplication = await t.http().get('/api/disbursements').query({ applicationId: a.applicationId }).set(auth(finance.token)).expect(200);
      expect(byApplication.body.items.map((d: { id: string }) => d.id)).toEqual([a.id]);
    });

    it('refuses a bad status or cursor (400), other roles (403)', async () => {
      expect((await t.http().get('/api/disbursements').query({ status: 'PAID' }).set(auth(finance.token)).expect(400)).body.errors[0].field).toBe('status');
      await t.http().get('/api/disbursements').query({ cursor: 'garbage' }).set(auth(finance.token)).expect(400);
      await t.http().get('/api/disbursements').set(auth(officer.token)).expect(403);
    });

    it('answers one order by id (404 unknown, 400 not a UUID)', async () => {
      const { order: o } = await ordered();
      const res = await t.http().get(`/api/disbursements/${o.id}`).set(auth(t.adminToken)).expect(200);
      expect(res.body).toEqual(o);
      await t.http().get('/api/disbursements/00000000-0000-4000-8000-000000000000').set(auth(finance.token)).expect(404);
      await t.http().get('/api/disbursements/x').set(auth(finance.token)).expect(400);
    });
  });

  describe('GET /api/fund', () => {
    it('adds committed, available, outstanding loans and written off to the ledger figures', async () => {
      const programmeId = await buildProgramme(ds);
      const ownProduct = await buildProduct(ds, { programmeId });
      await addCapital('20000000', programmeId);
      const { order: paid } = await ordered({ productId: ownProduct });
      await confirm(paid.id, { valueDate: TODAY, bankReference: 'JTM-F1' }).expect(200);
      await ordered({ productId: ownProduct, amount: '3000000' });
      expect(await fund(programmeId)).toMatchObject({
        programmeId,
        asOf: TODAY,
        capital: '20000000.00',
        cash: '15000000.00',
        committed: '3000000.00',
        available: '12000000.00',
        loansReceivable: '5000000.00',
        outstandingLoans: '5000000.00',
        loanLosses: '0.00',
        writtenOff: '0.00',
      });
    });
  });

  describe('OpenAPI', () => {
    it('documents every disbursement, batch, loan and fund route with its error answers', async () => {
      const res = await t.http().get('/api/docs-json').expect(200);
      const paths = res.body.paths;
      for (const p of [
        '/api/disbursements',
        '/api/disbursements/{id}',
        '/api/disbursements/{id}/confirm',
        '/api/disbursements/{id}/cancel',
        '/api/disbursement-batches',
        '/api/disbursement-batches/{id}',
        '/api/disbursement-batches/{id}/file',
        '/api/disbursement-batches/{id}/sent',
        '/api/loans',
        '/api/loans/{id}',
        '/api/loans/{id}/schedule',
      ])
        expect(Object.keys(paths)).toContain(p);
      const post = paths['/api/disbursements'].post;
      expect(post.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
      expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '409', '422']));
      expect(post.responses['409'].description).toMatch(/ALREADY_DISBURSED.*INVALID_STATE.*IDEMPOTENCY_KEY_REUSED/);
      expect(post.responses['422'].description).toContain('INSUFFICIENT_FUND');
      const confirmDoc = paths['/api/disbursements/{id}/confirm'].post;
      expect(Object.keys(confirmDoc.responses)).toEqual(expect.arrayContaining(['200', '400', '404', '409', '422']));
      expect(confirmDoc.responses['409'].description).toMatch(/INVALID_STATE.*IDEMPOTENCY_KEY_IN_PROGRESS/);
      expect(Object.keys(paths['/api/disbursement-batches/{id}/file'].get.responses['200'].content)).toContain('text/csv');
      expect(res.body.components.schemas.FundPositionResponse.required).toEqual(expect.arrayContaining(['committed', 'available', 'outstandingLoans', 'writtenOff']));
      expect(res.body.components.schemas.LoanResponse.required.sort()).toEqual(
        [
          'id', 'number', 'borrowerId', 'productId', 'status', 'principal', 'outstandingPrincipal', 'overdueAmount', 'daysPastDue',
          'collectibility', 'nextDueDate', 'nextDueAmount', 'virtualAccount', 'disbursedOn',
        ].sort(),
      );
    });
  });
});
