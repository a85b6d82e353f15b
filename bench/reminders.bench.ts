// Planning and enqueuing 100,000 reminders: the outbox rows of 2,500 loans (10 unpaid installments x 4
// offsets each) planned with planLoanReminders, one transaction per loan as booking does (8 at a time,
// as concurrent bookings would be), then moved
// into Bull as delayed jobs by the worker's ReminderDispatcher (its claim query and addBulk, in batches
// of NOTIFY_DISPATCH_BATCH). Target: under 20 s together. Reference: redis-benchmark's SET rate on the
// same Redis (`redis-benchmark -q -t set -n 100000`), reported as the time of 100,000 SETs.
// Needs PostgreSQL (BENCH_PG_ADMIN_URL, or postgres://postgres@127.0.0.1:5432) and Redis
// (REDIS_URL). Drops its database and queue keys at the end.
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { planLoanReminders, reminderSettings } from '#notifications';
import { APP_CONFIG, type AppConfig, QUEUES, TransactionRunner } from '#platform';
import { getQueueToken } from '@nestjs/bull';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bull';
import pg from 'pg';
import { ReminderDispatcher } from '../apps/worker/src/reminder-dispatcher.service.js';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { createBenchDatabase, seconds } from './bench-database.js';
import { seedPortfolio } from './close-of-day.bench.js';
import type { Figure } from './figure.js';
import { deleteRedisPrefix } from './redis-prefix.js';

const LOANS = 2_500;
const REMINDERS = 100_000;
const BUSINESS_DATE = '2026-11-02';
/** Below DATABASE_POOL_SIZE (10), so the dispatcher's and Bull's needs never wait on the planners. */
const PLAN_CONNECTIONS = 8;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** SET requests per second from redis-benchmark against REDIS_URL's server, or undefined when it is not installed. */
function redisSetRate(redisUrl: string): number | undefined {
  const u = new URL(redisUrl);
  const args = ['-h', u.hostname || '127.0.0.1', '-p', u.port || '6379', '-q', '-t', 'set', '-n', '100000'];
  if (u.password) args.push('-a', decodeURIComponent(u.password));
  try {
    const out = execFileSync('redis-benchmark', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    // -q prints progress with carriage returns, then "SET: 123456.79 requests per second, p50=...".
    const m = /SET: ([\d.]+) requests per second/.exec(out);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

export default async function remindersBench(): Promise<Figure[]> {
  const prefix = `lumbung_bench_${randomBytes(4).toString('hex')}`;
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const saved = { ...process.env };
  const database = await createBenchDatabase('rem');
  const dbUrl = database.url;
  let worker: INestApplicationContext | undefined;
  const client = new pg.Client({ connectionString: dbUrl });
  try {
    await client.connect();
    await seedPortfolio(client, { loans: LOANS, businessDate: BUSINESS_DATE });
    // Every loan with its first two installments paid and ten to go: 40 reminders each (offsets -3, 0, 1, 7).
    await client.query(
      `UPDATE loan_installment SET principal_paid = CASE WHEN number <= 2 THEN principal_due ELSE 0 END,
              paid_on = CASE WHEN number <= 2 THEN due_date END`,
    );
    await client.query('VACUUM ANALYZE');
    const loanIds = ((await client.query(`SELECT id FROM loan ORDER BY number`)).rows as { id: string }[]).map((r) => r.id);

    // A dispatcher tick every hour at most: the measured dispatch is the only one. A day's horizon so
    // that every planned reminder is queued (as delayed jobs: none is due yet, so none is sent).
    Object.assign(process.env, {
      NODE_ENV: 'development',
      DATABASE_URL: dbUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'silent',
      CLOSE_OF_DAY_AUTO: 'false',
      NOTIFY_DISPATCH_INTERVAL_MS: '3600000',
      NOTIFY_DISPATCH_HORIZON_SECONDS: '86400',
    });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    const tx = worker.get(TransactionRunner);
    const settings = reminderSettings(worker.get<AppConfig>(APP_CONFIG));

    // Loans are booked by many officers at once: PLAN_CONNECTIONS transactions side by side, one per loan.
    const planStart = process.hrtime.bigint();
    let planned = 0;
    let next = 0;
    await Promise.all(
      Array.from({ length: PLAN_CONNECTIONS }, async () => {
        while (next < loanIds.length) {
          const loanId = loanIds[next++]!;
          const n = await tx.run((em) => planLoanReminders(em, loanId, settings));
          planned += n;
        }
      }),
    );
    const plan = seconds(planStart);
    if (planned !== REMINDERS) throw new Error(`planned ${planned} reminders, expected ${REMINDERS}`);

    // Stand-in for the day they come due (unmeasured): every moment within the next 23 hours.
    await client.query(`UPDATE notification SET scheduled_for = now() + make_interval(secs => 60 + (abs(hashtext(id::text)) % 82000))`);
    await client.query('VACUUM ANALYZE notification');

    const dispatchStart = process.hrtime.bigint();
    const queued = await worker.get(ReminderDispatcher).dispatchAll();
    const dispatch = seconds(dispatchStart);
    if (queued !== REMINDERS) throw new Error(`dispatched ${queued} reminders, expected ${REMINDERS}`);
    const delayed = await worker.get<Queue>(getQueueToken(QUEUES.REMINDERS)).getDelayedCount();
    if (delayed !== REMINDERS) throw new Error(`${delayed} delayed jobs in Bull, expected ${REMINDERS}`);
    await worker.close();
    worker = undefined;

    const total = plan + dispatch;
    const rate = redisSetRate(redisUrl);
    const figures: Figure[] = [];
    const baseline = rate ? REMINDERS / rate : undefined;
    figures.push({
      name: 'reminders.plan_and_enqueue_100k',
      value: round3(total),
      unit: 's',
      ...(baseline ? { ratio: round3(total / baseline), baseline: 'redis_benchmark.set_100k' } : {}),
    });
    if (baseline && rate) {
      figures.push({ name: 'redis_benchmark.set_100k', value: round3(baseline), unit: 's' });
      figures.push({ name: 'redis_benchmark.set_rate', value: Math.round(rate), unit: 'requests/s' });
    }
    figures.push(
      { name: 'reminders.plan_100k', value: round3(plan), unit: 's' },
      { name: 'reminders.enqueue_100k', value: round3(dispatch), unit: 's' },
      { name: 'reminders.enqueued_per_second', value: Math.round(REMINDERS / dispatch), unit: 'jobs/s' },
    );
    return figures;
  } finally {
    await worker?.close().catch(() => undefined);
    await client.end().catch(() => undefined);
    await database.drop().catch(() => undefined);
    await deleteRedisPrefix(redisUrl, prefix);
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}
