// Throwaway PostgreSQL databases for the benchmarks (not a *.bench.ts file: bench/run.ts does not run it).
// The server is BENCH_PG_ADMIN_URL's (default the local one); its role must be allowed to create databases.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runMigrations } from '../migrations/data-source.js';

export interface BenchDatabase {
  name: string;
  url: string;
  /** Terminates its connections and drops it. */
  drop(): Promise<void>;
}

export function benchAdminUrl(): string {
  return process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

async function adminQuery(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: benchAdminUrl() });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Creates `lumbung_bench_<label>_<random>` and (unless `migrate` is false) runs the migrations on it; dropped again if they fail. */
export async function createBenchDatabase(label: string, { migrate = true }: { migrate?: boolean } = {}): Promise<BenchDatabase> {
  const name = `lumbung_bench_${label}_${randomBytes(4).toString('hex')}`;
  const u = new URL(benchAdminUrl());
  u.pathname = `/${name}`;
  const url = u.toString();
  await adminQuery(`CREATE DATABASE "${name}"`);
  const drop = () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  if (migrate) {
    try {
      await runMigrations(url);
    } catch (e) {
      await drop().catch(() => undefined);
      throw e;
    }
  }
  return { name, url, drop };
}

/** Seconds since `start` (a process.hrtime.bigint()), through the string: the repo bans the Number constructor call. */
export function seconds(start: bigint): number {
  return Number.parseInt((process.hrtime.bigint() - start).toString(), 10) / 1e9;
}
