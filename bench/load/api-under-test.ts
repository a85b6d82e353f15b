// The built api as the load benchmarks run it, and what they measure it by: its environment against a
// throwaway database, callers' tokens signed with its secret, and CPU per request of the api and of
// PostgreSQL. Shared by `npm run bench:load` (main.ts) and `npm run bench:probe` (probe.ts).
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { JwtService } from '@nestjs/jwt';
import type pg from 'pg';
import type { LoadPortfolio } from './portfolio.js';
import { cpuMs, distScript, type Service } from './processes.js';

export interface ApiUnderTest {
  databaseUrl: string;
  port: number;
  poolSize: number;
  replicas: number;
  redisUrl: string;
  queuePrefix: string;
  logLevel: string;
}

/** The api's (and worker's) environment: migrations already applied, no automatic close, fresh secrets. */
export function apiEnvironment(a: ApiUnderTest): { env: Record<string, string>; secret: string; adminPassword: string } {
  const secret = randomBytes(32).toString('hex');
  const adminPassword = randomBytes(12).toString('hex');
  const env = {
    NODE_ENV: 'production',
    PORT: String(a.port),
    DATABASE_URL: a.databaseUrl,
    DATABASE_POOL_SIZE: String(a.poolSize),
    REDIS_URL: a.redisUrl,
    QUEUE_PREFIX: a.queuePrefix,
    LOG_LEVEL: a.logLevel,
    RUN_MIGRATIONS: 'false',
    CLOSE_OF_DAY_AUTO: 'false',
    JWT_SECRET: secret,
    JWT_TTL_SECONDS: '86400',
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: adminPassword,
    API_REPLICAS: String(a.replicas),
  };
  return { env, secret, adminPassword };
}

/** A whole-number option from the environment (LOAD_*, PROBE_*), or `fallback` when unset or empty. */
export function wholeNumberOption(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  if (!/^\d+$/.test(v)) throw new Error(`${name} must be a whole number (got ${JSON.stringify(v)})`);
  return Number.parseInt(v, 10);
}

/** One api process, or `replicas` of them on one port through node:cluster. */
export const apiScript = (replicas: number) => (replicas > 1 ? distScript('bench/load/api-cluster.js') : distScript('apps/api/src/main.js'));

/**
 * The finance user's token and one per borrower with a login, signed with the api's secret: 2,000
 * password checks would measure argon2, not Lumbung.
 */
export async function callerTokens(secret: string, book: LoadPortfolio): Promise<{ financeToken: string; borrowerTokens: { token: string; loanId: string }[] }> {
  const jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256', expiresIn: 86400 } });
  const financeToken = await jwt.signAsync({ sub: book.financeUserId, username: 'bendahara-load', roles: ['finance'] });
  const borrowerTokens = await Promise.all(
    book.borrowers.map(async (b, k) => ({ loanId: b.loanId, token: await jwt.signAsync({ sub: b.userId, username: `peminjam-${k}`, roles: ['borrower'] }) })),
  );
  return { financeToken, borrowerTokens };
}

/** The api's and PostgreSQL's CPU ms per request over `run`: what a request costs, however busy the machine is. */
export async function costed<T extends { requests: number }>(
  client: pg.Client,
  dbName: string,
  api: Service,
  run: () => Promise<T>,
): Promise<T & { apiCpuMs: number; pgCpuMs: number }> {
  const backends = async () => ((await client.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [dbName])).rows as { pid: number }[]).map((r) => r.pid);
  const apiPids = () => [api.child.pid!, ...api.pids().filter((p) => p !== api.child.pid)];
  const pgBefore = new Map((await backends()).map((pid) => [pid, cpuMs([pid])]));
  const apiBefore = cpuMs(apiPids());
  const result = await run();
  const apiUsed = cpuMs(apiPids()) - apiBefore;
  const pgUsed = (await backends()).reduce((sum, pid) => sum + cpuMs([pid]) - (pgBefore.get(pid) ?? 0), 0);
  const per = (ms: number) => Math.round((ms / Math.max(result.requests, 1)) * 100) / 100;
  return { ...result, apiCpuMs: per(apiUsed), pgCpuMs: per(pgUsed) };
}

/** What the machine could do if it ran nothing else: its cores' CPU-ms per second over the CPU-ms one request costs. */
export const ceiling = (r: { apiCpuMs: number; pgCpuMs: number }) => Math.round((os.cpus().length * 1000) / Math.max(r.apiCpuMs + r.pgCpuMs, 0.01));
