// Crash drill for reminder delivery: the compiled worker (node dist/apps/worker/src/main.js) as a real
// child process on real PostgreSQL and Redis, SIGKILLed in the middle of a batch of sends and started
// again. The loopback gateway answers slowly, so sends are in flight when the worker dies, and it
// de-duplicates by Idempotency-Key as a real gateway's contract does: a send the dead worker made but
// never recorded is repeated with the same key and is not a second message.
import 'reflect-metadata';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { disbursedLoan } from '../support/approved-application.js';
import { DedupingGateway } from '../support/deduping-gateway.js';
import { cleanupRedisPrefix, uniqueQueuePrefix } from '../support/redis.js';

const DISBURSED = '2027-01-15';
const LOANS = 4; // 3 installments x 4 offsets each: 48 reminders
const GATEWAY_DELAY_MS = 150;
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

describe('reminder delivery survives a killed worker (child process, Redis, loopback gateway)', () => {
  let t: TestApp;
  let ds: DataSource;
  let gateway: DedupingGateway;
  const prefix = uniqueQueuePrefix();
  const children: ChildProcess[] = [];
  const output: string[] = [];

  const startWorker = (): ChildProcess => {
    const child = spawn(process.execPath, ['dist/apps/worker/src/main.js'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: t.db.url,
        DATABASE_POOL_SIZE: '12',
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: prefix,
        LOG_LEVEL: 'silent',
        NOTIFY_CHANNELS: 'WHATSAPP',
        NOTIFY_GATEWAY_URL: gateway.url,
        NOTIFY_GATEWAY_TIMEOUT_MS: '5000',
        // The drill runs whenever it runs, Sunday night included.
        NOTIFY_SEND_WINDOW: 'off',
        NOTIFY_JOB_LOCK_MS: '2000',
        NOTIFY_BACKOFF_MS: '50',
        NOTIFY_DISPATCH_INTERVAL_MS: '100',
        CLOSE_OF_DAY_AUTO: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
    children.push(child);
    return child;
  };
  const exited = (child: ChildProcess): Promise<void> =>
    child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));

  const statuses = async (): Promise<Record<string, number>> =>
    Object.fromEntries(
      ((await ds.query(`SELECT status, count(*)::int AS n FROM notification GROUP BY status`)) as { status: string; n: number }[]).map((r) => [r.status, r.n]),
    );

  beforeAll(async () => {
    // The child runs the compiled worker: compile what this checkout holds (incremental, a few seconds).
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'pipe' });
    gateway = new DedupingGateway(GATEWAY_DELAY_MS);
    await gateway.start();
    t = await createTestApp({ CLOSE_OF_DAY_AUTO: 'false' });
    ds = t.app.get(DataSource);
    const officer = await t.userWithRoles(['loan_officer']);
    const finance = await t.userWithRoles(['finance']);
    const programmeId = await buildProgramme(ds, 'CRASHSPEC-UMKM');
    const productId = await buildProduct(ds, { programmeId, eligibility: { maxActiveLoans: 50 } });
    await ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [DISBURSED]);
    await t
      .http()
      .post('/api/fund/capital')
      .set({ Authorization: `Bearer ${t.adminToken}` })
      .set('Idempotency-Key', 'crash-capital')
      .send({ programmeId, amount: '500000000', reference: 'SP2D' })
      .expect(201);
    for (let i = 0; i < LOANS; i++) {
      await disbursedLoan(t, { officerToken: officer.token, financeToken: finance.token, productId, amount: '1000000', tenor: 3, valueDate: DISBURSED });
    }
  }, 120_000);

  afterAll(async () => {
    for (const child of children) {
      child.kill('SIGKILL');
      await exited(child);
    }
    await t?.close();
    await gateway?.stop();
    await cleanupRedisPrefix(prefix);
  });

  it('sends every reminder exactly once when the worker is SIGKILLed mid-batch and started again', async () => {
    const [, total] = (await ds.query(`UPDATE notification SET scheduled_for = now() - interval '1 minute' WHERE status = 'SCHEDULED'`)) as [unknown[], number];
    expect(total).toBe(LOANS * 12);

    const first = startWorker();
    const killAt = Math.floor(total / 3);
    const killed = new Promise<void>((resolve) => {
      gateway.onRequest = (count) => {
        if (count !== killAt) return;
        first.kill('SIGKILL');
        resolve();
      };
    });
    await killed;
    await exited(first);
    gateway.onRequest = () => undefined;
    expect(first.signalCode).toBe('SIGKILL');
    const beforeRestart = await statuses();
    // Killed mid-batch: some reminders went out, the rest did not.
    expect(beforeRestart.SENT ?? 0).toBeLessThan(total);

    startWorker();
    const deadline = Date.now() + 40_000;
    let now = await statuses();
    while ((now.SENT ?? 0) < total) {
      if (Date.now() > deadline) throw new Error(`rows ${JSON.stringify(now)} after restart; worker output:\n${output.join('')}`);
      await sleep(100);
      now = await statuses();
    }

    expect(now).toEqual({ SENT: total });
    const rows = (await ds.query(`SELECT 'reminder:' || installment_id || ':' || kind || ':' || offset_days AS key, attempts FROM notification`)) as {
      key: string;
      attempts: number;
    }[];
    const delivered = gateway.requests.filter((r) => r.delivered).map((r) => r.key);
    expect(new Set(delivered).size).toBe(total);
    expect(delivered).toHaveLength(total);
    expect(new Set(delivered)).toEqual(new Set(rows.map((r) => r.key)));
    // Each row records the one attempt that succeeded (an attempt that died with the worker left no trace).
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    // Repeats carried the key of a message the gateway already had: those are the sends cut off by the kill.
    const repeats = gateway.requests.filter((r) => !r.delivered);
    expect(repeats.every((r) => delivered.includes(r.key))).toBe(true);
    expect(repeats.length).toBeGreaterThan(0);
  }, 60_000);
});
