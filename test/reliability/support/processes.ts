// Real processes for the fault drills: the compiled api and worker (dist/, built by the runner or the
// spec's beforeAll) and a Redis server of the spec's own on a free port (the shared one at 6379 is
// never stopped). Every child is started here and killed by its own handle.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Child {
  process: ChildProcess;
  output: string[];
  /** Resolves when the process has exited (at once if it already has). */
  exited(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Compiles the checkout into dist/ (incremental, a few seconds): the children run what this checkout holds. */
export function buildDist(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'pipe' });
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function startChild(command: string, args: string[], env: Record<string, string>): Child {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = () => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve())));
  return {
    process: child,
    output,
    exited,
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited();
    },
  };
}

/** The env every spawned api or worker gets: the test database, a queue prefix, quiet logs, no auto close. */
export function serviceEnv(opts: { databaseUrl: string; redisUrl: string; queuePrefix: string; admin: { username: string; password: string } }): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: opts.databaseUrl,
    DATABASE_POOL_SIZE: '10',
    REDIS_URL: opts.redisUrl,
    QUEUE_PREFIX: opts.queuePrefix,
    LOG_LEVEL: 'silent',
    RUN_MIGRATIONS: 'false',
    ADMIN_USERNAME: opts.admin.username,
    ADMIN_PASSWORD: opts.admin.password,
    LOGIN_THROTTLE_LIMIT: '1000',
    CLOSE_OF_DAY_AUTO: 'false',
  };
}

/** The compiled api on a free port; resolves once /api/health answers (any status: Redis may be down on purpose). */
export async function startApi(env: Record<string, string>): Promise<Child & { url: string }> {
  const port = await freePort();
  const child = startChild(process.execPath, ['dist/apps/api/src/main.js'], { ...env, PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.process.exitCode !== null) throw new Error(`api exited with ${child.process.exitCode}:\n${child.output.join('')}`);
    try {
      await fetch(`${url}/api/health`);
      return Object.assign(child, { url });
    } catch {
      if (Date.now() > deadline) throw new Error(`api did not answer within 30 s:\n${child.output.join('')}`);
      await sleep(100);
    }
  }
}

export function startWorker(env: Record<string, string>): Child {
  return startChild(process.execPath, ['dist/apps/worker/src/main.js'], env);
}

/** A throwaway redis-server (no persistence) on `port`. */
export async function startRedis(port: number): Promise<Child> {
  const child = startChild('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {});
  const deadline = Date.now() + 10_000;
  while (!child.output.join('').includes('Ready to accept connections')) {
    if (child.process.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start:\n${child.output.join('')}`);
    await sleep(50);
  }
  return child;
}

export interface Answer {
  status: number;
  body: Record<string, unknown> & { code?: string };
}

/** A JSON request; a dead server or a cut connection is status 0, never a throw. */
export async function send(url: string, method: string, path: string, token: string | null, body?: unknown, key?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (key) headers['idempotency-key'] = key;
  try {
    const res = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(20_000) });
    const text = await res.text();
    try {
      return { status: res.status, body: text ? (JSON.parse(text) as Answer['body']) : {} };
    } catch {
      return { status: res.status, body: { text: text.slice(0, 200) } };
    }
  } catch {
    return { status: 0, body: {} };
  }
}
