import { ApprovalExpiryService } from '#scoring';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildProduct } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { approvedApplication } from '../support/approved-application.js';

// Approved on this day with the product's default 30 validity days: disbursable through 2026-07-15,
// expired when that day closes.
const TODAY = '2026-06-15';
const LAST_VALID_DAY = '2026-07-15';

describe('approval expiry against disbursement orders (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let expiry: ApprovalExpiryService;
  let officer: { token: string };
  let finance: { token: string };
  let productId: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const setBusinessDate = (date: string) => ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [date]);
  const moneyMove = (path: string, body: Record<string, unknown>, token = finance.token) =>
    t.http().post(path).set(auth(token)).set('Idempotency-Key', randomUUID()).send(body);
  const statusOf = async (table: 'application' | 'disbursement', id: string): Promise<string> =>
    (await ds.query(`SELECT status FROM ${table} WHERE id = $1`, [id]))[0].status;
  /** An application approved on TODAY with a PENDING order made the same day. */
  const approvedAndOrdered = async () => {
    const app = await approvedApplication(t, { officerToken: officer.token, productId });
    const order = await moneyMove('/api/disbursements', { applicationId: app.id, bankCode: '114', accountNumber: '0011223344', accountName: 'Siti Aminah' }).expect(201);
    return { app, orderId: order.body.id as string };
  };

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    expiry = t.app.get(ApprovalExpiryService);
    await setBusinessDate(TODAY);
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
    productId = await buildProduct(ds);
    await moneyMove('/api/fund/capital', { amount: '100000000', reference: 'SP2D-EXPIRY' }, t.adminToken).expect(201);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await setBusinessDate(TODAY);
  });

  it('keeps an approval with a PENDING order alive past its validity, and the order can still be confirmed', async () => {
    const { app, orderId } = await approvedAndOrdered();
    await setBusinessDate(LAST_VALID_DAY);

    const run = await expiry.expireApprovals();
    expect(run.businessDate).toBe(LAST_VALID_DAY);
    expect(run.applicationIds).not.toContain(app.id);
    expect(await statusOf('application', app.id)).toBe('APPROVED');
    expect((await expiry.expireApprovals('2026-09-01')).applicationIds).not.toContain(app.id);

    const confirmed = await moneyMove(`/api/disbursements/${orderId}/confirm`, { valueDate: LAST_VALID_DAY, bankReference: 'JTM-EXP-0001' }).expect(200);
    expect(confirmed.body).toMatchObject({ status: 'DISBURSED', loanId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(await statusOf('application', app.id)).toBe('DISBURSED');
    const expiries = await ds.query(`SELECT count(*)::int AS n FROM application_status_change WHERE application_id = $1 AND event = 'EXPIRE'`, [app.id]);
    expect(expiries[0].n).toBe(0);
  });

  it('expires the approval at the next run once its order is cancelled, and it can no longer be ordered', async () => {
    const { app, orderId } = await approvedAndOrdered();
    expect((await expiry.expireApprovals(LAST_VALID_DAY)).applicationIds).not.toContain(app.id);

    await t.http().post(`/api/disbursements/${orderId}/cancel`).set(auth(finance.token)).send({ reason: 'Rekening tujuan tidak ditemukan' }).expect(200);
    // Cancelled within the validity: nothing expires before it ends.
    expect((await expiry.expireApprovals('2026-07-14')).applicationIds).not.toContain(app.id);
    const run = await expiry.expireApprovals(LAST_VALID_DAY);
    expect(run.applicationIds).toContain(app.id);
    expect(await statusOf('application', app.id)).toBe('EXPIRED');
    expect(await statusOf('disbursement', orderId)).toBe('CANCELLED');
    const [history] = await ds.query(
      `SELECT from_status, to_status, business_date, note FROM application_status_change WHERE application_id = $1 AND event = 'EXPIRE'`,
      [app.id],
    );
    expect(history).toEqual({
      from_status: 'APPROVED',
      to_status: 'EXPIRED',
      business_date: LAST_VALID_DAY,
      note: `Persetujuan kedaluwarsa: belum dicairkan 30 hari sejak ${TODAY}`,
    });

    const again = await moneyMove('/api/disbursements', { applicationId: app.id, bankCode: '114', accountNumber: '0011223344', accountName: 'Siti Aminah' }).expect(409);
    expect(again.body.code).toBe('INVALID_STATE');
    expect(again.body.detail).toContain('EXPIRED');
  });
});
