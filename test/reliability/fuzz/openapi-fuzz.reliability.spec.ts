import { tally } from '../support/tally.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import { fuzzFixtures } from './fuzz-fixtures.js';
import { runFuzz } from './fuzz-runner.js';

// The long hostile-input run (issue 11, item 5): FUZZ_RUNS mutated requests (default 100) for every
// operation of the app's OpenAPI document, thousands in all. FUZZ_SEED repeats a run; without it the seed
// is new each time and printed, so a failure found once can be replayed:
//   FUZZ_SEED=<seed> npm run test:reliability -- fuzz
// Under CI (CI=true) the default seed is fixed, so that a landing is judged on a known input; exploring new
// seeds is what local and scheduled runs are for.
const CI_SEED = 20261122;
const SEED = process.env.FUZZ_SEED ? Number.parseInt(process.env.FUZZ_SEED, 10) : process.env.CI === 'true' ? CI_SEED : Date.now() % 2 ** 31;
const RUNS = Number.parseInt(process.env.FUZZ_RUNS ?? '100', 10);

describe('hostile input: OpenAPI-driven fuzzing (reliability)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it(`no 5xx, no internals, problem+json errors and no write on refusal, for every operation (seed ${SEED}, ${RUNS} per operation)`, async () => {
    const started = Date.now();
    const report = await runFuzz(t, { seed: SEED, runsPerOperation: RUNS, ...(await fuzzFixtures(t)) });
    tally({ area: 'fuzz', scenarios: report.operations, requestsFuzzed: report.requests, violations: report.violations.length });
    console.log(
      `[fuzz] seed ${SEED}: ${report.requests} requests over ${report.operations} operations in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
        `answers ${JSON.stringify(report.byStatus)}, ${report.writesSeen} accepted writes seen, ${report.violations.length} violations` +
        (report.violations.length ? ` (replay with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS})` : ''),
    );
    expect(report.requests).toBe(report.operations * RUNS);
    expect(report.writesSeen).toBeGreaterThan(0);
    expect(report.violations).toEqual([]);
  });
});
