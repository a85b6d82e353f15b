// `npm run bench:load` (issue 10): a throwaway database seeded with LOAD_LOANS loans, the built api
// and worker spawned against it, then HTTP load with autocannon, close-of-day with one and two
// workers, pgbench on the same PostgreSQL in the same run, and the processes' peak memory. Prints a
// table against the targets and merges its figures into bench/results/latest.json.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { createBenchDatabase, seconds } from '../bench-database.js';
import type { Figure } from '../figure.js';
import { tpcb } from '../repayment.bench.js';
import { apiEnvironment, apiScript, callerTokens, ceiling, costed, wholeNumberOption as int } from './api-under-test.js';
import { plainLoad, repaymentLoad, scheduleLoad } from './http-load.js';
import { generatePortfolio } from './portfolio.js';
import { cpuMs, distScript, freePort, peakRssMb, type Service, start, waitForHttp } from './processes.js';
import { printTable, type Row } from './table.js';
import { deleteRedisPrefix } from '../redis-prefix.js';

const LOANS = int('LOAD_LOANS', 100_000);
const DURATION = int('LOAD_DURATION', 60);
const CONNECTIONS = int('LOAD_CONNECTIONS', 32);
const API_REPLICAS = int('LOAD_API_REPLICAS', 1);
const POOL_SIZE = int('LOAD_POOL_SIZE', 16);
const LOG_LEVEL = process.env.LOAD_LOG_LEVEL || 'info';
// The api's old-space cap: left to itself V8 lets garbage pile up to 350 MB under load before a full
// collection; 192 MB (what a container with a 300 MB limit would set) keeps it under the target.
const API_HEAP_MB = int('LOAD_API_HEAP_MB', 192);
const CPU_PROF_DIR = process.env.LOAD_CPU_PROF_DIR || undefined;
const FLOOR_DURATION = Math.min(DURATION, 20); // the bare framework's rate is steady within seconds
const BUSINESS_DATE = '2026-11-02';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

async function waitForRun(base: string, token: string, id: string): Promise<number> {
  for (;;) {
    const res = await fetch(`${base}/api/close-of-day/runs/${id}`, { headers: { authorization: `Bearer ${token}` } });
    const run = (await res.json()) as { status: string; error: string | null; loansProcessed: number };
    if (run.status === 'COMPLETED') return run.loansProcessed;
    if (run.status === 'FAILED') throw new Error(`close-of-day failed: ${run.error}`);
    await sleep(20);
  }
}

