// The lists the web app's finance desk, dashboard and admin pages read: the portfolio trend over closed
// days (one range read of the close-of-day snapshots), close-of-day runs, reversal requests across
// loans, and imported bank statements. The worker module runs in this process to close the days.
import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { disbursedLoan } from '../support/approved-application.js';

const DISBURSED = '2026-01-15';

describe('finance desk, dashboard and admin lists (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let worker: INestApplicationContext;
  let officer: { token: string };
  let finance: { token: string };
  let finance2: { token: string };
  let approver: { token: string };
  let programmeId: string;
  // A: Rp1,000,000 over 3, never paid (334,000 due 15 Feb). B: Rp2,000,000 over 4, 500,000 paid on 10 Feb.
  let loanA: { loanId: string; loanNumber: string };
  let loanB: { loanId: string };
  let firstRunId: string;
  let runId: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const setBusinessDate = (date: string) => ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [date]);
  const trend = (query: Record<string, string>, token = approver.token) => t.http().get('/api/reports/portfolio/trend').query({ programmeId, ...query }).set(auth(token));
  const closeThrough = async (until: string): Promise<string> => {
    const res = await t.http().post('/api/close-of-day/runs').set(auth(t.adminToken)).send({ until }).expect(202);
    const deadline = Date.now() + 90_000;
    for (;;) {
      const run = (await t.http().get(`/api/close-of-day/runs/${res.body.id}`).set(auth(t.adminToken)).expect(200)).body;
      if (run.status === 'COMPLETED') return run.id as string;
      if (run.status === 'FAILED' || Date.now() > deadline) throw new Error(`run ${run.id}: ${run.status} ${run.error}`);
      await sleep(25);
    }
  };
  const book = (productId: string, amount: string, tenor: number) =>
    disbursedLoan(t, { officerToken: officer.token, financeToken: finance.token, productId, amount, tenor, applicant: { districtCode: '35.26.01' }, valueDate: DISBURSED });

  beforeAll(async () => {
    t = await createTestApp({ CLOSE_OF_DAY_PARTITIONS: '2', CLOSE_OF_DAY_AUTO: 'false' });
    ds = t.app.get(DataSource);
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
    finance2 = await t.userWithRoles(['finance']);
    approver = await t.userWithRoles(['approver']);
    programmeId = await buildProgramme(ds, 'DESKSPEC-UMKM');
    const product = await buildProduct(ds, { programmeId });
    await setBusinessDate(DISBURSED);
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', 'desk-cap').send({ programmeId, amount: '100000000', reference: 'SP2D' }).expect(201);
    loanA = await book(product, '1000000', 3);
    loanB = await book(product, '2000000', 4);
    firstRunId = await closeThrough('2026-02-09');
    await t
      .http()
      .post(`/api/loans/${loanB.loanId}/repayments`)
      .set(auth(finance.token))
      .set('Idempotency-Key', 'desk-pay-b')
      .send({ amount: '500000', valueDate: '2026-02-10', channel: 'TELLER', reference: 'KW-B-1' })
      .expect(201);
    runId = await closeThrough('2026-03-20');
  }, 150_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  describe('GET /api/reports/portfolio/trend', () => {
    it('one point per closed day, oldest first, with the day flows and the ratios of that day', async () => {
      const res = await trend({ from: '2026-01-01', to: '2026-03-20' }).expect(200);
      expect(res.body).toMatchObject({ programmeId, from: '2026-01-01', to: '2026-03-20' });
      const points = res.body.points as { date: string }[];
      // The books opened on 15 January: no snapshot before it; 15 Jan .. 20 Mar is 65 days.
      expect(points).toHaveLength(65);
      expect(points[0].date).toBe('2026-01-15');
      expect(points.at(-1)?.date).toBe('2026-03-20');
      expect(points.map((p) => p.date)).toEqual([...points.map((p) => p.date)].sort());
      const on = (date: string) => points.find((p) => p.date === date);
      expect(on('2026-01-15')).toEqual({
        date: '2026-01-15',
        activeLoans: 2,
        outstanding: '3000000.00',
        par30: '0.0000',
        nplRatio: '0.0000',
        disbursed: '3000000.00',
        repaid: '0.00',
        disbursedToDate: '3000000.00',
        repaidToDate: '0.00',
      });
      expect(on('2026-02-10')).toMatchObject({ outstanding: '2500000.00', disbursed: '0.00', repaid: '500000.00', repaidToDate: '500000.00' });
      // A's 15 February installment is 31 days past due on 18 March: A's Rp1,000,000 of Rp2,500,000 is PAR30.
      expect(on('2026-03-17')).toMatchObject({ par30: '0.0000' });
      expect(on('2026-03-18')).toMatchObject({ par30: '0.4000', nplRatio: '0.0000', repaid: '0.00', repaidToDate: '500000.00' });
    });

    it('agrees with the portfolio report of the same closed day', async () => {
      const report = (await t.http().get('/api/reports/portfolio').query({ programmeId, asOf: '2026-03-18' }).set(auth(approver.token)).expect(200)).body;
      const point = (await trend({ from: '2026-03-18', to: '2026-03-18' }).expect(200)).body.points[0];
      expect(point).toMatchObject({ outstanding: report.outstandingPrincipal, par30: report.par['30'], nplRatio: report.nplRatio, repaidToDate: report.repaid.amount });
    });

    it('defaults to the 90 days up to the last closed day (the business date - 1)', async () => {
      const res = await trend({}).expect(200);
      expect(res.body).toMatchObject({ from: '2025-12-21', to: '2026-03-20' });
      expect(res.body.points).toHaveLength(65);
    });

    it('refuses an inverted or too long range and bad dates, naming the field', async () => {
      const inverted = await trend({ from: '2026-03-01', to: '2026-02-01' }).expect(400);
      expect(inverted.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'from', code: 'RANGE_INVERTED' }] });
      const long = await trend({ from: '2024-01-01', to: '2026-03-01' }).expect(400);
      expect(long.body.errors).toEqual([expect.objectContaining({ field: 'to', code: 'RANGE_TOO_LONG' })]);
      const bad = await trend({ from: '2026-02-30' }).expect(400);
      expect(bad.body.errors[0].field).toBe('from');
    });

    it('is for staff only: a borrower is refused', async () => {
      const borrower = await ds.query(`SELECT id FROM borrower LIMIT 1`);
      const user = await t.userWithRoles(['borrower'], { borrowerId: borrower[0].id });
      await trend({}, user.token).expect(403);
    });
  });

  describe('GET /api/close-of-day/runs', () => {
    it('newest first, with status and progress, paged by cursor', async () => {
      const latest = await closeThrough('2026-03-21');
      const page1 = (await t.http().get('/api/close-of-day/runs').query({ limit: 1 }).set(auth(t.adminToken)).expect(200)).body;
      expect(page1.items).toEqual([expect.objectContaining({ id: latest, status: 'COMPLETED', from: '2026-03-21', until: '2026-03-21', businessDate: '2026-03-22', processedDays: 1, trigger: 'MANUAL' })]);
      expect(page1.nextCursor).toEqual(expect.any(String));
      const page2 = (await t.http().get('/api/close-of-day/runs').query({ limit: 1, cursor: page1.nextCursor }).set(auth(approver.token)).expect(200)).body;
      expect(page2.items).toEqual([expect.objectContaining({ id: runId, status: 'COMPLETED', from: '2026-02-10', until: '2026-03-20', processedDays: 39 })]);
      const page3 = (await t.http().get('/api/close-of-day/runs').query({ limit: 5, cursor: page2.nextCursor }).set(auth(t.adminToken)).expect(200)).body;
      expect(page3).toEqual({ items: [expect.objectContaining({ id: firstRunId, from: DISBURSED, until: '2026-02-09', processedDays: 26 })], nextCursor: null });
      const bad = await t.http().get('/api/close-of-day/runs').query({ cursor: 'nonsense' }).set(auth(t.adminToken)).expect(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'cursor', code: 'INVALID_CURSOR' });
    });
  });

  describe('GET /api/reversals', () => {
    it('lists pending reversal requests with the loan and the repayment, and drops them once decided', async () => {
      const paid = await t
        .http()
        .post(`/api/loans/${loanA.loanId}/repayments`)
        .set(auth(finance.token))
        .set('Idempotency-Key', 'desk-pay-a')
        .send({ amount: '334000', valueDate: '2026-03-21', channel: 'TELLER', reference: 'KW-A-1' })
        .expect(201);
      const asked = await t
        .http()
        .post(`/api/loans/${loanA.loanId}/transactions/${paid.body.transactionId}/reversal`)
        .set(auth(finance.token))
        .set('Idempotency-Key', 'desk-rev-a')
        .send({ reason: 'Setoran tercatat pada pinjaman yang salah' })
        .expect(202);
      const pending = (await t.http().get('/api/reversals').query({ status: 'PENDING' }).set(auth(finance2.token)).expect(200)).body;
      expect(pending).toEqual({
        items: [
          expect.objectContaining({
            id: asked.body.id,
            status: 'PENDING',
            loanId: loanA.loanId,
            loanNumber: loanA.loanNumber,
            transactionId: paid.body.transactionId,
            transactionReference: 'KW-A-1',
            amount: '334000.00',
            valueDate: '2026-03-21',
            channel: 'TELLER',
            reason: 'Setoran tercatat pada pinjaman yang salah',
            decidedAt: null,
          }),
        ],
        nextCursor: null,
      });
      expect(pending.items[0].requestedByName).toEqual(expect.any(String));
      await t.http().post(`/api/loans/${loanA.loanId}/transactions/${paid.body.transactionId}/reversal/approve`).set(auth(finance2.token)).expect(200);
      expect((await t.http().get('/api/reversals').query({ status: 'PENDING' }).set(auth(finance.token)).expect(200)).body.items).toEqual([]);
      const approved = (await t.http().get('/api/reversals').query({ status: 'APPROVED' }).set(auth(t.adminToken)).expect(200)).body.items;
      expect(approved).toEqual([expect.objectContaining({ id: asked.body.id, status: 'APPROVED', decidedAt: expect.any(String) })]);
      const bad = await t.http().get('/api/reversals').query({ status: 'MAYBE' }).set(auth(finance.token)).expect(400);
      expect(bad.body.errors[0].field).toBe('status');
      await t.http().get('/api/reversals').set(auth(officer.token)).expect(403);
    });
  });

  describe('GET /api/loans?number=', () => {
    it("finds the teller's loan by its number, in any case, and refuses what is not a loan number", async () => {
      const found = (await t.http().get('/api/loans').query({ programmeId, number: loanA.loanNumber.toLowerCase() }).set(auth(finance.token)).expect(200)).body;
      expect(found.items.map((l: { id: string }) => l.id)).toEqual([loanA.loanId]);
      const none = (await t.http().get('/api/loans').query({ programmeId, number: 'BKL-1999-000001' }).set(auth(finance.token)).expect(200)).body;
      expect(none.items).toEqual([]);
      const bad = await t.http().get('/api/loans').query({ number: "x' OR 1=1" }).set(auth(finance.token)).expect(400);
      expect(bad.body.errors[0].field).toBe('number');
    });
  });

  describe('GET /api/bank-statements', () => {
    it("lists the programme's imports newest first with their counts", async () => {
      const upload = (file: string) =>
        t
          .http()
          .post('/api/bank-statements')
          .set(auth(finance.token))
          .field('format', 'CSV')
          .field('programmeId', programmeId)
          .attach('file', Buffer.from(file), { filename: 'statement.csv', contentType: 'text/csv' })
          .expect(201);
      const header = 'date,description,reference,debit,credit,balance';
      const one = (await upload([header, '2026-03-20,TRANSFER DARI HAMBA ALLAH,UNK-1,,50000.00,'].join('\n'))).body;
      const two = (await upload([header, '2026-03-21,TRANSFER TANPA KETERANGAN,UNK-2,,75000.00,'].join('\n'))).body;
      const list = (await t.http().get('/api/bank-statements').query({ programmeId }).set(auth(finance.token)).expect(200)).body;
      expect(list.items.map((s: { id: string }) => s.id)).toEqual([two.id, one.id]);
      expect(list.items[0]).toMatchObject({ programmeId, format: 'CSV', lines: 1, unmatched: 1, matched: 0, firstDate: '2026-03-21', lastDate: '2026-03-21' });
      expect(list.items[0]).not.toHaveProperty('balanceCheck');
      const paged = (await t.http().get('/api/bank-statements').query({ programmeId, limit: 1 }).set(auth(t.adminToken)).expect(200)).body;
      expect(paged.items).toHaveLength(1);
      const rest = (await t.http().get('/api/bank-statements').query({ programmeId, limit: 1, cursor: paged.nextCursor }).set(auth(t.adminToken)).expect(200)).body;
      expect(rest.items.map((s: { id: string }) => s.id)).toEqual([one.id]);
    });
  });
});
