// Close-of-day on real PostgreSQL and Redis with two worker instances on one queue prefix, over a
// generated portfolio: the SQL grades loans as the pure domain does, the workers share a day's
// partitions, a repayment written while a partition runs lands wholly before or after it, and a crash
// mid-day resumes without applying a completed partition twice.
import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { Money } from '#money';
import { QUEUES, TransactionRunner } from '#platform';
import {
  classifyCollectibility,
  type Collectibility,
  COLLECTIBILITY_TABLES,
  type CollectibilityTable,
  CloseOfDayDayService,
  CloseOfDayPartitionService,
  CloseOfDayRunsService,
  collectibilitySql,
  loanStanding,
  nextDay,
} from '#repayment';
import { getQueueToken } from '@nestjs/bull';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bull';
import pg from 'pg';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { seedPortfolio } from '../../bench/close-of-day.bench.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { cleanupRedisPrefix, uniqueQueuePrefix } from '../support/redis.js';

const LOANS = 400;
const PARTITIONS = 6;
const START = '2026-11-02';
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const ENV_KEYS = ['NODE_ENV', 'DATABASE_URL', 'REDIS_URL', 'QUEUE_PREFIX', 'LOG_LEVEL', 'CLOSE_OF_DAY_PARTITIONS', 'CLOSE_OF_DAY_CONCURRENCY', 'CLOSE_OF_DAY_AUTO'];

let db: TestDatabase;
let client: pg.Client;
let prefix: string;
const workers: INestApplicationContext[] = [];
const savedEnv = { ...process.env };

const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => (await client.query(sql, params)).rows as T[];
const businessDate = async () => (await q<{ d: string }>(`SELECT date::text AS d FROM business_date`))[0].d;
const runsQueues = () => workers.map((w) => w.get<Queue>(getQueueToken(QUEUES.CLOSE_OF_DAY)));

async function waitForRun(id: string): Promise<{ status: string; error: string | null }> {
  const runs = workers[0].get(CloseOfDayRunsService);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const run = await runs.get(id);
    if (run.status === 'COMPLETED' || run.status === 'FAILED') return run;
    if (Date.now() > deadline) throw new Error(`run ${id} still ${run.status}`);
    await sleep(20);
  }
}

/** Every active loan's stored standing against the pure domain (loanStanding, then the one-obligor rule), on `opens`. */
async function mismatches(opens: string): Promise<unknown[]> {
  const loans = await q<{ id: string; borrower_id: string; table: CollectibilityTable; dpd: number; overdue: string; own: number; kol: number }>(
    `SELECT id, borrower_id, collectibility_table AS table, days_past_due AS dpd, overdue_amount::text AS overdue, own_collectibility AS own, collectibility AS kol
       FROM loan WHERE status = 'ACTIVE'`,
  );
  const rows = await q<{ loan_id: string; due_date: string; pd: string; pp: string; fd: string; fp: string }>(
    `SELECT loan_id, due_date::text AS due_date, principal_due::text AS pd, principal_paid::text AS pp, late_fee_due::text AS fd, late_fee_paid::text AS fp
       FROM loan_installment WHERE superseded_at IS NULL`,
  );
  const byLoan = new Map<string, typeof rows>();
  for (const r of rows) byLoan.set(r.loan_id, [...(byLoan.get(r.loan_id) ?? []), r]);
  const expected = new Map(
    loans.map((l) => {
      const installments = (byLoan.get(l.id) ?? []).map((i) => ({
        dueDate: i.due_date,
        principalDue: Money.fromDb(i.pd),
        principalPaid: Money.fromDb(i.pp),
        lateFeeDue: Money.fromDb(i.fd),
        lateFeePaid: Money.fromDb(i.fp),
      }));
      return [l.id, loanStanding(installments, opens, l.table)];
    }),
  );
  const worst = new Map<string, Collectibility>();
  for (const l of loans) worst.set(l.borrower_id, Math.max(worst.get(l.borrower_id) ?? 1, expected.get(l.id)!.collectibility) as Collectibility);
  return loans
    .filter((l) => {
      const e = expected.get(l.id)!;
      return l.dpd !== e.daysPastDue || l.overdue !== e.overdueAmount.toString() || l.own !== e.collectibility || l.kol !== worst.get(l.borrower_id);
    })
    .map((l) => ({ loan: l, expected: expected.get(l.id), obligor: worst.get(l.borrower_id) }));
}

