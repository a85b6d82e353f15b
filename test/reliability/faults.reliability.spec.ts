// Faults (issue 11 item 3): real processes killed and dependencies cut under load, then the books
// checked. The compiled api is SIGKILLed in the middle of a load of repayments and of a batch of
// disbursements; the compiled worker in the middle of close-of-day; PostgreSQL backends are terminated
// under load; a Redis of the spec's own is stopped and started again. After each: every acknowledged
// (2xx) request is in the database, a retry under the same Idempotency-Key executes nothing twice,
// close-of-day finishes each day once, and checkInvariants finds nothing. (Reminder sending under a
// killed worker has a smaller twin in test/integration/notifications-crash.spec.ts, in the default suite.)
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { LocalDate } from '@js-joda/core';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, TEST_ADMIN, type TestApp } from '../support/app.js';
import { approvedApplication, disbursedLoan } from '../support/approved-application.js';
import { uniqueQueuePrefix } from '../support/redis.js';
import { checkInvariants, describeViolations } from './support/invariants.js';
import { DedupingGateway } from '../support/deduping-gateway.js';
import { type Answer, buildDist, freePort, send, serviceEnv, startApi, startRedis, startWorker } from './support/processes.js';
import { tally } from './support/tally.js';

const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

describe('faults: killed processes, dropped connections, Redis down', () => {
  let t: TestApp;
  let ds: DataSource;
  let prefix: string;
  let officer: { token: string };
  let finance: { token: string };
  let productId: string;
  let loans: string[] = [];

  const env = (over: Record<string, string> = {}) => ({ ...serviceEnv({ databaseUrl: t.db.url, redisUrl, queuePrefix: prefix, admin: TEST_ADMIN }), ...over });
  const today = async () => ((await ds.query(`SELECT date::text AS d FROM business_date WHERE id = 1`)) as { d: string }[])[0].d;
  const assertBooksHold = async (area: string, faults: number, scenarios = 1) => {
    const found = await checkInvariants(ds);
    tally({ area, scenarios, faultsInjected: faults, violations: found.length });
    expect(describeViolations(found)).toBe('');
  };
  /** Runs `jobs` with `width` at a time; `after(n)` is told how many have answered. */
  const load = async <T>(jobs: (() => Promise<T>)[], width: number, after: (answered: number) => void = () => undefined): Promise<T[]> => {
    const out: T[] = new Array(jobs.length);
    let next = 0;
    let answered = 0;
    await Promise.all(
      Array.from({ length: width }, async () => {
        while (next < jobs.length) {
          const i = next++;
          out[i] = await jobs[i]();
          after(++answered);
        }
      }),
    );
    return out;
  };

  beforeAll(async () => {
    buildDist();
    t = await createTestApp({ CLOSE_OF_DAY_AUTO: 'false', CLOSE_OF_DAY_PARTITIONS: '8' });
    ds = t.app.get(DataSource);
    prefix = process.env.QUEUE_PREFIX!;
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
    const programmeId = await buildProgramme(ds);
    productId = await buildProduct(ds, { programmeId });
    await ds.query(`UPDATE product SET late_fee = 2500 WHERE id = $1`, [productId]);
    await ds.query(`UPDATE business_date SET date = '2026-05-04' WHERE id = 1`);
    await t.http().post('/api/fund/capital').set({ Authorization: `Bearer ${t.adminToken}` }).set('Idempotency-Key', randomUUID()).send({ programmeId, amount: '900000000', reference: 'SP2D' }).expect(201);
    loans = [];
    for (let i = 0; i < 24; i++) loans.push((await disbursedLoan(t, { officerToken: officer.token, financeToken: finance.token, productId, amount: '2000000', tenor: 4, valueDate: '2026-05-04' })).loanId);
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it('api SIGKILLed in the middle of 150 repayments: every 201 is booked, every retry under its key executes once', async () => {
    const api = await startApi(env());
    const requests = Array.from({ length: 150 }, (_, i) => ({ loanId: loans[i % loans.length], key: `kill-repay-${randomUUID()}` }));
    const post = (r: (typeof requests)[number], url: string) =>
      send(url, 'POST', `/api/loans/${r.loanId}/repayments`, finance.token, { amount: '10000', channel: 'VA', reference: r.key.slice(0, 40) }, r.key);
    const first = await load(
      requests.map((r) => () => post(r, api.url)),
      6,
      (n) => {
        if (n === 50) void api.kill('SIGKILL');
      },
    );
    await api.exited();
    expect(api.process.signalCode).toBe('SIGKILL');
    const acknowledged = first.map((a, i) => ({ a, r: requests[i] })).filter(({ a }) => a.status === 201);
    expect(acknowledged.length).toBeGreaterThanOrEqual(50);
    expect(acknowledged.length).toBeLessThan(requests.length);
    for (const a of first) expect([0, 201]).toContain(a.status);
    // Every acknowledged repayment is in the books, before anyone retries.
    const ids = acknowledged.map(({ a }) => a.body.transactionId as string);
    expect((await ds.query(`SELECT count(*)::int AS n FROM loan_transaction WHERE id = ANY($1::uuid[])`, [ids]))[0].n).toBe(ids.length);
    await assertBooksHold('faults:api-kill', 0, 0);

    const again = await startApi(env());
    try {
      const retried = await load(requests.map((r) => () => post(r, again.url)), 6);
      expect(retried.map((a) => a.status)).toEqual(requests.map(() => 201));
      for (const { a, r } of acknowledged) expect(retried[requests.indexOf(r)].body.transactionId).toBe(a.body.transactionId);
      const rows = (await ds.query(`SELECT reference, count(*)::int AS n FROM loan_transaction WHERE reference LIKE 'kill-repay-%' GROUP BY reference`)) as { n: number }[];
      expect(rows).toHaveLength(requests.length);
      expect(rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      await again.kill();
    }
    await assertBooksHold('faults:api-kill', 1);
  }, 180_000);

  it('api SIGKILLed twice in a batch of 20 disbursements (while ordering, while confirming): nothing half-written, retries finish it once', async () => {
    const apps = await Promise.all(Array.from({ length: 20 }, () => approvedApplication(t, { officerToken: officer.token, productId, amount: '1500000', tenor: 3 })));
    const keys = apps.map(() => randomUUID());
    const date = await today();
    const order = (url: string, i: number) =>
      send(url, 'POST', '/api/disbursements', finance.token, { applicationId: apps[i].id, bankCode: '114', accountNumber: '0011223344', accountName: 'Siti' }, `o-${keys[i]}`);
    const confirm = (url: string, id: string, i: number) => send(url, 'POST', `/api/disbursements/${id}/confirm`, finance.token, { valueDate: date, bankReference: `JTM-${keys[i]}` }, `c-${keys[i]}`);
    /** Runs `step` over every application on a fresh api killed after `killAfter` answers, then again on a new one; returns the second round. */
    const killedRound = async (step: (url: string, i: number) => Promise<Answer>, killAfter: number, okStatus: number) => {
      const api = await startApi(env());
      const first = await load(
        apps.map((_, i) => () => step(api.url, i)),
        4,
        (n) => {
          if (n === killAfter) void api.kill('SIGKILL');
        },
      );
      await api.exited();
      const acknowledged = first.filter((a) => a.status === okStatus).length;
      expect(acknowledged).toBeGreaterThanOrEqual(killAfter);
      expect(acknowledged).toBeLessThan(apps.length);
      // Nothing half-written at the moment of the kill.
      await assertBooksHold('faults:api-kill', 0, 0);
      const again = await startApi(env());
      try {
        const retried = await load(apps.map((_, i) => () => step(again.url, i)), 4);
        expect(retried.map((a) => a.status)).toEqual(apps.map(() => okStatus));
        // An order acknowledged before the kill is the one the retry replays.
        first.forEach((a, i) => a.status === okStatus && expect(retried[i].body.id ?? retried[i].body.loanId).toBe(a.body.id ?? a.body.loanId));
        return retried;
      } finally {
        await again.kill();
      }
    };
    const orders = await killedRound(order, 8, 201);
    const ids = orders.map((o) => o.body.id as string);
    // The bank batch and its file, as finance sends it.
    const batch = await t.http().post('/api/disbursement-batches').set({ Authorization: `Bearer ${finance.token}` }).send({ disbursementIds: ids }).expect(201);
    await t.http().get(`/api/disbursement-batches/${batch.body.id}/file`).set({ Authorization: `Bearer ${finance.token}` }).expect(200);
    await killedRound((url, i) => confirm(url, ids[i], i), 8, 200);
    const rows = (await ds.query(`SELECT status, count(*)::int AS n, count(DISTINCT loan_id)::int AS loans FROM disbursement WHERE application_id = ANY($1::uuid[]) GROUP BY status`, [
      apps.map((a) => a.id),
    ])) as { status: string; n: number; loans: number }[];
    expect(rows).toEqual([{ status: 'DISBURSED', n: apps.length, loans: apps.length }]);
    const [{ status }] = (await ds.query(`SELECT status FROM disbursement_batch WHERE id = $1`, [batch.body.id])) as { status: string }[];
    expect(status).toBe('SETTLED');
    await assertBooksHold('faults:api-kill', 2);
  }, 180_000);

  it('worker SIGKILLed in the middle of close-of-day: a new worker resumes, each day closes once, late fees post once', async () => {
    const from = await today();
    const until = LocalDate.parse(from).plusDays(44).toString();
    const workerEnv = env({ CLOSE_OF_DAY_PARTITIONS: '8', CLOSE_OF_DAY_CONCURRENCY: '2' });
    const worker = startWorker(workerEnv);
    const run = await t.http().post('/api/close-of-day/runs').set({ Authorization: `Bearer ${t.adminToken}` }).send({ until }).expect(202);
    const closedDays = async () => ((await ds.query(`SELECT count(*)::int AS n FROM close_of_day_day WHERE run_id = $1 AND status = 'COMPLETED'`, [run.body.id])) as { n: number }[])[0].n;
    const deadline = Date.now() + 60_000;
    while ((await closedDays()) < 3) {
      if (Date.now() > deadline) throw new Error(`close-of-day did not start:\n${worker.output.join('')}`);
      await sleep(20);
    }
    await worker.kill('SIGKILL');
    const atKill = await closedDays();
    expect(atKill).toBeLessThan(45);
    await assertBooksHold('faults:worker-kill', 0, 0);

    // Bull hands the dead worker's run job to the next worker once its lock lapses (30 s by default).
    const second = startWorker(workerEnv);
    try {
      const end = Date.now() + 150_000;
      for (;;) {
        const [r] = (await ds.query(`SELECT status, error FROM close_of_day_run WHERE id = $1`, [run.body.id])) as { status: string; error: string | null }[];
        if (r.status === 'COMPLETED') break;
        if (r.status === 'FAILED' || Date.now() > end) throw new Error(`run ${r.status} ${r.error ?? ''}:\n${second.output.join('')}`);
        await sleep(200);
      }
    } finally {
      await second.kill('SIGTERM');
    }
    expect(await closedDays()).toBe(45);
    const [{ d, n }] = (await ds.query(`SELECT count(DISTINCT day)::int AS d, count(*)::int AS n FROM close_of_day_day WHERE day BETWEEN $1 AND $2`, [from, until])) as { d: number; n: number }[];
    expect([d, n]).toEqual([45, 45]);
    const parts = (await ds.query(`SELECT count(*)::int AS n FROM close_of_day_partition WHERE day BETWEEN $1 AND $2 AND status = 'COMPLETED'`, [from, until]))[0].n;
    expect(parts).toBe(45 * 8);
    expect(await today()).toBe(LocalDate.parse(until).plusDays(1).toString());
    await assertBooksHold('faults:worker-kill', 1);
  }, 240_000);

  it('worker SIGKILLed in the middle of sending reminders: after a restart every due reminder is delivered exactly once', async () => {
    const gateway = new DedupingGateway(100);
    await gateway.start();
    const workerEnv = env({
      NOTIFY_CHANNELS: 'WHATSAPP',
      NOTIFY_GATEWAY_URL: gateway.url,
      NOTIFY_SEND_WINDOW: 'off',
      NOTIFY_JOB_LOCK_MS: '2000',
      NOTIFY_BACKOFF_MS: '50',
      NOTIFY_DISPATCH_INTERVAL_MS: '100',
    });
    try {
      // Loans of its own: the earlier drills' workers send every reminder already past due whenever the wall
      // clock is inside the lawful window (and defer them on Sundays), so what they leave depends on the day.
      for (let i = 0; i < 3; i++) {
        await disbursedLoan(t, { officerToken: officer.token, financeToken: finance.token, productId, amount: '2000000', tenor: 4, valueDate: await today() });
      }
      await ds.query(`UPDATE notification SET scheduled_for = now() - interval '1 minute' WHERE status = 'SCHEDULED'`);
      const dueIds = ((await ds.query(`SELECT id FROM notification WHERE status IN ('SCHEDULED','QUEUED')`)) as { id: string }[]).map((r) => r.id);
      const due = dueIds.length;
      expect(due).toBeGreaterThan(30);
      const first = startWorker(workerEnv);
      const killed = new Promise<void>((resolve) => {
        gateway.onRequest = (count) => {
          if (count === Math.floor(due / 3)) void first.kill('SIGKILL').then(resolve);
        };
      });
      await killed;
      gateway.onRequest = () => undefined;
      expect(first.process.signalCode).toBe('SIGKILL');
      await assertBooksHold('faults:worker-kill', 0, 0);
      const second = startWorker(workerEnv);
      try {
        const deadline = Date.now() + 90_000;
        while (((await ds.query(`SELECT count(*)::int AS n FROM notification WHERE status IN ('SCHEDULED','QUEUED')`)) as { n: number }[])[0].n > 0) {
          if (Date.now() > deadline) throw new Error(`reminders still waiting:\n${second.output.join('')}`);
          await sleep(200);
        }
      } finally {
        await second.kill('SIGTERM');
      }
      const sent = (await ds.query(`SELECT 'reminder:' || installment_id || ':' || kind || ':' || offset_days AS key FROM notification WHERE status = 'SENT' AND id = ANY($1::uuid[])`, [dueIds])) as { key: string }[];
      const failed = ((await ds.query(`SELECT count(*)::int AS n FROM notification WHERE status = 'FAILED'`)) as { n: number }[])[0].n;
      expect(failed).toBe(0);
      const delivered = gateway.requests.filter((r) => r.delivered).map((r) => r.key);
      // Exactly once: each delivered message is one SENT row, none delivered twice (repeats carried a known key).
      expect(delivered).toHaveLength(new Set(delivered).size);
      expect(new Set(sent.map((r) => r.key))).toEqual(new Set(delivered));
    } finally {
      await gateway.stop();
    }
    await assertBooksHold('faults:worker-kill', 1);
  }, 180_000);

  it('PostgreSQL backends terminated under load: answers are 201 or 503 (never 500), retries land once, the api recovers by itself', async () => {
    const admin = new pg.Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
    await admin.connect();
    const requests = Array.from({ length: 160 }, (_, i) => ({ loanId: loans[i % loans.length], key: `pgkill-${randomUUID()}` }));
    const post = (r: (typeof requests)[number]) =>
      t.http().post(`/api/loans/${r.loanId}/repayments`).set({ Authorization: `Bearer ${finance.token}` }).set('Idempotency-Key', r.key).send({ amount: '5000', channel: 'VA', reference: r.key.slice(0, 40) });
    let killing = true;
    let kills = 0;
    const killer = (async () => {
      while (killing) {
        await sleep(150);
        const res = await admin.query(`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [t.db.name]);
        if (res.rows[0].n > 0) kills++;
      }
    })();
    const first = await load(requests.map((r) => async () => ({ status: (await post(r)).status })), 4).finally(() => (killing = false));
    await killer;
    await admin.end();
    const statuses = first.map((a) => a.status);
    expect(kills).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
    // Recovery without a restart: the pool replaces the dead connections; every request retried under its key lands once.
    const retried = await load(requests.map((r) => async () => (await post(r)).status), 4);
    expect(retried).toEqual(requests.map(() => 201));
    const rows = (await ds.query(`SELECT count(*)::int AS n, count(DISTINCT reference)::int AS d FROM loan_transaction WHERE reference LIKE 'pgkill-%'`)) as { n: number; d: number }[];
    expect(rows[0]).toEqual({ n: requests.length, d: requests.length });
    await assertBooksHold('faults:pg-terminate', kills);
  }, 120_000);

  it('Redis stopped for a while: money keeps moving, the api answers without 500s and recovers by itself; a run recorded meanwhile waits and then closes', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    const ownPrefix = uniqueQueuePrefix();
    const ownRedis = `redis://127.0.0.1:${port}`;
    const api = await startApi(env({ REDIS_URL: ownRedis, QUEUE_PREFIX: ownPrefix }));
    const workerEnv = env({ REDIS_URL: ownRedis, QUEUE_PREFIX: ownPrefix, CLOSE_OF_DAY_PARTITIONS: '4' });
    try {
      expect((await send(api.url, 'GET', '/api/health', null)).status).toBe(200);
      await redis.kill('SIGKILL');
      await sleep(500);
      const during: Answer[] = [];
      for (let i = 0; i < 10; i++) {
        during.push(await send(api.url, 'POST', `/api/loans/${loans[i]}/repayments`, finance.token, { amount: '1000', channel: 'TELLER', reference: `redis-down-${i}` }, randomUUID()));
      }
      expect(during.map((a) => a.status)).toEqual(during.map(() => 201));
      const login = await send(api.url, 'POST', '/api/auth/login', null, TEST_ADMIN);
      expect([200, 503]).toContain(login.status);
      const health = await send(api.url, 'GET', '/api/health', null);
      expect([200, 503]).toContain(health.status);
      // A close-of-day asked for while Redis is down is recorded (outbox row), not lost.
      const asked = await send(api.url, 'POST', '/api/close-of-day/runs', t.adminToken, { until: await today() });
      expect([202, 503]).toContain(asked.status);
      // What lives in Redis (the queue board) is unavailable, not broken.
      const board = await send(api.url, 'GET', '/api/admin/queues', t.adminToken);
      expect(board.status).not.toBe(500);
      console.log(`Redis down: repayments ${during.map((a) => a.status).join(',')}, login ${login.status}, health ${health.status} ${JSON.stringify(health.body.info)}, close-of-day request ${asked.status}, queue board ${board.status} ${board.body.code ?? ''}`);

      redis = await startRedis(port);
      const deadline = Date.now() + 30_000;
      while ((await send(api.url, 'GET', '/api/health', null)).status !== 200 || (await send(api.url, 'POST', '/api/auth/login', null, TEST_ADMIN)).status !== 200) {
        if (Date.now() > deadline) throw new Error(`the api did not recover after Redis came back:\n${api.output.join('')}`);
        await sleep(250);
      }
      if (asked.status === 202) {
        // The worker's sweep finds the recorded run without a job, queues it, and closes the day.
        const worker = startWorker(workerEnv);
        try {
          const end = Date.now() + 60_000;
          for (;;) {
            const [r] = (await ds.query(`SELECT status FROM close_of_day_run WHERE id = $1`, [asked.body.id])) as { status: string }[];
            if (r.status === 'COMPLETED') break;
            if (r.status === 'FAILED' || Date.now() > end) throw new Error(`run ${r.status}:\n${worker.output.join('')}`);
            await sleep(200);
          }
        } finally {
          await worker.kill('SIGTERM');
        }
      }
    } finally {
      await api.kill();
      await redis.kill();
    }
    await assertBooksHold('faults:redis-down', 1);
  }, 180_000);
});
