// Inputs for the scorer's specs: a strong applicant by default, each field overridable.
import { Money } from '#money';
import type { ScoringBusiness, ScoringInput } from './scoring-input.js';

export interface InputPatch extends Partial<Omit<ScoringInput, 'business' | 'history' | 'product'>> {
  business?: Partial<ScoringBusiness> | null;
  history?: Partial<ScoringInput['history']>;
  product?: Partial<ScoringInput['product']>;
}

/**
 * The e2e builder's applicant: batik since 2024-01-01 (29 months on 2026-06-15), revenue 6,000,000 and
 * expenses 3,500,000 a month, asking 5,000,000 over 12 on the Rp1-10m product with unit 1,000 rounded
 * up; SLIK 1, field visit 5, a first loan in the programme.
 */
export function applicant(patch: InputPatch = {}): ScoringInput {
  const business: ScoringBusiness = {
    sector: 'CRAFT_BATIK',
    sectorLabel: 'Kerajinan batik',
    sectorLabelEn: 'Batik craft',
    startedOn: '2024-01-01',
    ageMonths: 29,
    monthlyRevenue: Money.of('6000000'),
    monthlyExpenses: Money.of('3500000'),
  };
  return {
    amount: patch.amount ?? Money.of('5000000'),
    tenor: patch.tenor ?? 12,
    product: {
      minAmount: Money.of('1000000'),
      maxAmount: Money.of('10000000'),
      roundingUnit: Money.of('1000'),
      roundingMode: 'UP',
      remainderPlacement: 'LAST',
      ...patch.product,
    },
    business: patch.business === null ? null : { ...business, ...patch.business },
    slikCollectibility: patch.slikCollectibility === undefined ? 1 : patch.slikCollectibility,
    fieldVisitRating: patch.fieldVisitRating === undefined ? 5 : patch.fieldVisitRating,
    history: { earlierLoans: 0, loansRepaid: 0, worstDaysPastDue: 0, ...patch.history },
  };
}
