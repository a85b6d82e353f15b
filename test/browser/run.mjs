// `npm run test:browser` (after building): runs the Playwright journeys on a free port and ends with the
// line CI counts, `N passed, N failed` (from test-results/browser/results.json). Arguments are passed to
// Playwright (`npm run test:browser -- --project=phone test/browser/login.spec.ts`).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/**
 * test-results/browser, unless another run (another engineer, another terminal) holds it: Playwright
 * empties its output folder at start, so two runs in one folder destroy each other's artefacts.
 */
function outputDir() {
  const base = path.join(ROOT, 'test-results');
  fs.mkdirSync(base, { recursive: true });
  const lock = path.join(base, 'browser.lock');
  let holder = 0;
  try {
    holder = Number.parseInt(fs.readFileSync(lock, 'utf8'), 10);
  } catch {
    // no lock
  }
  if (holder && holder !== process.pid && isAlive(holder)) return path.join(base, `browser-${process.pid}`);
  fs.writeFileSync(lock, `${process.pid}\n`);
  process.on('exit', () => fs.rmSync(lock, { force: true }));
  return path.join(base, 'browser');
}
const OUT = process.env.BROWSER_OUTPUT_DIR ? path.resolve(ROOT, process.env.BROWSER_OUTPUT_DIR) : outputDir();
const REPORT = path.join(OUT, 'results.json');

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

/** Counts the tests of a Playwright JSON report by their final outcome. */
function count(report) {
  const totals = { passed: 0, failed: 0, flaky: 0, skipped: 0 };
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'expected') totals.passed += 1;
        else if (t.status === 'flaky') {
          totals.passed += 1;
          totals.flaky += 1;
        }
        else if (t.status === 'skipped') totals.skipped += 1;
        else totals.failed += 1;
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  totals.failed += (report.errors ?? []).length;
  return totals;
}

const port = process.env.BROWSER_PORT || String(await freePort());
fs.rmSync(REPORT, { force: true });
const cli = path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js');
const child = spawn(process.execPath, [cli, 'test', '--config', 'playwright.config.ts', ...process.argv.slice(2)], {
  cwd: ROOT,
  env: { ...process.env, BROWSER_PORT: port, BROWSER_OUTPUT_DIR: OUT },
  stdio: 'inherit',
});
const code = await new Promise((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));

let totals;
try {
  totals = count(JSON.parse(fs.readFileSync(REPORT, 'utf8')));
} catch {
  totals = undefined;
}
if (!totals) {
  console.log('browser tests: no report (Playwright did not run to the end)');
  console.log('0 passed, 1 failed');
  process.exit(code || 1);
}
console.log(`browser tests: screenshots, traces and the HTML report under ${path.relative(ROOT, OUT)}/ (artifacts/, report/, results.json)`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(code !== 0 ? code : totals.failed > 0 || totals.passed === 0 ? 1 : 0);
