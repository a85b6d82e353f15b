// Close-of-day over HTTP with the worker module running in this process (same database, same queue
// prefix): runs close days on the worker's partition jobs; loans show what the closes stored.
import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { QUEUES } from '#platform';
import { CloseOfDayDayService, CloseOfDayPartitionService } from '#repayment';
import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { approvedApplication, disbursedLoan } from '../support/approved-application.js';

// Rp1,000,000 over 3 months, unit 1,000 rounded up: 334,000 due 2026-02-15, 334,000 on 2026-03-15, 332,000 on 2026-04-15.
const DISBURSED = '2026-01-15';
const FIRST_DUE = '2026-02-15';
const PARTITIONS = 3;

interface RunView {
  id: string;
  status: string;
  businessDate: string;
  processedDays: number;
  loansProcessed: number;
  from: string;
  until: string;
  error: string | null;
}

describe('close-of-day runs (e2e, worker in process)', () => {
  let t: TestApp;
  let ds: DataSource;
  let worker: INestApplicationContext;
  let officer: { token: string };
  let finance: { token: string };
  let programmeId: string;
  let bankLoan: string;
  let bprLoan: string;
  let feeLoan: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const setBusinessDate = (date: string) => ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [date]);
  const businessDate = async () => (await t.http().get('/api/business-date').set(auth(finance.token)).expect(200)).body.date as string;
  const getLoan = async (id: string) => (await t.http().get(`/api/loans/${id}`).set(auth(finance.token)).expect(200)).body;
  const stored = async (id: string) =>
    (
      await ds.query(
        `SELECT days_past_due AS dpd, overdue_amount::text AS overdue, own_collectibility AS own, collectibility AS kol FROM loan WHERE id = $1`,
        [id],
      )
    )[0] as { dpd: number; overdue: string; own: number; kol: number };
  const requestRun = (until: unknown, token = t.adminToken) => t.http().post('/api/close-of-day/runs').set(auth(token)).send({ until });
  const getRun = async (id: string): Promise<RunView> => (await t.http().get(`/api/close-of-day/runs/${id}`).set(auth(t.adminToken)).expect(200)).body;
  const waitForRun = async (id: string, timeoutMs = 60_000): Promise<RunView> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const run = await getRun(id);
      if (run.status === 'COMPLETED' || run.status === 'FAILED') return run;
      if (Date.now() > deadline) throw new Error(`run ${id} still ${run.status} after ${timeoutMs} ms`);
      await sleep(25);
    }
  };
  /** Closes through `until` and expects the run to complete. */
  const closeThrough = async (until: string): Promise<RunView> => {
    const res = await requestRun(until).expect(202);
    const run = await waitForRun(res.body.id);
    expect(run).toMatchObject({ status: 'COMPLETED', until, error: null });
    return run;
  };
  /** Orders and confirms Rp1,000,000 over 3 months on the business date; returns the loan id. */
  const book = async (productId: string, valueDate: string, districtCode = '35.26.01') => {
    const { loanId } = await disbursedLoan(t, { officerToken: officer.token, financeToken: finance.token, productId, amount: '1000000', tenor: 3, applicant: { districtCode }, valueDate });
    return loanId;
  };
  /** Every row a close may write, to compare before and after. */
  const stateOf = async () => ({
    loans: await ds.query(`SELECT id, status, days_past_due, overdue_amount, own_collectibility, collectibility, oldest_unpaid_due_date, version FROM loan ORDER BY id`),
    installments: await ds.query(`SELECT id, late_fee_due, overdue_since, payment_status FROM loan_installment ORDER BY id`),
    entries: await ds.query(`SELECT count(*)::int AS n FROM journal_entry`),
    snapshots: await ds.query(`SELECT count(*)::int AS n FROM portfolio_snapshot`),
    date: await businessDate(),
  });

  beforeAll(async () => {
    t = await createTestApp({ CLOSE_OF_DAY_PARTITIONS: String(PARTITIONS), CLOSE_OF_DAY_AUTO: 'false' });
    ds = t.app.get(DataSource);
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
    programmeId = await buildProgramme(ds, 'COBSPEC-UMKM');
    const bankProduct = await buildProduct(ds, { programmeId });
    const bprProduct = await buildProduct(ds, { programmeId });
    await ds.query(`UPDATE product SET collectibility_table = 'BPR' WHERE id = $1`, [bprProduct]);
    const feeProduct = await buildProduct(ds, { programmeId });
    await ds.query(`UPDATE product SET late_fee = 10000 WHERE id = $1`, [feeProduct]);
    await setBusinessDate(DISBURSED);
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', 'cap').send({ programmeId, amount: '100000000', reference: 'SP2D' }).expect(201);
    bankLoan = await book(bankProduct, DISBURSED);
    bprLoan = await book(bprProduct, DISBURSED, '35.26.02');
    feeLoan = await book(feeProduct, DISBURSED);
    // The loans exist from 15 January; the runs below start a few days before the first due date.
    await setBusinessDate('2026-02-12');
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('closes each day through until on the worker, then the business date is the day after until', async () => {
    const res = await requestRun('2026-02-14').expect(202);
    expect(Object.keys(res.body)).toEqual(['id']);
    const run = await waitForRun(res.body.id);
    expect(run).toEqual(
      expect.objectContaining({ id: res.body.id, status: 'COMPLETED', businessDate: '2026-02-15', processedDays: 3, from: '2026-02-12', until: '2026-02-14', error: null }),
    );
    // Every active loan (these three and any other suite's in this database) on each of the 3 days.
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM loan WHERE status = 'ACTIVE'`);
    expect(run.loansProcessed).toBe(3 * n);
    expect(await businessDate()).toBe('2026-02-15');
    const days = await ds.query(`SELECT day::text AS day, status, partitions, run_id FROM close_of_day_day WHERE run_id = $1 ORDER BY day`, [run.id]);
    expect(days).toEqual(['2026-02-12', '2026-02-13', '2026-02-14'].map((day) => ({ day, status: 'COMPLETED', partitions: PARTITIONS, run_id: run.id })));
    const parts = await ds.query(`SELECT count(*)::int AS n FROM close_of_day_partition WHERE day BETWEEN '2026-02-12' AND '2026-02-14' AND status = 'COMPLETED'`);
    expect(parts[0].n).toBe(3 * PARTITIONS);
    // Nothing was due yet: the loans are current and the close stored that.
    expect(await getLoan(bankLoan)).toMatchObject({ daysPastDue: 0, collectibility: 1, overdueAmount: '0.00', nextDueDate: FIRST_DUE });
    expect(await stored(bankLoan)).toEqual({ dpd: 0, overdue: '0.00', own: 1, kol: 1 });
  });

  it('the day an installment is due and unpaid closes, it is 1 day past due: Kol 2 on the BANK table, Kol 1 on BPR; the late fee is assessed once, with its journal entry', async () => {
    await closeThrough(FIRST_DUE);
    expect(await businessDate()).toBe('2026-02-16');
    expect(await getLoan(bankLoan)).toMatchObject({ daysPastDue: 1, collectibility: 2, overdueAmount: '334000.00' });
    expect(await getLoan(bprLoan)).toMatchObject({ daysPastDue: 1, collectibility: 1, overdueAmount: '334000.00' });
    expect(await stored(bankLoan)).toEqual({ dpd: 1, overdue: '334000.00', own: 2, kol: 2 });
    expect(await stored(bprLoan)).toEqual({ dpd: 1, overdue: '334000.00', own: 1, kol: 1 });
    // The fee product's loan: 10,000 on the installment that fell overdue, none on the others.
    expect(await getLoan(feeLoan)).toMatchObject({ daysPastDue: 1, overdueAmount: '344000.00' });
    const fees = await ds.query(`SELECT number, late_fee_due::text AS fee, overdue_since::text AS since FROM loan_installment WHERE loan_id = $1 ORDER BY number`, [feeLoan]);
    expect(fees).toEqual([
      { number: 1, fee: '10000.00', since: '2026-02-16' },
      { number: 2, fee: '0.00', since: null },
      { number: 3, fee: '0.00', since: null },
    ]);
    const free = await ds.query(`SELECT late_fee_due::text AS fee, overdue_since::text AS since FROM loan_installment WHERE loan_id = $1 AND number = 1`, [bankLoan]);
    expect(free).toEqual([{ fee: '0.00', since: '2026-02-16' }]);
    const entries = await ds.query(
      `SELECT e.kind, e.value_date::text AS value_date, l.account_code, l.debit::text AS debit, l.credit::text AS credit
         FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id
        WHERE e.programme_id = $1 AND e.kind = 'LATE_FEE_ASSESSMENT' ORDER BY l.account_code`,
      [programmeId],
    );
    expect(entries).toEqual([
      { kind: 'LATE_FEE_ASSESSMENT', value_date: FIRST_DUE, account_code: '1210', debit: '10000.00', credit: '0.00' },
      { kind: 'LATE_FEE_ASSESSMENT', value_date: FIRST_DUE, account_code: '4100', debit: '0.00', credit: '10000.00' },
    ]);
    const tb = (await t.http().get('/api/ledger/trial-balance').query({ programmeId }).set(auth(t.adminToken)).expect(200)).body;
    expect(tb.totalDebit).toBe(tb.totalCredit);
    expect(tb.accounts.find((a: { code: string }) => a.code === '1210').balance).toBe('10000.00');
  });

  it('a BPR product shows Kol 2 only from day 31; the BANK table from day 1', async () => {
    await closeThrough('2026-03-16');
    expect(await businessDate()).toBe('2026-03-17');
    expect(await getLoan(bprLoan)).toMatchObject({ daysPastDue: 30, collectibility: 1 });
    expect(await getLoan(bankLoan)).toMatchObject({ daysPastDue: 30, collectibility: 2 });
    await closeThrough('2026-03-17');
    expect(await getLoan(bprLoan)).toMatchObject({ daysPastDue: 31, collectibility: 2 });
  });

  it('one-obligor rule: a borrower whose other loan is in arrears shows that grade on a current loan', async () => {
    await closeThrough('2026-03-19');
    const [{ borrower_id: borrowerId }] = await ds.query(`SELECT borrower_id FROM loan WHERE id = $1`, [bankLoan]);
    const productId = (await getLoan(bankLoan)).productId;
    const current = await book(productId, '2026-03-20');
    // The same borrower's second loan (eligibility would refuse it over HTTP; booked, then moved to them).
    await ds.query(`UPDATE loan SET borrower_id = $1 WHERE id = $2`, [borrowerId, current]);
    await ds.query(`UPDATE application SET borrower_id = $1 WHERE id = (SELECT application_id FROM loan WHERE id = $2)`, [borrowerId, current]);
    await closeThrough('2026-03-26');
    expect(await businessDate()).toBe('2026-03-27');
    // Done means: 40 days past an unpaid due date, the loan shows DPD 40 and Kol 2 (BANK), and so does the BPR loan.
    expect(await getLoan(bankLoan)).toMatchObject({ daysPastDue: 40, collectibility: 2, overdueAmount: '668000.00' });
    expect(await getLoan(bprLoan)).toMatchObject({ daysPastDue: 40, collectibility: 2 });
    expect(await getLoan(current)).toMatchObject({ daysPastDue: 0, overdueAmount: '0.00', collectibility: 2 });
    expect(await stored(current)).toEqual({ dpd: 0, overdue: '0.00', own: 1, kol: 2 });
    const listed = await t.http().get('/api/loans').query({ programmeId, collectibility: 2, limit: 500 }).set(auth(officer.token)).expect(200);
    expect(listed.body.items.map((l: { id: string }) => l.id)).toContain(current);
    // The fee loan's second installment fell overdue on 16 March: a second fee, on that installment only.
    const fees = await ds.query(`SELECT number, late_fee_due::text AS fee FROM loan_installment WHERE loan_id = $1 ORDER BY number`, [feeLoan]);
    expect(fees.map((f: { fee: string }) => f.fee)).toEqual(['10000.00', '10000.00', '0.00']);
  });

  it('a day already closed is refused (409 DAY_ALREADY_CLOSED) and changes nothing', async () => {
    const before = await stateOf();
    const res = await requestRun('2026-03-26').expect(409);
    expect(res.body).toMatchObject({ status: 409, code: 'DAY_ALREADY_CLOSED', businessDate: '2026-03-27' });
    await requestRun('2026-01-01').expect(409);
    expect(await stateOf()).toEqual(before);
  });

  it('running the same day again on the worker side changes nothing: its partitions are no-ops and completing it again is too', async () => {
    const before = await stateOf();
    const partitions = worker.get(CloseOfDayPartitionService);
    const [{ run_id: runId }] = await ds.query(`SELECT run_id FROM close_of_day_day WHERE day = '2026-03-26'`);
    for (let p = 0; p < PARTITIONS; p++) {
      const again = await partitions.close('2026-03-26', p);
      expect(again).toMatchObject({ day: '2026-03-26', partition: p, alreadyDone: true });
    }
    await expect(worker.get(CloseOfDayDayService).finalize(runId, '2026-03-26')).resolves.toBeNull();
    expect(await stateOf()).toEqual(before);
  });

  it('one run at a time: of two requests at once, one is accepted and the other is 409 CLOSE_OF_DAY_IN_PROGRESS', async () => {
    // The worker holds back new run jobs, so the accepted run stays QUEUED while the others ask.
    const runsQueue = worker.get<Queue>(getQueueToken(QUEUES.CLOSE_OF_DAY));
    await runsQueue.pause(true);
    let acceptedId: string;
    try {
      const [a, b] = await Promise.all([requestRun('2026-03-28'), requestRun('2026-03-28')]);
      expect([a.status, b.status].sort()).toEqual([202, 409]);
      const refused = a.status === 409 ? a : b;
      acceptedId = (a.status === 202 ? a : b).body.id;
      expect(refused.body).toMatchObject({ status: 409, code: 'CLOSE_OF_DAY_IN_PROGRESS' });
      const later = await requestRun('2026-04-30').expect(409);
      expect(later.body).toMatchObject({ code: 'CLOSE_OF_DAY_IN_PROGRESS', runId: acceptedId });
      expect(await getRun(acceptedId)).toMatchObject({ status: 'QUEUED', processedDays: 0, businessDate: '2026-03-27' });
    } finally {
      await runsQueue.resume(true);
    }
    expect(await waitForRun(acceptedId)).toMatchObject({ status: 'COMPLETED', businessDate: '2026-03-29', processedDays: 2 });
  });

  it('validates until (400 naming it), at most 366 days a run; admin only (403); 401 without a token', async () => {
    for (const until of [undefined, '2026-02-30', '29-03-2026', 20260401]) {
      const res = await requestRun(until).expect(400);
      expect(res.body.errors[0].field).toBe('until');
    }
    const long = await requestRun('2027-03-30').expect(400);
    expect(long.body.errors[0]).toMatchObject({ field: 'until', code: 'CLOSE_OF_DAY_RANGE_TOO_LONG' });
    const forbidden = await requestRun('2026-03-30', finance.token).expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    await t.http().post('/api/close-of-day/runs').send({ until: '2026-03-30' }).expect(401);
  });

  it('GET a run: staff may read it; 404 for an unknown id, 400 for a bad one', async () => {
    const [{ id }] = await ds.query(`SELECT id FROM close_of_day_run ORDER BY created_at LIMIT 1`);
    const res = await t.http().get(`/api/close-of-day/runs/${id}`).set(auth(officer.token)).expect(200);
    expect(res.body).toMatchObject({ id, status: 'COMPLETED', businessDate: '2026-02-15', processedDays: 3 });
    const borrowerId = (await ds.query(`SELECT borrower_id FROM loan LIMIT 1`))[0].borrower_id;
    const borrower = await t.userWithRoles(['borrower'], { borrowerId });
    await t.http().get(`/api/close-of-day/runs/${id}`).set(auth(borrower.token)).expect(403);
    const missing = await t.http().get('/api/close-of-day/runs/00000000-0000-4000-8000-000000000000').set(auth(officer.token)).expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    const bad = await t.http().get('/api/close-of-day/runs/today').set(auth(officer.token)).expect(400);
    expect(bad.body.errors[0].field).toBe('id');
  });

  it('expires approvals past their validity as the day closes', async () => {
    const productId = (await getLoan(bankLoan)).productId;
    const app = await approvedApplication(t, { officerToken: officer.token, productId, amount: '1000000', tenor: 3 });
    // Approved 30 days before the day the next run closes (the product's validity is 30 days).
    await ds.query(`UPDATE application SET status_since = '2026-02-27' WHERE id = $1`, [app.id]);
    await closeThrough('2026-03-29');
    const [row] = await ds.query(`SELECT status, status_since::text AS since FROM application WHERE id = $1`, [app.id]);
    expect(row).toEqual({ status: 'EXPIRED', since: '2026-03-29' });
    const [day] = await ds.query(`SELECT approvals_expired FROM close_of_day_day WHERE day = '2026-03-29'`);
    expect(day.approvals_expired).toBeGreaterThanOrEqual(1);
  });

  it('audits each closed day', async () => {
    const rows = await ds.query(`SELECT entity_id, after FROM audit_log WHERE action = 'CLOSE_OF_DAY_DAY_CLOSED' AND entity_id = '2026-02-15'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].after).toMatchObject({ businessDate: '2026-02-16', partitions: PARTITIONS, lateFees: '10000.00' });
  });
});
