// Repayment reminders over HTTP on loans booked through the disbursement flow (issue 8): booking plans
// every installment's reminders inside the lawful window of the borrower's zone (Bangkalan WIB, Badung
// WITA), a repayment cancels the ones it makes pointless, a reschedule re-plans, and the sender (log
// channel) sends once, at the next lawful moment, never for a paid installment or an opted-out borrower.
import { ReminderSender } from '#notifications';
import { DataSource } from 'typeorm';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { disbursedLoan } from '../support/approved-application.js';

// Rp1,000,000 over 3 months from 2026-01-15: due Sunday 2026-02-15, Sunday 2026-03-15, Wednesday 2026-04-15.
const DISBURSED = '2026-01-15';
const TODAY = '2026-02-01';

interface Item {
  kind: string;
  installmentNumber: number;
  offsetDays: number;
  channel: string;
  status: string;
  scheduledFor: string;
  sentAt?: string;
  lastError?: string;
}

describe('notifications (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: { token: string };
  let finance: { token: string };
  let approver: { token: string };
  let productId: string;
  let seq = 0;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const key = () => `n-${++seq}`;
  const setBusinessDate = (date: string) => ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [date]);

  const book = async (districtCode = '35.26.01'): Promise<string> => {
    await setBusinessDate(DISBURSED);
    const { loanId } = await disbursedLoan(t, {
      officerToken: officer.token,
      financeToken: finance.token,
      productId,
      amount: '1000000',
      tenor: 3,
      applicant: { districtCode },
      valueDate: DISBURSED,
    });
    await setBusinessDate(TODAY);
    return loanId;
  };
  const list = async (loanId: string, token = officer.token): Promise<Item[]> =>
    (await t.http().get(`/api/loans/${loanId}/notifications`).query({ limit: 500 }).set(auth(token)).expect(200)).body.items;
  // Reminders sharing a moment are listed in id order: compare them by installment and offset.
  const brief = (items: Item[]) =>
    [...items].sort((a, b) => a.installmentNumber - b.installmentNumber || a.offsetDays - b.offsetDays).map((i) => [i.installmentNumber, i.kind, i.offsetDays, i.status, i.scheduledFor]);
  const rowId = async (loanId: string, number: number, offset: number): Promise<string> =>
    (await ds.query(`SELECT id FROM notification WHERE loan_id = $1 AND installment_number = $2 AND offset_days = $3`, [loanId, number, offset]))[0].id;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
    approver = await t.userWithRoles(['approver']);
    const programmeId = await buildProgramme(ds, 'NOTIFSPEC-UMKM');
    productId = await buildProduct(ds, { programmeId, eligibility: { regionCodes: ['35.26', '51.03'], maxActiveLoans: 10 } });
    await setBusinessDate(DISBURSED);
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', 'cap').send({ programmeId, amount: '500000000', reference: 'SP2D' }).expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('GET /api/loans/:id/notifications', () => {
    it('refuses a forged cursor with 400 INVALID_CURSOR, not a failed cast in SQL', async () => {
      const loanId = await book('35.26.01');
      const forged = Buffer.from(JSON.stringify({ k: 'yesterday', id: 'x' })).toString('base64url');
      const res = await t.http().get(`/api/loans/${loanId}/notifications`).query({ cursor: forged }).set(auth(officer.token)).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'cursor', code: 'INVALID_CURSOR' })]);
    });

    it('lists every installment reminder from booking, moved off Sundays and holidays, 09:00 WIB in Bangkalan', async () => {
      const loanId = await book('35.26.01');
      const items = await list(loanId);
      expect(items).toHaveLength(12);
      expect(items.every((i) => i.status === 'SCHEDULED' && i.channel === 'LOG' && i.sentAt === undefined)).toBe(true);
      expect(brief(items.filter((i) => i.installmentNumber === 1))).toEqual([
        [1, 'DUE_SOON', -3, 'SCHEDULED', '2026-02-12T02:00:00.000Z'],
        // Sunday 15, then cuti bersama Imlek 16 and Imlek 17: Wednesday 18 at 09:00 WIB.
        [1, 'DUE_TODAY', 0, 'SCHEDULED', '2026-02-18T02:00:00.000Z'],
        [1, 'OVERDUE', 1, 'SCHEDULED', '2026-02-18T02:00:00.000Z'],
        // Sunday 22: Monday 23.
        [1, 'OVERDUE', 7, 'SCHEDULED', '2026-02-23T02:00:00.000Z'],
      ]);
      // Sunday 22 March is Idul Fitri, 23 and 24 cuti bersama: Wednesday 25.
      expect(brief(items.filter((i) => i.installmentNumber === 2 && i.offsetDays === 7))).toEqual([[2, 'OVERDUE', 7, 'SCHEDULED', '2026-03-25T02:00:00.000Z']]);
    });

    it('plans 09:00 WITA (01:00 UTC) for a borrower in Badung', async () => {
      const loanId = await book('51.03.01');
      const items = await list(loanId);
      expect(brief(items.filter((i) => i.installmentNumber === 3))).toEqual([
        // Sunday 12 April: Monday 13.
        [3, 'DUE_SOON', -3, 'SCHEDULED', '2026-04-13T01:00:00.000Z'],
        [3, 'DUE_TODAY', 0, 'SCHEDULED', '2026-04-15T01:00:00.000Z'],
        [3, 'OVERDUE', 1, 'SCHEDULED', '2026-04-16T01:00:00.000Z'],
        [3, 'OVERDUE', 7, 'SCHEDULED', '2026-04-22T01:00:00.000Z'],
      ]);
    });

    it('pages with limit and cursor', async () => {
      const loanId = await book();
      const first = await t.http().get(`/api/loans/${loanId}/notifications`).query({ limit: 5 }).set(auth(finance.token)).expect(200);
      expect(first.body.items).toHaveLength(5);
      const second = await t.http().get(`/api/loans/${loanId}/notifications`).query({ limit: 500, cursor: first.body.nextCursor }).set(auth(finance.token)).expect(200);
      expect(second.body.items).toHaveLength(7);
      expect(second.body.nextCursor).toBeNull();
      expect([...first.body.items, ...second.body.items]).toEqual(await list(loanId));
    });

    it('refuses: 404 unknown loan, 400 bad id or cursor, 401 anonymous, 403 a borrower', async () => {
      const loanId = await book();
      const missing = await t.http().get('/api/loans/6f1c2a52-7f1e-4c1e-9d57-0d5f1c2a5270/notifications').set(auth(officer.token)).expect(404);
      expect(missing.body.code).toBe('NOT_FOUND');
      await t.http().get('/api/loans/not-a-uuid/notifications').set(auth(officer.token)).expect(400);
      const cursor = await t.http().get(`/api/loans/${loanId}/notifications`).query({ cursor: 'nonsense' }).set(auth(officer.token)).expect(400);
      expect(cursor.body.code).toBe('VALIDATION_FAILED');
      await t.http().get(`/api/loans/${loanId}/notifications`).expect(401);
      const borrowerId = (await ds.query(`SELECT borrower_id FROM loan WHERE id = $1`, [loanId]))[0].borrower_id;
      const borrower = await t.userWithRoles(['borrower'], { borrowerId });
      await t.http().get(`/api/loans/${loanId}/notifications`).set(auth(borrower.token)).expect(403);
    });
  });

  describe('repayments and reschedules', () => {
    it('paying an installment cancels its reminders that have not gone out, in the same transaction', async () => {
      const loanId = await book();
      await t
        .http()
        .post(`/api/loans/${loanId}/repayments`)
        .set(auth(finance.token))
        .set('Idempotency-Key', key())
        .send({ amount: '334000', valueDate: TODAY, channel: 'VA', reference: `VA-${seq}` })
        .expect(201);
      const items = await list(loanId);
      expect(items.filter((i) => i.installmentNumber === 1).map((i) => i.status)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED', 'CANCELLED']);
      expect(items.filter((i) => i.installmentNumber !== 1).every((i) => i.status === 'SCHEDULED')).toBe(true);
    });

    it('a part payment leaves the reminders in place', async () => {
      const loanId = await book();
      await t
        .http()
        .post(`/api/loans/${loanId}/repayments`)
        .set(auth(finance.token))
        .set('Idempotency-Key', key())
        .send({ amount: '100000', valueDate: TODAY, channel: 'VA', reference: `VA-${seq}` })
        .expect(201);
      expect((await list(loanId)).every((i) => i.status === 'SCHEDULED')).toBe(true);
    });

    it('a reschedule cancels the replaced installments reminders and plans the new ones', async () => {
      const loanId = await book();
      await t.http().post(`/api/loans/${loanId}/reschedule`).set(auth(approver.token)).send({ newTenor: 5 }).expect((r) => expect([200, 201]).toContain(r.status));
      const items = await list(loanId);
      expect(items.filter((i) => i.status === 'CANCELLED')).toHaveLength(12);
      expect(items.filter((i) => i.status === 'SCHEDULED')).toHaveLength(20);
    });
  });

  describe('sending (log channel)', () => {
    const sender = () => t.app.get(ReminderSender);

    it('sends at a lawful moment once, storing the rendered Indonesian message', async () => {
      const loanId = await book('51.03.01');
      const id = await rowId(loanId, 3, 0);
      // Wednesday 15 April 2026, 10:00 WITA.
      await expect(sender().send(id, 1, new Date('2026-04-15T02:00:00Z'))).resolves.toBe('SENT');
      await expect(sender().send(id, 1, new Date('2026-04-15T02:00:05Z'))).resolves.toBe('SKIPPED');
      const [row] = await ds.query(`SELECT status, attempts, message, sent_at FROM notification WHERE id = $1`, [id]);
      expect(row.status).toBe('SENT');
      expect(row.attempts).toBe(1);
      expect(row.message).toMatch(/^Lumbung: Angsuran ke-3 sebesar Rp332\.000 jatuh tempo hari ini, 15 April 2026\. Silakan bayar ke nomor virtual account \d+\./);
      const item = (await list(loanId)).find((i) => i.installmentNumber === 3 && i.offsetDays === 0)!;
      expect(item).toMatchObject({ status: 'SENT', sentAt: '2026-04-15T02:00:00.000Z' });
    });

    it('a reminder due at 21:00 WITA goes out at 09:00 the next lawful day; at 21:00 WIB on a Saturday, on Monday', async () => {
      const badung = await rowId(await book('51.03.01'), 3, 1);
      // Thursday 16 April 2026 21:00 WITA.
      await expect(sender().send(badung, 1, new Date('2026-04-16T13:00:00Z'))).resolves.toBe('DEFERRED');
      expect((await ds.query(`SELECT status, scheduled_for FROM notification WHERE id = $1`, [badung]))[0]).toEqual({
        status: 'SCHEDULED',
        scheduled_for: new Date('2026-04-17T01:00:00Z'),
      });
      const bangkalan = await rowId(await book('35.26.01'), 3, 7);
      // Saturday 25 April 2026 21:00 WIB: Sunday is out, Monday 27 at 09:00 WIB.
      await ds.query(`UPDATE notification SET scheduled_for = '2026-04-25T14:00:00Z' WHERE id = $1`, [bangkalan]);
      await expect(sender().send(bangkalan, 1, new Date('2026-04-25T14:00:00Z'))).resolves.toBe('DEFERRED');
      expect((await ds.query(`SELECT scheduled_for FROM notification WHERE id = $1`, [bangkalan]))[0].scheduled_for).toEqual(new Date('2026-04-27T02:00:00Z'));
      await expect(sender().send(bangkalan, 1, new Date('2026-04-27T02:00:00Z'))).resolves.toBe('SENT');
    });

    it('waits out a national holiday (Good Friday, 3 April 2026)', async () => {
      const id = await rowId(await book('35.26.01'), 3, -3);
      await ds.query(`UPDATE notification SET scheduled_for = '2026-04-03T03:00:00Z' WHERE id = $1`, [id]);
      await expect(sender().send(id, 1, new Date('2026-04-03T03:00:00Z'))).resolves.toBe('DEFERRED');
      // Saturday 4 April, 09:00 WIB.
      expect((await ds.query(`SELECT scheduled_for FROM notification WHERE id = $1`, [id]))[0].scheduled_for).toEqual(new Date('2026-04-04T02:00:00Z'));
    });

    it('does not send for a paid installment, and fails a borrower who opted out of every channel', async () => {
      const paidLoan = await book();
      const id = await rowId(paidLoan, 1, 0);
      // Paid behind the outbox's back (as a job queued before the payment would find it).
      await ds.query(`UPDATE loan_installment SET principal_paid = principal_due WHERE loan_id = $1 AND number = 1`, [paidLoan]);
      await expect(sender().send(id, 1, new Date('2026-02-18T02:00:00Z'))).resolves.toBe('CANCELLED');

      const loanId = await book();
      const other = await rowId(loanId, 2, 0);
      await ds.query(`INSERT INTO notification_preference (borrower_id, channel, opted_out) SELECT borrower_id, 'LOG', true FROM loan WHERE id = $1`, [loanId]);
      await expect(sender().send(other, 1, new Date('2026-03-16T02:00:00Z'))).resolves.toBe('FAILED');
      const item = (await list(loanId)).find((i) => i.installmentNumber === 2 && i.offsetDays === 0)!;
      expect(item.status).toBe('FAILED');
      expect(item.lastError).toMatch(/opted out/);
    });
  });

  describe('queue dashboard /api/admin/queues', () => {
    it('serves @bull-board to an admin, the queues included', async () => {
      const page = await t.http().get('/api/admin/queues').set(auth(t.adminToken)).expect(200);
      expect(page.text).toContain('<html');
      const api = await t.http().get('/api/admin/queues/api/queues').set(auth(t.adminToken)).expect(200);
      expect(api.body.queues.map((q: { name: string }) => q.name)).toEqual(expect.arrayContaining(['reminders', 'close-of-day']));
    });

    it('answers 404 problem+json for a path the dashboard does not have, instead of never answering', async () => {
      const res = await t.http().get('/api/admin/queues/no-such-page').set(auth(t.adminToken)).timeout(10_000).expect(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('NOT_FOUND');
    });

    it('refuses 401 without a token and 403 to staff who are not admin, on the page and its api', async () => {
      await t.http().get('/api/admin/queues').expect(401);
      await t.http().get('/api/admin/queues/api/queues').expect(401);
      await t.http().get('/api/admin/queues').set(auth(finance.token)).expect(403);
      await t.http().get('/api/admin/queues/api/queues').set(auth(officer.token)).expect(403);
      await t.http().put('/api/admin/queues/api/queues/reminders/clean/failed').set(auth(finance.token)).expect(403);
    });
  });
});
