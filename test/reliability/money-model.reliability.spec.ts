// The long money model (issue 11 item 2): several seeded sequences of random steps over HTTP (capital,
// disbursement orders and confirmations, repayments partial / exact / over / backdated, reversals with
// four eyes, refunds, close-of-day, reschedules, write-offs, recoveries) across many loans, checked
// every few steps against checkInvariants and the in-memory model. MODEL_SEED replays one sequence;
// MODEL_STEPS and MODEL_SEQUENCES size the run. Under CI=true the seeds are fixed (modelSeeds).
import 'reflect-metadata';
import { createTestApp, type TestApp } from '../support/app.js';
import { modelSeeds, runMoneyModel } from './support/money-model.js';
import { tally } from './support/tally.js';

const SEQUENCES = Number.parseInt(process.env.MODEL_SEQUENCES ?? '3', 10);
const STEPS = Number.parseInt(process.env.MODEL_STEPS ?? '700', 10);

describe('money model, long', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const seeds = modelSeeds(SEQUENCES);
  it.each(seeds)(`seed %i: ${STEPS} random steps keep every invariant and agree with the model`, async (seed) => {
    const report = await runMoneyModel(t, { seed, steps: STEPS, checkEvery: 10, initialLoans: 10 });
    tally({ area: 'model', scenarios: report.steps, violations: report.violations.length + report.mismatches.length });
    console.log(`money model seed ${seed}: ${report.steps} steps, ${report.checks} checks, ${report.loans} loans, business date ${report.businessDate}\n  actions ${JSON.stringify(report.actions)}\n  refusals ${JSON.stringify(report.refusals)}`);
    if (report.mismatches.length)
      throw new Error(`MODEL_SEED=${seed} replays this failure:\n${report.mismatches.slice(0, 20).join('\n')}\nlast steps:\n${report.trail.join('\n')}`);
    expect(report.violations).toEqual([]);
    expect(report.steps).toBe(STEPS);
  });
});