beforeAll(async () => {
  db = await createTestDatabase();
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await seedPortfolio(client, { loans: LOANS, businessDate: START, arrearsEvery: 4, sharedBorrowerEvery: 10 });
  prefix = uniqueQueuePrefix();
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'silent',
    CLOSE_OF_DAY_PARTITIONS: String(PARTITIONS),
    CLOSE_OF_DAY_CONCURRENCY: '1',
    CLOSE_OF_DAY_AUTO: 'false',
  });
  for (let i = 0; i < 2; i++) {
    const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await app.init();
    workers.push(app);
  }
}, 60_000);

afterAll(async () => {
  for (const w of workers) await w.close().catch(() => undefined);
  await client?.end();
  await db?.drop();
  if (prefix) await cleanupRedisPrefix(prefix);
  for (const name of ENV_KEYS) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
});

describe('close-of-day on two workers (integration)', () => {
  it('grades in SQL exactly as classifyCollectibility does, both tables, 0 to 800 days', async () => {
    for (const table of COLLECTIBILITY_TABLES) {
      const rows = await q<{ dpd: number; kol: number }>(`SELECT d AS dpd, ${collectibilitySql('$1::text', 'd')} AS kol FROM generate_series(0, 800) d`, [table]);
      expect(rows.filter((r) => r.kol !== classifyCollectibility(table, r.dpd))).toEqual([]);
    }
  });

  it('two worker instances share the partitions of each day, and every loan ends as the domain computes it', async () => {
    const { id } = await workers[0].get(CloseOfDayRunsService).request('2026-11-04');
    expect(await waitForRun(id)).toMatchObject({ status: 'COMPLETED' });
    expect(await businessDate()).toBe('2026-11-05');
    const parts = await q<{ day: string; status: string; completed_by: string }>(
      `SELECT day::text AS day, status, completed_by FROM close_of_day_partition ORDER BY day, partition`,
    );
    expect(parts).toHaveLength(3 * PARTITIONS);
    expect(parts.every((p) => p.status === 'COMPLETED')).toBe(true);
    expect(new Set(parts.map((p) => p.completed_by)).size).toBe(2);
    const [{ n }] = await q<{ n: number }>(`SELECT sum(loans_processed)::int AS n FROM close_of_day_partition WHERE day = '2026-11-04'`);
    expect(n).toBe(LOANS);
    expect(await mismatches('2026-11-05')).toEqual([]);
    // Arrears exist, in both tables, and some borrowers carry another loan's grade.
    const [spread] = await q<{ overdue: number; bank: number; bpr: number; obligor: number }>(
      `SELECT count(*) FILTER (WHERE days_past_due > 0)::int AS overdue,
              count(*) FILTER (WHERE collectibility > 1 AND collectibility_table = 'BANK')::int AS bank,
              count(*) FILTER (WHERE collectibility > 1 AND collectibility_table = 'BPR')::int AS bpr,
              count(*) FILTER (WHERE collectibility > own_collectibility)::int AS obligor
         FROM loan`,
    );
    expect(spread.overdue).toBeGreaterThan(LOANS / 10);
    expect(spread.bank).toBeGreaterThan(0);
    expect(spread.bpr).toBeGreaterThan(0);
    expect(spread.obligor).toBeGreaterThan(0);
  });

  it('a repayment written while its partition waits lands wholly before the partition reads the loan', async () => {
    const day = await businessDate();
    const queues = runsQueues();
    for (const queue of queues) await queue.pause(true);
    const { id: runId } = await workers[0].get(CloseOfDayRunsService).request(day);
    try {
      const [loan] = await q<{ id: string; borrower_id: string }>(
        `SELECT id, borrower_id FROM loan WHERE status = 'ACTIVE' AND days_past_due > 0 AND collectibility = own_collectibility ORDER BY id LIMIT 1`,
      );
      const parts = await workers[0].get(CloseOfDayDayService).plan(runId, day, PARTITIONS);
      const part = parts.find((p) => loan.borrower_id >= p.borrowerFrom && (p.borrowerTo === null || loan.borrower_id < p.borrowerTo))!;
      // A repayment holds the loan's lock (as repayments do) while the partition starts.
      const payer = new pg.Client({ connectionString: db.url });
      await payer.connect();
      try {
        await payer.query('BEGIN');
        await payer.query(`SELECT id FROM loan WHERE id = $1 FOR UPDATE`, [loan.id]);
        let done = false;
        const closing = workers[1]
          .get(CloseOfDayPartitionService)
          .close(day, part.partition)
          .finally(() => (done = true));
        await sleep(300);
        expect(done).toBe(false);
        await payer.query(
          `UPDATE loan_installment SET principal_paid = principal_due, late_fee_paid = late_fee_due, paid_on = $2
            WHERE loan_id = $1 AND payment_status <> 'PAID' AND due_date <= $2`,
          [loan.id, day],
        );
        await payer.query(
          `UPDATE loan SET outstanding_principal = (SELECT sum(principal_due - principal_paid) FROM loan_installment WHERE loan_id = $1 AND superseded_at IS NULL) WHERE id = $1`,
          [loan.id],
        );
        await payer.query('COMMIT');
        const outcome = await closing;
        expect(outcome.alreadyDone).toBe(false);
      } finally {
        await payer.end();
      }
      const [after] = await q(`SELECT days_past_due AS dpd, overdue_amount::text AS overdue, own_collectibility AS own FROM loan WHERE id = $1`, [loan.id]);
      expect(after).toEqual({ dpd: 0, overdue: '0.00', own: 1 });
      const marked = await q(`SELECT count(*)::int AS n FROM loan_installment WHERE loan_id = $1 AND overdue_since = $2`, [loan.id, nextDay(day)]);
      expect(marked[0].n).toBe(0);
    } finally {
      for (const queue of queues) await queue.resume(true);
    }
    expect(await waitForRun(runId)).toMatchObject({ status: 'COMPLETED' });
    expect(await mismatches(nextDay(day))).toEqual([]);
  });

  it('a crash mid-day resumes: a partition killed half-way left nothing, those done before are not applied again', async () => {
    const day = await businessDate();
    const queues = runsQueues();
    for (const queue of queues) await queue.pause(true);
    const runs = workers[0].get(CloseOfDayRunsService);
    const partitions = workers[0].get(CloseOfDayPartitionService);
    const { id: runId } = await runs.request(day);
    const feesBefore = await q<{ sum: string }>(`SELECT coalesce(sum(late_fee_due), 0)::text AS sum FROM loan_installment`);
    try {
      // The first worker planned the day and closed two partitions, then died inside the third.
      await workers[0].get(CloseOfDayDayService).plan(runId, day, PARTITIONS);
      await partitions.close(day, 0);
      await partitions.close(day, 1);
      await expect(
        workers[0].get(TransactionRunner).run(async () => {
          await partitions.close(day, 2);
          throw new Error('worker killed');
        }),
      ).rejects.toThrow('worker killed');
      const [third] = await q(`SELECT status, completed_at FROM close_of_day_partition WHERE day = $1 AND partition = 2`, [day]);
      expect(third).toEqual({ status: 'PENDING', completed_at: null });
      // The run is given up (its job failed for good); a new run takes the day over.
      await runs.markFailed(runId, 'worker killed');
    } finally {
      for (const queue of queues) await queue.resume(true);
    }
    expect((await runs.get(runId)).status).toBe('FAILED');
    const done = await q(`SELECT partition, completed_by, completed_at, late_fees FROM close_of_day_partition WHERE day = $1 AND partition < 2 ORDER BY partition`, [day]);
    const { id: resumed } = await runs.request(day);
    expect(await waitForRun(resumed)).toMatchObject({ status: 'COMPLETED' });
    // The two partitions closed before the crash were not run again.
    expect(await q(`SELECT partition, completed_by, completed_at, late_fees FROM close_of_day_partition WHERE day = $1 AND partition < 2 ORDER BY partition`, [day])).toEqual(done);
    const [dayRow] = await q(`SELECT status, run_id FROM close_of_day_day WHERE day = $1`, [day]);
    expect(dayRow).toEqual({ status: 'COMPLETED', run_id: resumed });
    // Each installment that fell overdue took its fee once, and the day's entry books exactly those fees.
    const [fees] = await q<{ assessed: string; max: string; n: number }>(
      `SELECT coalesce(sum(i.late_fee_due), 0)::text AS assessed, coalesce(max(i.late_fee_due), 0)::text AS max, count(*)::int AS n
         FROM loan_installment i JOIN loan l ON l.id = i.loan_id WHERE i.overdue_since = $1 AND l.collectibility_table = 'BANK'`,
      [nextDay(day)],
    );
    expect(fees.max === '0' || fees.max === '5000.00').toBe(true);
    const [entry] = await q<{ debit: string | null }>(
      `SELECT sum(l.debit)::text AS debit FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id
        WHERE e.kind = 'LATE_FEE_ASSESSMENT' AND e.value_date = $1 AND l.account_code = '1210'`,
      [day],
    );
    expect(entry.debit ?? '0.00').toBe(Money.of(fees.assessed).toString());
    const [feesAfter] = await q<{ sum: string }>(`SELECT coalesce(sum(late_fee_due), 0)::text AS sum FROM loan_installment`);
    expect(Money.of(feesAfter.sum).minus(Money.of(feesBefore[0].sum)).toString()).toBe(Money.of(fees.assessed).toString());
    expect(await mismatches(nextDay(day))).toEqual([]);
    expect(await businessDate()).toBe(nextDay(day));
  });
});

