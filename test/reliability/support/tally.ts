// The reliability suite's scoreboard. Every reliability spec adds what it did (scenarios run, faults injected,
// requests fuzzed, invariant violations found) with `tally(...)`; `npm run test:reliability` sums the files
// into the table it prints. Each call appends one JSON line to a file of its own process, so parallel Jest
// workers never write the same file.
import fs from 'node:fs';
import path from 'node:path';

export interface Tally {
  /** Which part of the suite counted this (e.g. "model", "fuzz", "faults:api-kill"). */
  area: string;
  scenarios?: number;
  faultsInjected?: number;
  requestsFuzzed?: number;
  violations?: number;
}

/** Where the tallies go: RELIABILITY_TALLY_DIR when the runner sets it, else a folder under the OS temp dir. */
export function tallyDir(): string {
  return process.env.RELIABILITY_TALLY_DIR ?? path.join(process.env.TMPDIR ?? '/tmp', 'lumbung-reliability-tally');
}

export function tally(entry: Tally): void {
  const dir = tallyDir();
  fs.mkdirSync(dir, { recursive: true });
  fs.appendFileSync(path.join(dir, `tally-${process.pid}.jsonl`), `${JSON.stringify(entry)}\n`);
}

/** Every tally line written into `dir` so far. */
export function readTallies(dir = tallyDir()): Tally[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => fs.readFileSync(path.join(dir, name), 'utf8').split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Tally);
}