/** Closes the business date (one day) through the api and returns the seconds from request to COMPLETED. */
async function closeOneDay(base: string, token: string): Promise<number> {
  const bd = (await (await fetch(`${base}/api/business-date`, { headers: { authorization: `Bearer ${token}` } })).json()) as { date: string };
  const started = process.hrtime.bigint();
  const res = await fetch(`${base}/api/close-of-day/runs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ until: bd.date }),
  });
  if (res.status !== 202) throw new Error(`close-of-day request answered ${res.status}: ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  await waitForRun(base, token, id);
  return seconds(started);
}

async function timedGet(url: string, token: string): Promise<number> {
  const started = process.hrtime.bigint();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return seconds(started) * 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

async function mergeResults(figures: Figure[]): Promise<string> {
  const file = path.resolve(process.cwd(), 'bench', 'results', 'latest.json');
  await mkdir(path.dirname(file), { recursive: true });
  let previous: { figures?: Figure[] } = {};
  try {
    previous = JSON.parse(await readFile(file, 'utf8')) as { figures?: Figure[] };
  } catch {
    // no results yet
  }
  const mine = new Set(figures.map((f) => f.name));
  const merged = [...(previous.figures ?? []).filter((f) => !mine.has(f.name)), ...figures];
  await writeFile(file, `${JSON.stringify({ ...previous, runAt: new Date().toISOString(), node: process.version, figures: merged }, null, 2)}\n`);
  return path.relative(process.cwd(), file);
}

async function main(): Promise<void> {
  const prefix = `lumbung_load_${randomBytes(4).toString('hex')}`;
  const services: Service[] = [];
  const figures: Figure[] = [];
  const rows: Row[] = [];
  const loadAtStart = os.loadavg()[0].toFixed(1);
  const database = await createBenchDatabase('load');
  const client = new pg.Client({ connectionString: database.url });
  try {
    await client.connect();
    let t = process.hrtime.bigint();
    const book = await generatePortfolio(client, { loans: LOANS, businessDate: BUSINESS_DATE, borrowerUsers: Math.min(2000, LOANS / 2) });
    await client.query('VACUUM ANALYZE');
    console.error(`generated ${book.loans} loans, ${book.installments} installments, ${book.journalLines} journal lines in ${round(seconds(t), 1)} s`);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const { env, secret, adminPassword } = apiEnvironment({
      databaseUrl: database.url,
      port,
      poolSize: POOL_SIZE,
      replicas: API_REPLICAS,
      redisUrl: REDIS_URL,
      queuePrefix: prefix,
      logLevel: LOG_LEVEL,
    });
    const api = start('api', apiScript(API_REPLICAS), { ...env, NODE_OPTIONS: `--max-old-space-size=${API_HEAP_MB}` }, { cpuProfDir: CPU_PROF_DIR });
    services.push(api);
    const worker1 = start('worker-1', distScript('apps/worker/src/main.js'), env);
    services.push(worker1);
    await waitForHttp(`${base}/api/health`, api);

    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: adminPassword }) });
    if (!login.ok) throw new Error(`admin login answered ${login.status}`);
    const adminToken = ((await login.json()) as { accessToken: string }).accessToken;
    const { financeToken, borrowerTokens } = await callerTokens(secret, book);

    // Close-of-day: the first close marks the whole generated arrears backlog overdue (not a daily cost), then one ordinary day per worker count.
    t = process.hrtime.bigint();
    await closeOneDay(base, adminToken);
    const backlog = seconds(t);
    const oneWorker = median([await closeOneDay(base, adminToken), await closeOneDay(base, adminToken)]);
    const worker2 = start('worker-2', distScript('apps/worker/src/main.js'), env);
    services.push(worker2);
    await sleep(3000);
    const twoWorkers = median([await closeOneDay(base, adminToken), await closeOneDay(base, adminToken)]);
    const worker2Rss = peakRssMb(worker2.child.pid!);
    await worker2.stop();
    const workerRss = Math.max(peakRssMb(worker1.child.pid!) ?? 0, worker2Rss ?? 0);

    // Five closes rewrote most loan and installment rows: vacuum now, as autovacuum does within a minute or
    // two of a close (or the nightly maintenance), so that the report reads the index-only scans it would
    // in the working day, and the autovacuum the closes trigger is not billed to the repayments and reads
    // measured next (it is a once-a-day cost).
    await client.query('VACUUM ANALYZE');

    // Portfolio report, live, on the whole book: warm once, then the median of ten.
    await timedGet(`${base}/api/reports/portfolio`, adminToken);
    const reportTimes: number[] = [];
    const reportCost = await costed(client, database.name, api, async () => {
      for (let k = 0; k < 10; k++) reportTimes.push(await timedGet(`${base}/api/reports/portfolio`, adminToken));
      return { requests: 10 };
    });
    const report = median(reportTimes);

    // A short warm-up of both paths (JIT, pool, plan caches), on loans the measured run does not use.
    // (a tenth of the active loans at most, so that a small LOAD_LOANS still leaves loans to measure on)
    const warmCount = Math.min(2000, Math.floor(book.activeLoanIds.length / 10));
    const warmLoans = book.activeLoanIds.slice(-warmCount);
    const loadLoans = book.activeLoanIds.slice(0, -warmCount);
    await repaymentLoad(base, financeToken, warmLoans, CONNECTIONS, 5);
    await scheduleLoad(base, borrowerTokens, CONNECTIONS, 5);

    // pgbench on the same server right before and right after the posting, the physical reference the
    // posting rate is divided by. This box is shared and its speed drifts by 2x within minutes
    // (pgbench 1,611 and 3,216 tps 20 minutes apart): the mean of the two brackets the posting.
    const tpsBefore = await tpcb();
    const posting = await costed(client, database.name, api, () => repaymentLoad(base, financeToken, loadLoans, CONNECTIONS, DURATION));
    const tpsAfter = await tpcb();
    const tps = tpsBefore && tpsAfter ? (tpsBefore + tpsAfter) / 2 : null;
    const reads = await costed(client, database.name, api, () => scheduleLoad(base, borrowerTokens, CONNECTIONS, DURATION));
    const apiRss = Math.max(...api.pids().map((p) => peakRssMb(p) ?? 0));
    const scheduleBody = await (await fetch(`${base}/api/me/loans/${borrowerTokens[0].loanId}/schedule`, { headers: { authorization: `Bearer ${borrowerTokens[0].token}` } })).text();

    // The books still balance after the load.
    const [tb] = (await client.query(`SELECT sum(debit)::text AS d, sum(credit)::text AS c FROM journal_line`)).rows as { d: string; c: string }[];
    if (tb.d !== tb.c) throw new Error(`ledger out of balance after the load: ${tb.d} / ${tb.c}`);

    for (const s of [...services].reverse()) await s.stop();
    services.length = 0;

    // The floor for reads, as pgbench is for writes: a bare Nest + Express app answering the same
    // schedule body with no middleware, auth or database, under the same load, with the rest stopped.
    const floorPort = await freePort();
    const floorApp = start('floor', distScript('bench/load/floor-app.js'), { PORT: String(floorPort), FLOOR_BODY: scheduleBody });
    services.push(floorApp);
    await waitForHttp(`http://127.0.0.1:${floorPort}/floor`, floorApp);
    await plainLoad(`http://127.0.0.1:${floorPort}`, '/floor', CONNECTIONS, 3);
    const floorCpu = cpuMs([floorApp.child.pid!]);
    const floor = await plainLoad(`http://127.0.0.1:${floorPort}`, '/floor', CONNECTIONS, FLOOR_DURATION);
    const floorCpuMs = round((cpuMs([floorApp.child.pid!]) - floorCpu) / Math.max(floor.requests, 1), 3);
    await floorApp.stop();
    services.length = 0;

    const postName = `load.http.repayment.${CONNECTIONS}_conn`;
    figures.push(
      { name: `${postName}.rps`, value: posting.perSecond, unit: 'req/s', ...(tps ? { ratio: round(posting.perSecond / tps, 3), baseline: 'load.pgbench.tpcb_like.8_clients' } : {}) },
      { name: `${postName}.p50`, value: posting.p50, unit: 'ms' },
      { name: `${postName}.p99`, value: posting.p99, unit: 'ms' },
      { name: `${postName}.errors`, value: posting.errors, unit: 'requests' },
      { name: `${postName}.api_cpu_per_request`, value: posting.apiCpuMs, unit: 'ms' },
      { name: `${postName}.postgres_cpu_per_request`, value: posting.pgCpuMs, unit: 'ms' },
      { name: `load.http.me_schedule.${CONNECTIONS}_conn.api_cpu_per_request`, value: reads.apiCpuMs, unit: 'ms' },
      { name: `load.http.me_schedule.${CONNECTIONS}_conn.postgres_cpu_per_request`, value: reads.pgCpuMs, unit: 'ms' },
      { name: `${postName}.cpu_ceiling`, value: ceiling(posting), unit: 'req/s' },
      { name: `load.http.me_schedule.${CONNECTIONS}_conn.cpu_ceiling`, value: ceiling(reads), unit: 'req/s' },
      {
        name: `load.http.me_schedule.${CONNECTIONS}_conn.rps`,
        value: reads.perSecond,
        unit: 'req/s',
        ratio: round(reads.perSecond / Math.max(floor.perSecond, 1), 3),
        baseline: `load.http.framework_floor.${CONNECTIONS}_conn.rps`,
      },
      { name: `load.http.me_schedule.${CONNECTIONS}_conn.p50`, value: reads.p50, unit: 'ms' },
      { name: `load.http.me_schedule.${CONNECTIONS}_conn.p99`, value: reads.p99, unit: 'ms' },
      { name: `load.http.me_schedule.${CONNECTIONS}_conn.errors`, value: reads.errors, unit: 'requests' },
      { name: `load.http.framework_floor.${CONNECTIONS}_conn.rps`, value: floor.perSecond, unit: 'req/s' },
      { name: `load.http.framework_floor.${CONNECTIONS}_conn.cpu_per_request`, value: floorCpuMs, unit: 'ms' },
      { name: `load.http.reports_portfolio.${LOANS}_loans`, value: round(report, 1), unit: 'ms' },
      { name: `load.http.reports_portfolio.${LOANS}_loans.postgres_cpu`, value: reportCost.pgCpuMs, unit: 'ms' },
      { name: `load.close_of_day.${LOANS}_loans.1_worker`, value: round(oneWorker, 3), unit: 's' },
      { name: `load.close_of_day.${LOANS}_loans.2_workers`, value: round(twoWorkers, 3), unit: 's', ratio: round(twoWorkers / oneWorker, 3), baseline: `load.close_of_day.${LOANS}_loans.1_worker` },
      { name: `load.close_of_day.${LOANS}_loans.first_day_backlog`, value: round(backlog, 3), unit: 's' },
      { name: 'load.rss.api_peak', value: apiRss, unit: 'MB' },
      { name: 'load.rss.worker_peak', value: workerRss, unit: 'MB' },
    );
    if (tps)
      figures.push(
        { name: 'load.pgbench.tpcb_like.8_clients', value: Math.round(tps), unit: 'tps' },
        { name: 'load.pgbench.tpcb_like.8_clients.before_posting', value: Math.round(tpsBefore!), unit: 'tps' },
        { name: 'load.pgbench.tpcb_like.8_clients.after_posting', value: Math.round(tpsAfter!), unit: 'tps' },
      );

    rows.push(
      { figure: `POST repayments (${CONNECTIONS} conn, ${DURATION} s)`, value: `${posting.perSecond}/s`, target: '>= 1000/s', ok: posting.perSecond >= 1000 },
      { figure: '  p50 / p99', value: `${posting.p50} / ${posting.p99} ms`, target: 'p99 < 100 ms', ok: posting.p99 < 100 },
      { figure: '  errors', value: `${posting.errors}`, target: '0', ok: posting.errors === 0 },
      {
        figure: '  ratio to pgbench TPC-B (8 clients)',
        value: tps ? `${round(posting.perSecond / tps, 3)} (${Math.round(tps)} tps: ${Math.round(tpsBefore!)} before, ${Math.round(tpsAfter!)} after)` : 'no pgbench',
        target: '>= 0.10',
        ok: tps ? posting.perSecond / tps >= 0.1 : false,
      },
      { figure: '  CPU per repayment: api / PostgreSQL', value: `${posting.apiCpuMs} / ${posting.pgCpuMs} ms`, target: '-', ok: true },
      // What the machine could do if it ran nothing else: its cores' CPU-ms per second over the CPU-ms one request costs.
      { figure: '  ceiling if all cores were ours', value: `${ceiling(posting)}/s`, target: '>= 1000/s', ok: ceiling(posting) >= 1000 },
      { figure: `GET /me/loans/:id/schedule (${CONNECTIONS} conn)`, value: `${reads.perSecond}/s`, target: '>= 3000/s', ok: reads.perSecond >= 3000 },
      { figure: '  p50 / p99', value: `${reads.p50} / ${reads.p99} ms`, target: 'p99 < 30 ms', ok: reads.p99 < 30 && reads.errors === 0 },
      { figure: '  CPU per read: api / PostgreSQL', value: `${reads.apiCpuMs} / ${reads.pgCpuMs} ms`, target: '-', ok: true },
      { figure: '  ceiling if all cores were ours', value: `${ceiling(reads)}/s`, target: '>= 3000/s', ok: ceiling(reads) >= 3000 },
      // The most any read on this stack could reach here: Nest + Express alone, same body, same load.
      { figure: '  floor: bare Nest + Express, same body', value: `${floor.perSecond}/s (${floorCpuMs} ms CPU each)`, target: '>= 3000/s', ok: floor.perSecond >= 3000 },
      { figure: '  reads as a share of that floor', value: `${round(reads.perSecond / Math.max(floor.perSecond, 1), 3)}`, target: '-', ok: true },
      { figure: `GET /reports/portfolio (${LOANS} loans)`, value: `${round(report, 1)} ms`, target: '< 300 ms', ok: report < 300 },
      { figure: '  CPU per report: api / PostgreSQL (parallel workers not counted)', value: `${reportCost.apiCpuMs} / ${reportCost.pgCpuMs} ms`, target: '-', ok: true },
      { figure: `close-of-day, ${LOANS} loans, 1 worker`, value: `${round(oneWorker, 2)} s`, target: '< 15 s', ok: oneWorker < 15 },
      { figure: `close-of-day, ${LOANS} loans, 2 workers`, value: `${round(twoWorkers, 2)} s (x${round(oneWorker / twoWorkers, 2)})`, target: 'faster than 1', ok: twoWorkers < oneWorker },
      { figure: 'api peak RSS', value: `${apiRss} MB${API_REPLICAS > 1 ? ' per replica' : ''}`, target: '< 300 MB', ok: apiRss < 300 },
      { figure: 'worker peak RSS', value: `${workerRss} MB`, target: '-', ok: true },
    );
    if (posting.samples.length) console.error('repayment errors, first answers:', posting.samples);
    if (reads.samples.length) console.error('schedule errors, first answers:', reads.samples);
    printTable(rows, {
      date: new Date().toISOString().slice(0, 16).replace('T', ' '),
      machine: `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, load average ${loadAtStart} at start / ${os.loadavg()[0].toFixed(1)} at end`,
      setup: `${API_REPLICAS} api process(es), pool ${POOL_SIZE} each, old space ${API_HEAP_MB} MB, LOG_LEVEL=${LOG_LEVEL}; ${book.loans} loans, ${book.installments} installments`,
    });
    // A run with several api processes keeps its figures apart from the single-process ones it would replace.
    const tag = (name: string) => (API_REPLICAS > 1 ? name.replace(/^load\./, `load.${API_REPLICAS}_api_replicas.`) : name);
    const tagged = figures.map((f) => ({ ...f, name: tag(f.name), ...(f.baseline ? { baseline: tag(f.baseline) } : {}) }));
    console.error(`wrote ${tagged.length} figure(s) to ${await mergeResults(tagged)}`);
  } finally {
    for (const s of services.reverse()) await s.stop().catch(() => undefined);
    await client.end().catch(() => undefined);
    await database.drop().catch(() => undefined);
    await deleteRedisPrefix(REDIS_URL, prefix).catch(() => undefined);
  }
}

await main();
