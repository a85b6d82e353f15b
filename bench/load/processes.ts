// The api and worker processes the load benchmark drives: built ones (dist/), spawned with their own
// port, database and queue prefix, and killed by pid at the end. Peak memory is the kernel's VmHWM.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Service {
  name: string;
  child: ChildProcess;
  /** Pids whose memory counts: the process itself, or a cluster primary's workers. */
  pids(): number[];
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Peak resident set of a live process in MB (VmHWM), or null once it is gone. */
export function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number.parseInt(m[1], 10) / 1024) : null;
  } catch {
    return null;
  }
}

/** Child pids of `pid` (a cluster primary's workers), from /proc. */
function childrenOf(pid: number): number[] {
  try {
    const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return tasks ? tasks.split(/\s+/).map((p) => Number.parseInt(p, 10)) : [];
  } catch {
    return [];
  }
}

export function start(name: string, script: string, env: Record<string, string>, { cpuProfDir }: { cpuProfDir?: string } = {}): Service {
  const args = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`, script] : [script];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  child.once('exit', (code, signal) => {
    if (code && code !== 0) console.error(`${name} exited with ${code ?? signal}: ${stderr}`);
  });
  return {
    name,
    child,
    pids: () => {
      const kids = childrenOf(child.pid!);
      return kids.length ? kids : [child.pid!];
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const done = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
      if (!done) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

export const distScript = (relative: string) => path.resolve(process.cwd(), 'dist', relative);

/** Waits until GET <url> answers 200 (the api's health), or fails with the process's exit. */
export async function waitForHttp(url: string, service: Service, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null) throw new Error(`${service.name} exited before answering ${url}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${service.name} did not answer ${url} within ${timeoutMs} ms`);
}

const CLOCK_TICKS_PER_MS = 100 / 1000; // USER_HZ is 100 on Linux

/** CPU time (user + system) in ms the processes have used so far: per-request costs that survive a noisy machine. */
export function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the command name, which is in parentheses and may contain spaces.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number.parseInt(fields[11], 10) + Number.parseInt(fields[12], 10);
    } catch {
      // gone
    }
  }
  return ticks / CLOCK_TICKS_PER_MS;
}