describe('close-of-day scheduling and recovery (integration)', () => {
  const bootWorker = async (env: Record<string, string>): Promise<INestApplicationContext> => {
    Object.assign(process.env, env);
    const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await app.init();
    return app;
  };

  it('CLOSE_OF_DAY_AUTO=true keeps one repeatable job at 00:05 in the programme zone; false removes it', async () => {
    const queue = runsQueues()[0];
    expect((await queue.getRepeatableJobs()).filter((r) => r.name === 'close-of-day-auto')).toEqual([]);
    const on = await bootWorker({ CLOSE_OF_DAY_AUTO: 'true' });
    const again = await bootWorker({ CLOSE_OF_DAY_AUTO: 'true' });
    try {
      const jobs = (await queue.getRepeatableJobs()).filter((r) => r.name === 'close-of-day-auto');
      expect(jobs).toEqual([expect.objectContaining({ cron: '5 0 * * *', tz: 'Asia/Jakarta' })]);
    } finally {
      await on.close();
      await again.close();
    }
    const off = await bootWorker({ CLOSE_OF_DAY_AUTO: 'false' });
    await off.close();
    expect((await queue.getRepeatableJobs()).filter((r) => r.name === 'close-of-day-auto')).toEqual([]);
  });

  it('the automatic close closes every day before today in the programme zone, and nothing when the books are on today', async () => {
    const runs = workers[0].get(CloseOfDayRunsService);
    const from = await businessDate();
    const today = nextDay(nextDay(from));
    // 00:05 WIB on `today` is 17:05 UTC the day before.
    const fired = new Date(`${nextDay(from)}T17:05:00Z`);
    const run = await runs.requestAuto(fired);
    expect(run).not.toBeNull();
    expect(await waitForRun(run!.id)).toMatchObject({ status: 'COMPLETED' });
    expect(await runs.get(run!.id)).toMatchObject({ trigger: 'AUTO', from, until: nextDay(from), processedDays: 2 });
    expect(await businessDate()).toBe(today);
    await expect(runs.requestAuto(fired)).resolves.toBeNull();
  });

  it('a run recorded while Redis could not take its job is queued by the sweep and runs', async () => {
    const runs = workers[0].get(CloseOfDayRunsService);
    const day = await businessDate();
    const [{ id }] = await q<{ id: string }>(
      `INSERT INTO close_of_day_run (status, trigger, from_date, until_date, business_date) VALUES ('QUEUED', 'MANUAL', $1, $1, $1) RETURNING id`,
      [day],
    );
    await runs.sweep();
    expect(await waitForRun(id)).toMatchObject({ status: 'COMPLETED' });
    expect(await businessDate()).toBe(nextDay(day));
  });
});
