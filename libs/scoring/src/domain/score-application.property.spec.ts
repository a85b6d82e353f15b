// Invariants of the scorer over arbitrary applicants: the score is its factors' points, every number stays
// in its range, knock-outs always reject, and a stored run replays to the same answer.
import fc from 'fast-check';
import { Money } from '#money';
import { BANGKALAN_SCORECARD_V1 as V1 } from './bangkalan-scorecard.js';
import { gradeOf, scoreApplication } from './score-application.js';
import type { ScorecardDefinition } from './scorecard-definition.js';
import { fromStoredScoringInput, type ScoringInput, toStoredScoringInput } from './scoring-input.js';

const SECTORS = ['CULINARY', 'CRAFT_BATIK', 'CRAFT_WEAVING', 'CRAFT_WOODCARVING', 'CRAFT_PLAITING', 'FASHION', 'TRADE', 'AGRICULTURE', 'FISHERY', 'SERVICES', 'OTHER', 'UNLISTED'];
const UNITS = ['1', '100', '500', '1000', '5000'];

const rupiah = (max: number) => fc.integer({ min: 0, max }).map((n) => Money.of(BigInt(n)));

const applicantArb: fc.Arbitrary<ScoringInput> = fc
  .record({
    amount: fc.integer({ min: 1, max: 100 }).map((n) => Money.of(BigInt(n) * 100000n)),
    tenor: fc.integer({ min: 1, max: 36 }),
    unit: fc.constantFrom(...UNITS),
    roundingMode: fc.constantFrom('UP' as const, 'HALF_UP' as const),
    remainderPlacement: fc.constantFrom('LAST' as const, 'FIRST' as const),
    business: fc.option(
      fc.record({
        sector: fc.constantFrom(...SECTORS),
        ageMonths: fc.integer({ min: -2, max: 400 }),
        monthlyRevenue: rupiah(50_000_000),
        monthlyExpenses: rupiah(50_000_000),
      }),
      { freq: 8 },
    ),
    slikCollectibility: fc.option(fc.integer({ min: 1, max: 5 })),
    fieldVisitRating: fc.option(fc.integer({ min: 1, max: 5 })),
    earlierLoans: fc.integer({ min: 0, max: 5 }),
    repaidShare: fc.integer({ min: 0, max: 5 }),
    worstDaysPastDue: fc.integer({ min: 0, max: 400 }),
  })
  .map((a) => ({
    amount: a.amount,
    tenor: a.tenor,
    product: { minAmount: Money.of('1000000'), maxAmount: Money.of('10000000'), roundingUnit: Money.of(a.unit), roundingMode: a.roundingMode, remainderPlacement: a.remainderPlacement },
    business: a.business && { ...a.business, sectorLabel: a.business.sector, sectorLabelEn: a.business.sector, startedOn: '2020-01-01' },
    slikCollectibility: a.slikCollectibility,
    fieldVisitRating: a.fieldVisitRating,
    history: {
      earlierLoans: a.earlierLoans,
      loansRepaid: Math.min(a.repaidShare, a.earlierLoans),
      worstDaysPastDue: a.earlierLoans === 0 ? 0 : a.worstDaysPastDue,
    },
  }));

// The default and a variant with other weights and no knock-outs: the invariants hold for any valid version.
const VARIANT: ScorecardDefinition = {
  ...V1,
  installmentCapPercent: 27.5,
  factors: V1.factors.map((f) => (f.name === 'PROGRAMME_HISTORY' ? { ...f, maxPoints: 10, firstLoanPoints: 10 } : f)),
  knockOuts: [],
  gradeCutoffs: { A: 90, B: 70, C: 40, D: 10 },
};

describe('scoreApplication properties', () => {
  it.each([
    ['v1', V1],
    ['a variant', VARIANT],
  ])("with %s, the factors' points add up to the score, each within 0..maxPoints, the score within 0..100", (_name, def) => {
    fc.assert(
      fc.property(applicantArb, (input) => {
        const r = scoreApplication(def, input);
        expect(r.score).toBe(r.factors.reduce((s, f) => s + f.points, 0));
        expect(r.factors.map((f) => f.name)).toEqual(def.factors.map((f) => f.name));
        for (const f of r.factors) {
          expect(Number.isInteger(f.points)).toBe(true);
          expect(f.points).toBeGreaterThanOrEqual(0);
          expect(f.points).toBeLessThanOrEqual(f.maxPoints);
          expect(f.reason.length).toBeGreaterThan(0);
          expect(f.reasonEn.length).toBeGreaterThan(0);
        }
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(r.grade).toBe(gradeOf(r.score, def.gradeCutoffs));
      }),
      { numRuns: 500 },
    );
  });

  it('a knock-out always rejects, and REJECT without one needs a rejecting grade', () => {
    fc.assert(
      fc.property(applicantArb, (input) => {
        const r = scoreApplication(V1, input);
        if (r.knockOuts.length) expect(r.recommendation).toBe('REJECT');
        else if (r.recommendation === 'REJECT') expect(['D', 'E']).toContain(r.grade);
        if (input.slikCollectibility !== null && input.slikCollectibility >= 3) expect(r.recommendation).toBe('REJECT');
      }),
      { numRuns: 500 },
    );
  });

  it("maxRecommendedAmount is within the product's range and a multiple of its unit", () => {
    fc.assert(
      fc.property(applicantArb, (input) => {
        const m = scoreApplication(V1, input).maxRecommendedAmount;
        expect(m.gte(input.product.minAmount) && m.lte(input.product.maxAmount)).toBe(true);
        expect(m.roundTo(input.product.roundingUnit, 'DOWN').eq(m)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a run stored as JSON scores the same when replayed', () => {
    fc.assert(
      fc.property(applicantArb, (input) => {
        const stored = JSON.parse(JSON.stringify(toStoredScoringInput(input)));
        expect(JSON.stringify(scoreApplication(V1, fromStoredScoringInput(stored)))).toBe(JSON.stringify(scoreApplication(V1, input)));
      }),
      { numRuns: 200 },
    );
  });
});
