import { fuzzFixtures } from '../reliability/fuzz/fuzz-fixtures.js';
import { runFuzz } from '../reliability/fuzz/fuzz-runner.js';
import { findInternals } from '../reliability/fuzz/openapi-fuzzer.js';
import { createTestApp, type TestApp } from '../support/app.js';

// A few hostile requests for every operation of the OpenAPI document, on every `npm test` (a fixed seed,
// so a failure repeats): a new route that answers a 5xx, leaks an internal message, answers an error that
// is not problem+json or writes on a refused request fails here. The long run with thousands of requests
// is test/reliability/fuzz/openapi-fuzz.reliability.spec.ts (`npm run test:reliability`).

const SEED = Number.parseInt(process.env.FUZZ_SEED ?? '20261122', 10);

describe('hostile input smoke (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it(`every operation survives mutated requests (seed ${SEED})`, async () => {
    const report = await runFuzz(t, { seed: SEED, runsPerOperation: 4, ...(await fuzzFixtures(t)) });
    expect(report.operations).toBeGreaterThan(60);
    expect(report.requests).toBe(report.operations * 4);
    expect(report.writesSeen).toBeGreaterThan(0);
    expect(report.violations).toEqual([]);
  }, 240_000);

  it('the oracle recognises internal details in an answer', () => {
    for (const leak of [
      'QueryFailedError: duplicate key value violates unique constraint "x"',
      '    at LoansService.post (/work/main/libs/repayment/src/loans.service.ts:12:7)',
      'TypeError: Cannot read properties of undefined',
      'SELECT "id" FROM loan WHERE x',
      'invalid input syntax for type uuid: "x"',
      '{"stack":"Error"}',
    ])
      expect(findInternals(leak)).not.toBeNull();
    expect(findInternals('{"code":"VALIDATION_FAILED","detail":"amount must be a decimal string","errors":[{"field":"amount"}]}')).toBeNull();
  });
});
