// The portfolio report (live and from close-of-day snapshots) and the collectors' overdue list, JSON
// and CSV, over HTTP with the worker module running in this process to close the days.
import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { disbursedLoan } from '../support/approved-application.js';

const DISBURSED = '2026-01-15';
const ZERO = { count: 0, outstanding: '0.00' };

describe('reports: portfolio and overdue (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let worker: INestApplicationContext;
  let officer: { token: string };
  let finance: { token: string };
  let programmeId: string;
  // L1: BANK, Bangkalan, culinary, Rp1,000,000 over 3 (334,000 due 15 Feb). L2: BANK, Socah, trade,
  // Rp2,000,000 over 4 (500,000 due 15 Feb, paid on 10 Feb; the next on 15 Mar). L3: BPR, Bangkalan,
  // culinary, Rp1,000,000 over 3; its borrower's name would be a formula in a spreadsheet.
  const loans: Record<'l1' | 'l2' | 'l3', string> = { l1: '', l2: '', l3: '' };

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const setBusinessDate = (date: string) => ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [date]);
  const portfolio = (query: Record<string, string> = {}, token = finance.token) => t.http().get('/api/reports/portfolio').query({ programmeId, ...query }).set(auth(token));
  const overdue = (query: Record<string, string | number> = {}, token = officer.token) => t.http().get('/api/reports/overdue').query({ programmeId, ...query }).set(auth(token));
  const closeThrough = async (until: string) => {
    const res = await t.http().post('/api/close-of-day/runs').set(auth(t.adminToken)).send({ until }).expect(202);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const run = (await t.http().get(`/api/close-of-day/runs/${res.body.id}`).set(auth(t.adminToken)).expect(200)).body;
      if (run.status === 'COMPLETED') return;
      if (run.status === 'FAILED' || Date.now() > deadline) throw new Error(`run ${run.id}: ${run.status} ${run.error}`);
      await sleep(25);
    }
  };
  const book = async (productId: string, amount: string, tenor: number, districtCode: string, sector: string, fullName: string) => {
    const { loanId } = await disbursedLoan(t, {
      officerToken: officer.token,
      financeToken: finance.token,
      productId,
      amount,
      tenor,
      applicant: { districtCode, fullName, business: { sector } },
      valueDate: DISBURSED,
      accountName: fullName.replace(/[^A-Za-z ]/g, '') || 'Penerima',
    });
    return loanId;
  };
  /** The CSV body as records, without the byte order mark. */
  const records = (text: string): string[][] => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    return parse(text.slice(1), { record_delimiter: ['\r\n'] });
  };

  beforeAll(async () => {
    t = await createTestApp({ CLOSE_OF_DAY_PARTITIONS: '2', CLOSE_OF_DAY_AUTO: 'false' });
    ds = t.app.get(DataSource);
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
    programmeId = await buildProgramme(ds, 'RPTSPEC-UMKM');
    const bank = await buildProduct(ds, { programmeId });
    const bpr = await buildProduct(ds, { programmeId });
    await ds.query(`UPDATE product SET collectibility_table = 'BPR' WHERE id = $1`, [bpr]);
    await setBusinessDate(DISBURSED);
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', 'cap').send({ programmeId, amount: '100000000', reference: 'SP2D' }).expect(201);
    loans.l1 = await book(bank, '1000000', 3, '35.26.01', 'CULINARY', 'Siti Aminah');
    loans.l2 = await book(bank, '2000000', 4, '35.26.02', 'TRADE', 'Budi Santoso');
    loans.l3 = await book(bpr, '1000000', 3, '35.26.01', 'CULINARY', '=HYPERLINK("http://x")');
    await setBusinessDate('2026-02-10');
    await t
      .http()
      .post(`/api/loans/${loans.l2}/repayments`)
      .set(auth(finance.token))
      .set('Idempotency-Key', 'pay-l2')
      .send({ amount: '500000', valueDate: '2026-02-10', channel: 'TELLER', reference: 'KW-001' })
      .expect(201);
    await closeThrough('2026-03-20');
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  describe('GET /api/reports/portfolio', () => {
    it('live on the business date: PAR on balances, grades with counts and balances, flows, sectors and kecamatan', async () => {
      const res = await portfolio().expect(200);
      // 21 March: L1 and L3 34 days past due (in PAR30), L2 6 days; all Kol 2 (BPR from day 31).
      expect(res.body).toEqual({
        asOf: '2026-03-21',
        programmeId,
        source: 'LIVE',
        activeLoans: 3,
        outstandingPrincipal: '3500000.00',
        par: { '1': '1.0000', '30': '0.5714', '90': '0.0000' },
        parOutstanding: { '1': '3500000.00', '30': '2000000.00', '90': '0.00' },
        nplRatio: '0.0000',
        nplOutstanding: '0.00',
        collectibility: { '1': ZERO, '2': { count: 3, outstanding: '3500000.00' }, '3': ZERO, '4': ZERO, '5': ZERO },
        disbursed: { count: 3, amount: '4000000.00' },
        repaid: { amount: '500000.00' },
        onDay: { disbursed: { count: 0, amount: '0.00' }, repaid: { amount: '0.00' } },
        bySector: [
          { sector: 'CULINARY', activeLoans: 2, outstandingPrincipal: '2000000.00', par: { '1': '1.0000', '30': '1.0000', '90': '0.0000' }, nplRatio: '0.0000' },
          { sector: 'TRADE', activeLoans: 1, outstandingPrincipal: '1500000.00', par: { '1': '1.0000', '30': '0.0000', '90': '0.0000' }, nplRatio: '0.0000' },
        ],
        byDistrict: [
          { districtCode: '35.26.01', districtName: 'Bangkalan', activeLoans: 2, outstandingPrincipal: '2000000.00', par: { '1': '1.0000', '30': '1.0000', '90': '0.0000' }, nplRatio: '0.0000' },
          { districtCode: '35.26.02', districtName: 'Socah', activeLoans: 1, outstandingPrincipal: '1500000.00', par: { '1': '1.0000', '30': '0.0000', '90': '0.0000' }, nplRatio: '0.0000' },
        ],
      });
      // asOf = the business date is the live report too.
      expect((await portfolio({ asOf: '2026-03-21' }).expect(200)).body).toEqual(res.body);
    });

    it("a past asOf reads that day's snapshot: the day's repayment and nothing overdue on 10 February", async () => {
      const res = await portfolio({ asOf: '2026-02-10' }).expect(200);
      expect(res.body).toMatchObject({
        asOf: '2026-02-10',
        source: 'SNAPSHOT',
        activeLoans: 3,
        outstandingPrincipal: '3500000.00',
        par: { '1': '0.0000', '30': '0.0000', '90': '0.0000' },
        collectibility: { '1': { count: 3, outstanding: '3500000.00' }, '2': ZERO },
        disbursed: { count: 3, amount: '4000000.00' },
        repaid: { amount: '500000.00' },
        onDay: { disbursed: { count: 0, amount: '0.00' }, repaid: { amount: '500000.00' } },
      });
    });

    it('counts days past due to asOf at the boundaries: PAR1 is more than 1 day, PAR30 more than 30; BANK Kol 2 from day 1, BPR from day 31', async () => {
      const due = (await portfolio({ asOf: '2026-02-15' }).expect(200)).body;
      expect(due).toMatchObject({ par: { '1': '0.0000' }, collectibility: { '1': { count: 3 } } });
      const oneDay = (await portfolio({ asOf: '2026-02-16' }).expect(200)).body;
      expect(oneDay).toMatchObject({ par: { '1': '0.0000' }, collectibility: { '1': { count: 2, outstanding: '2500000.00' }, '2': { count: 1, outstanding: '1000000.00' } } });
      const twoDays = (await portfolio({ asOf: '2026-02-17' }).expect(200)).body;
      expect(twoDays.par).toEqual({ '1': '0.5714', '30': '0.0000', '90': '0.0000' });
      const thirty = (await portfolio({ asOf: '2026-03-17' }).expect(200)).body;
      expect(thirty).toMatchObject({ par: { '30': '0.0000' }, collectibility: { '1': { count: 1 }, '2': { count: 2 } } });
      const thirtyOne = (await portfolio({ asOf: '2026-03-18' }).expect(200)).body;
      expect(thirtyOne).toMatchObject({ par: { '30': '0.5714' }, collectibility: { '1': ZERO, '2': { count: 3 } } });
    });

    it('the default programme when none is named (empty here: all ratios 0)', async () => {
      const res = await t.http().get('/api/reports/portfolio').set(auth(finance.token)).expect(200);
      expect(res.body.programmeId).not.toBe(programmeId);
      expect(res.body).toMatchObject({ activeLoans: 0, outstandingPrincipal: '0.00', par: { '1': '0.0000', '30': '0.0000', '90': '0.0000' }, nplRatio: '0.0000' });
    });

    it('refuses: 422 AS_OF_AFTER_BUSINESS_DATE, 404 PORTFOLIO_SNAPSHOT_NOT_FOUND for a day never closed, 400 for bad fields, 404 unknown programme', async () => {
      const future = await portfolio({ asOf: '2026-03-22' }).expect(422);
      expect(future.body).toMatchObject({ code: 'AS_OF_AFTER_BUSINESS_DATE', businessDate: '2026-03-21' });
      const missing = await portfolio({ asOf: '2026-01-20' }).expect(404);
      expect(missing.body).toMatchObject({ code: 'PORTFOLIO_SNAPSHOT_NOT_FOUND', asOf: '2026-01-20' });
      for (const [query, field] of [
        [{ asOf: '2026-02-30' }, 'asOf'],
        [{ programmeId: 'x' }, 'programmeId'],
        [{ format: 'xlsx' }, 'format'],
      ] as const) {
        const res = await portfolio(query).expect(400);
        expect(res.body.errors[0].field).toBe(field);
      }
      const unknown = await portfolio({ programmeId: '00000000-0000-4000-8000-000000000000' }).expect(404);
      expect(unknown.body.code).toBe('NOT_FOUND');
    });

    it('is for staff: every staff role reads it, a borrower is 403, no token 401', async () => {
      for (const role of ['admin', 'approver', 'loan_officer', 'finance']) {
        const user = role === 'admin' ? { token: t.adminToken } : await t.userWithRoles([role]);
        await portfolio({}, user.token).expect(200);
      }
      const [{ borrower_id: borrowerId }] = await ds.query(`SELECT borrower_id FROM loan WHERE id = $1`, [loans.l1]);
      const borrower = await t.userWithRoles(['borrower'], { borrowerId });
      expect((await portfolio({}, borrower.token).expect(403)).body.code).toBe('FORBIDDEN');
      await t.http().get('/api/reports/portfolio').expect(401);
    });

    it('exports as CSV with ?format=csv or Accept: text/csv: one table, the total first', async () => {
      const res = await portfolio({ format: 'csv' }).buffer(true).parse((r, cb) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => cb(null, text));
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="portfolio-2026-03-21.csv"');
      const rows = records(res.body as string);
      expect(rows[0]).toEqual(['asOf', 'group', 'key', 'name', 'loans', 'amount', 'par1', 'par30', 'par90', 'nplRatio']);
      expect(rows[1]).toEqual(['2026-03-21', 'TOTAL', '', '', '3', '3500000.00', '1.0000', '0.5714', '0.0000', '0.0000']);
      expect(rows).toContainEqual(['2026-03-21', 'COLLECTIBILITY', '2', 'Dalam Perhatian Khusus', '3', '3500000.00', '', '', '', '']);
      expect(rows).toContainEqual(['2026-03-21', 'REPAID_TO_DATE', '', '', '', '500000.00', '', '', '', '']);
      expect(rows).toContainEqual(['2026-03-21', 'DISTRICT', '35.26.02', 'Socah', '1', '1500000.00', '1.0000', '0.0000', '0.0000', '0.0000']);
      const accepted = await portfolio({ asOf: '2026-02-10' }).set('Accept', 'text/csv').buffer(true).parse((r, cb) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => cb(null, text));
      });
      expect(accepted.status).toBe(200);
      expect(records(accepted.body as string)[1].slice(0, 6)).toEqual(['2026-02-10', 'TOTAL', '', '', '3', '3500000.00']);
    });
  });

  describe('GET /api/reports/overdue', () => {
    it("the collectors' list, longest overdue first: who, where, how late, how much, the last payment", async () => {
      const res = await overdue().expect(200);
      expect(res.body.asOf).toBe('2026-03-21');
      expect(res.body.nextCursor).toBeNull();
      const byId = Object.fromEntries(res.body.items.map((i: { loanId: string }) => [i.loanId, i]));
      expect(res.body.items.map((i: { loanId: string }) => i.loanId).slice(2)).toEqual([loans.l2]);
      expect(new Set(res.body.items.slice(0, 2).map((i: { loanId: string }) => i.loanId))).toEqual(new Set([loans.l1, loans.l3]));
      expect(byId[loans.l1]).toEqual({
        loanId: loans.l1,
        loanNumber: expect.stringMatching(/^RPTSPEC-2026-\d{6}$/),
        borrowerId: expect.any(String),
        borrowerName: 'Siti Aminah',
        phone: '+6281234567890',
        districtCode: '35.26.01',
        districtName: 'Bangkalan',
        daysPastDue: 34,
        // Installments 1 (15 February) and 2 (15 March).
        overdueAmount: '668000.00',
        outstandingPrincipal: '1000000.00',
        collectibility: 2,
        oldestUnpaidDueDate: '2026-02-15',
        lastPaymentOn: null,
        lastPaymentAmount: null,
      });
      expect(byId[loans.l2]).toMatchObject({ daysPastDue: 6, overdueAmount: '500000.00', outstandingPrincipal: '1500000.00', districtName: 'Socah', lastPaymentOn: '2026-02-10', lastPaymentAmount: '500000.00' });
      expect(byId[loans.l3]).toMatchObject({ daysPastDue: 34, collectibility: 2 });
    });

    it('filters by days past due and kecamatan, and pages with a cursor', async () => {
      const late = await overdue({ minDaysPastDue: 30 }).expect(200);
      expect(new Set(late.body.items.map((i: { loanId: string }) => i.loanId))).toEqual(new Set([loans.l1, loans.l3]));
      const socah = await overdue({ districtCode: '35.26.02' }).expect(200);
      expect(socah.body.items.map((i: { loanId: string }) => i.loanId)).toEqual([loans.l2]);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await overdue({ limit: 1, ...(cursor ? { cursor } : {}) }).expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(1);
        seen.push(...page.body.items.map((i: { loanId: string }) => i.loanId));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual((await overdue().expect(200)).body.items.map((i: { loanId: string }) => i.loanId));
    });

    it('exports every line as CSV, neutralising a name a spreadsheet would run as a formula', async () => {
      const res = await overdue({ format: 'csv', limit: 1 }).buffer(true).parse((r, cb) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => cb(null, text));
      });
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toBe('attachment; filename="overdue-2026-03-21.csv"');
      const rows = records(res.body as string);
      expect(rows[0]).toEqual([
        'loanNumber', 'borrowerName', 'phone', 'districtCode', 'districtName', 'daysPastDue', 'overdueAmount', 'outstandingPrincipal', 'collectibility',
        'oldestUnpaidDueDate', 'lastPaymentOn', 'lastPaymentAmount',
      ]);
      expect(rows).toHaveLength(4);
      const names = rows.slice(1).map((r) => r[1]);
      expect(names).toContain(`'=HYPERLINK("http://x")`);
      expect(rows.find((r) => r[1] === 'Budi Santoso')).toEqual([expect.any(String), 'Budi Santoso', '+6281234567890', '35.26.02', 'Socah', '6', '500000.00', '1500000.00', '2', '2026-03-15', '2026-02-10', '500000.00']);
    });

    it('refuses bad filters (400 naming them) and is for staff only', async () => {
      for (const [query, field] of [
        [{ minDaysPastDue: 0 }, 'minDaysPastDue'],
        [{ districtCode: '35.26' }, 'districtCode'],
        [{ cursor: 'nope' }, 'cursor'],
        [{ limit: 501 }, 'limit'],
      ] as const) {
        const res = await overdue(query).expect(400);
        expect(res.body.errors[0].field).toBe(field);
      }
      const [{ borrower_id: borrowerId }] = await ds.query(`SELECT borrower_id FROM loan WHERE id = $1`, [loans.l2]);
      const borrower = await t.userWithRoles(['borrower'], { borrowerId });
      await overdue({}, borrower.token).expect(403);
      await t.http().get('/api/reports/overdue').expect(401);
    });
  });

  it('documents the reports and close-of-day routes in OpenAPI, CSV included', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    const paths = res.body.paths;
    expect(Object.keys(paths['/api/close-of-day/runs']).sort()).toEqual(['get', 'post']);
    expect(Object.keys(paths['/api/close-of-day/runs/{id}'])).toEqual(['get']);
    expect(paths['/api/close-of-day/runs'].post.responses).toHaveProperty('202');
    expect(paths['/api/close-of-day/runs'].post.responses).toHaveProperty('409');
    for (const p of ['/api/reports/portfolio', '/api/reports/overdue']) {
      expect(Object.keys(paths[p].get.responses['200'].content).sort()).toEqual(['application/json', 'text/csv']);
      expect(paths[p].get.parameters.map((x: { name: string }) => x.name)).toContain('format');
    }
    expect(paths['/api/reports/portfolio'].get.responses).toHaveProperty('422');
  });
});
