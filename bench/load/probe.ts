// `npm run bench:probe`: one of bench:load's two HTTP paths alone, short and repeatable, to measure a
// lever in alternating runs with and without it (docs/scaling.md, "Where the next bottleneck is"). It
// seeds a smaller portfolio, starts the built api, warms the path up and runs PROBE_ROUNDS rounds, each
// printed as one JSON line: rate, p50/p99, errors and the CPU ms per request of the api and of
// PostgreSQL. CPU per request is the figure to compare: the rate follows the machine's drift.
//
// PROBE_MODE=repayments|reads (repayments), PROBE_LOANS (18000), PROBE_DURATION (12 s), PROBE_ROUNDS (2),
// PROBE_NODE_OPTIONS (added to the api's, e.g. --perf-basic-prof), and LOAD_CONNECTIONS, LOAD_POOL_SIZE,
// LOAD_API_REPLICAS, LOAD_API_HEAP_MB, LOAD_LOG_LEVEL as for bench:load. When the server preloads
// pg_stat_statements, each round also prints the statements that took the most time.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createBenchDatabase } from '../bench-database.js';
import { deleteRedisPrefix } from '../redis-prefix.js';
import { apiEnvironment, apiScript, callerTokens, costed, wholeNumberOption as int } from './api-under-test.js';
import { type LoadResult, repaymentLoad, scheduleLoad } from './http-load.js';
import { generatePortfolio } from './portfolio.js';
import { freePort, type Service, start, waitForHttp } from './processes.js';

const MODE = process.env.PROBE_MODE || 'repayments';
if (MODE !== 'repayments' && MODE !== 'reads') throw new Error(`PROBE_MODE must be repayments or reads (got ${JSON.stringify(MODE)})`);
const LOANS = int('PROBE_LOANS', 18_000);
const DURATION = int('PROBE_DURATION', 12);
const ROUNDS = int('PROBE_ROUNDS', 2);
const CONNECTIONS = int('LOAD_CONNECTIONS', 32);
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const WARM_UP = 3;

/** Whether the server preloads pg_stat_statements (its view exists only then, once the extension is created). */
async function statementsTracked(client: pg.Client): Promise<boolean> {
  const [{ preload }] = (await client.query(`SELECT current_setting('shared_preload_libraries') AS preload`)).rows as { preload: string }[];
  return preload.includes('pg_stat_statements');
}

/** The statements of this database that took the most time since the last reset. */
async function statementRanking(client: pg.Client): Promise<unknown[]> {
  const { rows } = await client.query(
    `SELECT calls, round((total_exec_time / calls)::numeric, 3)::text AS ms_per_call, left(regexp_replace(query, '\\s+', ' ', 'g'), 100) AS statement
       FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
      ORDER BY total_exec_time DESC LIMIT 15`,
  );
  return rows;
}

async function main(): Promise<void> {
  const prefix = `lumbung_probe_${randomBytes(4).toString('hex')}`;
  const database = await createBenchDatabase('probe');
  const client = new pg.Client({ connectionString: database.url });
  let api: Service | undefined;
  try {
    await client.connect();
    const book = await generatePortfolio(client, { loans: LOANS, businessDate: '2026-11-02', borrowerUsers: Math.min(2000, LOANS / 2) });
    await client.query('VACUUM ANALYZE');
    const ranking = await statementsTracked(client);
    if (ranking) await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const replicas = int('LOAD_API_REPLICAS', 1);
    const { env, secret } = apiEnvironment({
      databaseUrl: database.url,
      port,
      poolSize: int('LOAD_POOL_SIZE', 16),
      replicas,
      redisUrl: REDIS_URL,
      queuePrefix: prefix,
      logLevel: process.env.LOAD_LOG_LEVEL || 'info',
    });
    const nodeOptions = `--max-old-space-size=${int('LOAD_API_HEAP_MB', 192)} ${process.env.PROBE_NODE_OPTIONS ?? ''}`.trim();
    const running = start('api', apiScript(replicas), { ...env, NODE_OPTIONS: nodeOptions });
    api = running;
    await waitForHttp(`${base}/api/health`, running);
    const { financeToken, borrowerTokens } = await callerTokens(secret, book);

    // Each repayment round posts once to each of its own loans, as bench:load does: no loan is paid twice.
    const unused = [...book.activeLoanIds];
    const perRound = Math.floor(unused.length / (ROUNDS + 1));
    const load = (seconds: number): Promise<LoadResult> =>
      MODE === 'reads' ? scheduleLoad(base, borrowerTokens, CONNECTIONS, seconds) : repaymentLoad(base, financeToken, unused.splice(0, perRound), CONNECTIONS, seconds);

    await load(WARM_UP);
    for (let round = 1; round <= ROUNDS; round++) {
      if (ranking) await client.query('SELECT pg_stat_statements_reset()');
      const r = await costed(client, database.name, running, () => load(DURATION));
      const line = { mode: MODE, round, perSecond: r.perSecond, p50: r.p50, p99: r.p99, errors: r.errors, apiCpuMs: r.apiCpuMs, pgCpuMs: r.pgCpuMs };
      console.log(JSON.stringify(line));
      if (r.samples.length) console.error('unexpected answers:', r.samples);
      if (MODE === 'repayments' && r.requests > perRound) console.error(`round ${round} posted ${r.requests} times to ${perRound} loans: raise PROBE_LOANS`);
      if (ranking) console.table(await statementRanking(client));
    }
  } finally {
    await api?.stop().catch(() => undefined);
    await client.end().catch(() => undefined);
    await database.drop().catch(() => undefined);
    await deleteRedisPrefix(REDIS_URL, prefix).catch(() => undefined);
  }
}

await main();
