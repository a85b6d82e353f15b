// The worker process as it boots in production (WorkerModule as an application context): it consumes
// the system queue under its own prefix, advertises itself with a heartbeat key while it runs, and on
// close finishes the job in hand before letting go.
import 'reflect-metadata';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { JOBS, type PingPayload, QUEUES, WORKER_HEARTBEAT_TTL_SECONDS, workerHeartbeatKey } from '#platform';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Process, Processor } from '@nestjs/bull';
import Bull from 'bull';
import { Redis } from 'ioredis';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { cleanupRedisPrefix, uniqueQueuePrefix } from '../support/redis.js';

const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

interface PingResult {
  pong: string;
  sentAt: string;
  pid: number;
}

let db: TestDatabase;
let redis: Redis;
const prefixes: string[] = [];
const producers: Bull.Queue[] = [];
const savedEnv = { ...process.env };

/** Boots `module` the way apps/worker/src/main.ts does, on a fresh queue prefix. */
async function bootWorker(module: unknown = WorkerModule): Promise<{ app: INestApplicationContext; prefix: string; queue: Bull.Queue }> {
  const prefix = uniqueQueuePrefix();
  prefixes.push(prefix);
  // PlatformModule's config reads process.env when the module initialises.
  Object.assign(process.env, { NODE_ENV: 'test', DATABASE_URL: db.url, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix, LOG_LEVEL: 'silent' });
  const app = await NestFactory.createApplicationContext(module as typeof WorkerModule, { logger: false });
  await app.init();
  return { app, prefix, queue: producer(prefix) };
}

/** A producer of its own, as the api would hold one. */
function producer(prefix: string): Bull.Queue {
  const queue = new Bull(QUEUES.SYSTEM, redisUrl, { prefix });
  queue.setMaxListeners(100); // each job.finished() listens for the queue's global events
  producers.push(queue);
  return queue;
}

async function workerKeys(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:workers:*`, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys;
}

/** Polls until the job is in one of `states`; resolves to the state it found. */
async function waitForState(job: Bull.Job, states: string[], timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await job.getState();
    if (states.includes(state)) return state;
    if (Date.now() > deadline) throw new Error(`job ${job.id} stayed ${state}, expected ${states.join('/')}`);
    await sleep(5);
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  redis = new Redis(redisUrl);
});

afterAll(async () => {
  await Promise.all(producers.map((q) => q.close().catch(() => undefined)));
  for (const prefix of prefixes) await cleanupRedisPrefix(prefix);
  await redis?.quit();
  await db?.drop();
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'QUEUE_PREFIX', 'LOG_LEVEL', 'NODE_ENV']) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
});

describe('worker', () => {
  let app: INestApplicationContext | undefined;
  let prefix: string;
  let queue: Bull.Queue;

  beforeAll(async () => {
    ({ app, prefix, queue } = await bootWorker());
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers a ping job on the system queue', async () => {
    const sentAt = new Date().toISOString();
    const job = await queue.add(JOBS.PING, { sentAt } satisfies PingPayload);
    const result = (await job.finished()) as PingResult;
    expect(result.sentAt).toBe(sentAt);
    expect(result.pid).toBe(process.pid);
    expect(Number.isNaN(Date.parse(result.pong))).toBe(false);
    expect(result.pong >= sentAt).toBe(true);
    await expect(job.getState()).resolves.toBe('completed');
  });

  it('answers many pings, each with its own payload', async () => {
    const jobs = await Promise.all(Array.from({ length: 20 }, (_, i) => queue.add(JOBS.PING, { sentAt: `2026-03-02T00:00:${String(i).padStart(2, '0')}.000Z` })));
    const results = (await Promise.all(jobs.map((j) => j.finished()))) as PingResult[];
    expect(results.map((r) => r.sentAt)).toEqual(jobs.map((j) => (j.data as PingPayload).sentAt));
  });

  it('keeps a heartbeat key with a TTL under its prefix while it runs', async () => {
    const key = workerHeartbeatKey(prefix, `${hostname()}:${process.pid}`);
    expect(await workerKeys(prefix)).toEqual([key]);
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(WORKER_HEARTBEAT_TTL_SECONDS);
    expect(Number.isNaN(Date.parse((await redis.get(key))!))).toBe(false);
  });

  it('does not take jobs queued under another prefix (another deployment or test run)', async () => {
    const foreignPrefix = uniqueQueuePrefix();
    prefixes.push(foreignPrefix);
    const foreign = await producer(foreignPrefix).add(JOBS.PING, { sentAt: new Date().toISOString() });
    // A ping of our own, queued after the foreign one, completes: the worker is consuming ...
    await (await queue.add(JOBS.PING, { sentAt: new Date().toISOString() })).finished();
    // ... and the foreign job is still waiting for a worker of its own.
    await expect(foreign.getState()).resolves.toBe('waiting');
  });

  it('on close removes its heartbeat key and finishes a ping that is already active', async () => {
    const job = await queue.add(JOBS.PING, { sentAt: new Date().toISOString() });
    await waitForState(job, ['active', 'completed']);
    const closing = app!.close();
    app = undefined;
    const result = (await job.finished()) as PingResult;
    expect(result.pid).toBe(process.pid);
    await closing;
    await expect(job.getState()).resolves.toBe('completed');
    expect(await workerKeys(prefix)).toEqual([]);
  });

  it('after close, nobody consumes the queue any more', async () => {
    const job = await queue.add(JOBS.PING, { sentAt: new Date().toISOString() });
    await sleep(300);
    await expect(job.getState()).resolves.toBe('waiting');
  });
});

// A ping finishes in microseconds, so "active when close() is called" is hard to hit with it alone. A
// test-only handler on the same queue of the same worker module holds a job for long enough to close
// the app in the middle of it.
const SLOW_JOB = 'test-slow';
const SLOW_MS = 800;
const events: string[] = [];

@Processor(QUEUES.SYSTEM)
class SlowProcessor {
  @Process(SLOW_JOB)
  async slow(job: Bull.Job<{ tag: string }>): Promise<{ tag: string }> {
    events.push('job started');
    await sleep(SLOW_MS);
    events.push('job finished');
    return { tag: job.data.tag };
  }
}

@Module({ imports: [WorkerModule], providers: [SlowProcessor] })
class WorkerWithSlowJob {}

describe('worker graceful shutdown', () => {
  it('lets a job that is active when close() is called run to completion before close() resolves', async () => {
    const { app, prefix, queue } = await bootWorker(WorkerWithSlowJob);
    let closed = false;
    try {
      const job = await queue.add(SLOW_JOB, { tag: 'in-flight' });
      await waitForState(job, ['active']);
      expect(events).toEqual(['job started']);
      expect(await workerKeys(prefix)).toHaveLength(1);

      const closing = app.close().then(() => {
        events.push('app closed');
        closed = true;
      });
      await expect(job.finished()).resolves.toEqual({ tag: 'in-flight' });
      await closing;
      expect(events).toEqual(['job started', 'job finished', 'app closed']);
      await expect(job.getState()).resolves.toBe('completed');
      expect(await workerKeys(prefix)).toEqual([]);
    } finally {
      if (!closed) await app.close().catch(() => undefined);
    }
  }, 20_000);
});
