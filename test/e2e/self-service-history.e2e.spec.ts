import { DataSource } from 'typeorm';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { disbursedLoan } from '../support/approved-application.js';

// Borrower self-service, the portal's other two reads: what I have paid (GET /api/me/loans/:id/payments)
// and the reminders I received (GET /api/me/loans/:id/reminders). A borrower never sees another's.

describe('self-service: my payments and my reminders (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let finance: { token: string };
  let officer: { token: string };
  let siti: { token: string; loanId: string };
  let budi: { token: string; loanId: string };

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const setBusinessDate = (date: string) => ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [date]);
  const payments = (token: string, loanId: string, query: Record<string, unknown> = {}) => t.http().get(`/api/me/loans/${loanId}/payments`).query(query).set(auth(token));
  const reminders = (token: string, loanId: string, query: Record<string, unknown> = {}) => t.http().get(`/api/me/loans/${loanId}/reminders`).query(query).set(auth(token));

  /** Rp1,000,000 over 3 months from 2026-01-15 (334,000 / 334,000 / 332,000), with a borrower login. */
  const borrowerWithLoan = async (productId: string) => {
    await setBusinessDate('2026-01-15');
    const loan = await disbursedLoan(t, { officerToken: officer.token, financeToken: finance.token, productId, amount: '1000000', tenor: 3, valueDate: '2026-01-15' });
    const user = await t.userWithRoles(['borrower'], { borrowerId: loan.borrowerId });
    return { token: user.token, loanId: loan.loanId };
  };

  const repay = (loanId: string, amount: string, valueDate: string, key: string) =>
    t.http().post(`/api/loans/${loanId}/repayments`).set(auth(finance.token)).set('Idempotency-Key', key).send({ amount, valueDate, channel: 'VA', reference: `ref-${key}` }).expect(201);

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
    const programmeId = await buildProgramme(ds, 'HIST-UMKM');
    const product = await buildProduct(ds, { programmeId });
    await setBusinessDate('2026-01-01');
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', 'cap').send({ programmeId, amount: '100000000', reference: 'SP2D' }).expect(201);
    siti = await borrowerWithLoan(product);
    budi = await borrowerWithLoan(product);
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists my payments newest first with the installments each settled, without staff internals', async () => {
    await setBusinessDate('2026-03-20');
    await repay(siti.loanId, '334000', '2026-02-14', 'p1');
    await repay(siti.loanId, '400000', '2026-03-15', 'p2');
    const res = await payments(siti.token, siti.loanId).expect(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items).toEqual([
      {
        id: expect.any(String),
        kind: 'REPAYMENT',
        status: 'POSTED',
        amount: '400000.00',
        valueDate: '2026-03-15',
        channel: 'VA',
        principal: '400000.00',
        lateFee: '0.00',
        overpayment: '0.00',
        allocations: [
          { installmentNumber: 2, principal: '334000.00', lateFee: '0.00' },
          { installmentNumber: 3, principal: '66000.00', lateFee: '0.00' },
        ],
      },
      expect.objectContaining({ amount: '334000.00', valueDate: '2026-02-14', allocations: [{ installmentNumber: 1, principal: '334000.00', lateFee: '0.00' }] }),
    ]);
    const page1 = await payments(siti.token, siti.loanId, { limit: 1 }).expect(200);
    expect(page1.body.items).toHaveLength(1);
    const page2 = await payments(siti.token, siti.loanId, { limit: 1, cursor: page1.body.nextCursor }).expect(200);
    expect(page2.body.items.map((p: { amount: string }) => p.amount)).toEqual(['334000.00']);
  });

  it('lists only the reminders actually sent to me, newest first', async () => {
    // Booking planned reminders for every installment; the worker is not running here, so mark two as sent.
    const planned: { id: string }[] = await ds.query(`SELECT id FROM notification WHERE loan_id = $1 ORDER BY scheduled_for LIMIT 3`, [siti.loanId]);
    expect(planned.length).toBe(3);
    await ds.query(`UPDATE notification SET status = 'SENT', channel = 'WHATSAPP', sent_at = '2026-02-12T02:00:00Z', attempts = 1 WHERE id = $1`, [planned[0].id]);
    await ds.query(`UPDATE notification SET status = 'SENT', channel = 'SMS', sent_at = '2026-02-15T02:00:00Z', attempts = 2 WHERE id = $1`, [planned[1].id]);
    await ds.query(`UPDATE notification SET status = 'FAILED', attempts = 5, last_error = 'gateway down' WHERE id = $1`, [planned[2].id]);

    const res = await reminders(siti.token, siti.loanId).expect(200);
    expect(res.body).toEqual({
      items: [
        { id: planned[1].id, kind: expect.any(String), installmentNumber: 1, offsetDays: expect.any(Number), channel: 'SMS', sentAt: '2026-02-15T02:00:00.000Z' },
        { id: planned[0].id, kind: expect.any(String), installmentNumber: 1, offsetDays: expect.any(Number), channel: 'WHATSAPP', sentAt: '2026-02-12T02:00:00.000Z' },
      ],
      nextCursor: null,
    });
    const first = await reminders(siti.token, siti.loanId, { limit: 1 }).expect(200);
    const second = await reminders(siti.token, siti.loanId, { limit: 1, cursor: first.body.nextCursor }).expect(200);
    expect([...first.body.items, ...second.body.items].map((r: { id: string }) => r.id)).toEqual([planned[1].id, planned[0].id]);
    expect(second.body.nextCursor).toBeNull();
    // Nothing sent yet on Budi's loan: an empty page, not an error.
    expect((await reminders(budi.token, budi.loanId).expect(200)).body).toEqual({ items: [], nextCursor: null });
  });

  it("another borrower's loan is 404 NOT_FOUND for both; an unknown loan too; a bad id or cursor 400", async () => {
    for (const read of [payments, reminders]) {
      expect((await read(budi.token, siti.loanId).expect(404)).body.code).toBe('NOT_FOUND');
      await read(siti.token, budi.loanId).expect(404);
      await read(siti.token, '00000000-0000-4000-8000-000000000000').expect(404);
      expect((await read(siti.token, 'not-a-uuid').expect(400)).body.errors[0].field).toBe('id');
      await read(siti.token, siti.loanId, { cursor: 'forged' }).expect(400);
    }
  });

  it('is for borrowers only: staff 403, no token 401', async () => {
    for (const token of [t.adminToken, officer.token, finance.token]) {
      expect((await payments(token, siti.loanId).expect(403)).body.code).toBe('FORBIDDEN');
      await reminders(token, siti.loanId).expect(403);
    }
    await t.http().get(`/api/me/loans/${siti.loanId}/payments`).expect(401);
    await t.http().get(`/api/me/loans/${siti.loanId}/reminders`).expect(401);
  });
});
