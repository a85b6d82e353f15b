// `npm run test:reliability`: every reliability spec (test/reliability/**/*.reliability.spec.ts, the
// money model, faults, concurrency, fuzzing, authorization...) in one Jest run, then the table the
// specs' tallies add up to. Exits non-zero on any invariant violation or any failed test.
//   RELIABILITY_JSON=path   where Jest's --json report goes (default: a temp dir)
// Extra arguments go to Jest (e.g. `npm run test:reliability -- faults`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lumbung-reliability-'));
const tallyDir = path.join(work, 'tally');
const jsonFile = process.env.RELIABILITY_JSON ?? path.join(work, 'jest.json');
const started = Date.now();

// The fault drills spawn the compiled api and worker: build what this checkout holds first.
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const jest = spawnSync(
  process.execPath,
  ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '-c', 'jest.reliability.config.mjs', '--json', `--outputFile=${jsonFile}`, ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, RELIABILITY_TALLY_DIR: tallyDir } },
);

const tallies = fs.existsSync(tallyDir)
  ? fs
      .readdirSync(tallyDir)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => fs.readFileSync(path.join(tallyDir, f), 'utf8').split('\n'))
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l))
  : [];
const report = fs.existsSync(jsonFile) ? JSON.parse(fs.readFileSync(jsonFile, 'utf8')) : null;

const columns = ['scenarios', 'faultsInjected', 'requestsFuzzed', 'violations'];
const byArea = new Map();
for (const t of tallies) {
  const row = byArea.get(t.area) ?? Object.fromEntries(columns.map((c) => [c, 0]));
  for (const c of columns) row[c] += Number.isInteger(t[c]) ? t[c] : 0;
  byArea.set(t.area, row);
}
const total = Object.fromEntries(columns.map((c) => [c, [...byArea.values()].reduce((s, r) => s + r[c], 0)]));
const headers = ['area', 'scenarios run', 'faults injected', 'requests fuzzed', 'invariant violations'];
const rows = [...[...byArea].sort(([a], [b]) => a.localeCompare(b)).map(([area, r]) => [area, ...columns.map((c) => String(r[c]))]), ['TOTAL', ...columns.map((c) => String(total[c]))]];
const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');

const passed = report?.numPassedTests ?? 0;
const failed = (report?.numFailedTests ?? 0) + (report?.numRuntimeErrorTestSuites ?? 0);
console.log(`\nReliability suite (${Math.round((Date.now() - started) / 1000)} s)\n`);
console.log(line(headers));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows.slice(0, -1)) console.log(line(r));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
console.log(line(rows[rows.length - 1]));
console.log(`\njest: ${report?.numTotalTestSuites ?? 0} suites, ${passed} passed, ${failed} failed${report ? '' : ' (no Jest report: the run did not complete)'}`);
console.log(`${passed} passed, ${failed} failed`);

const ok = jest.status === 0 && report !== null && failed === 0 && total.violations === 0;
if (total.violations > 0) console.log(`FAILED: ${total.violations} invariant violation(s)`);
process.exit(ok ? 0 : 1);
