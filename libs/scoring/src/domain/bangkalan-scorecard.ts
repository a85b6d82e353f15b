// The default scorecard, version 1, as the scoring migration seeds it. Frozen: runs already scored name
// this version, so a change is a new version (POST /api/scorecards), never an edit here.
import type { ScorecardDefinition } from './scorecard-definition.js';

export const BANGKALAN_SCORECARD_CODE = 'BKL-UMKM';
export const BANGKALAN_SCORECARD_NAME = 'Skor Kredit UMKM 0% Kabupaten Bangkalan';

export const BANGKALAN_SCORECARD_V1: ScorecardDefinition = {
  installmentCapPercent: 30,
  factors: [
    {
      name: 'REPAYMENT_CAPACITY',
      maxPoints: 30,
      bands: [
        { max: 15, points: 30 },
        { max: 20, points: 25 },
        { max: 25, points: 18 },
        { max: 30, points: 10 },
        { max: null, points: 0 },
      ],
    },
    {
      name: 'BUSINESS_AGE',
      maxPoints: 10,
      bands: [
        { max: 5, points: 0 },
        { max: 11, points: 3 },
        { max: 23, points: 6 },
        { max: 35, points: 8 },
        { max: null, points: 10 },
      ],
    },
    {
      // Daily cash sales repay monthly installments best; harvest and catch seasons leave months without income.
      name: 'SECTOR',
      maxPoints: 10,
      points: {
        CULINARY: 10,
        TRADE: 10,
        SERVICES: 9,
        CRAFT_BATIK: 9,
        CRAFT_WEAVING: 8,
        CRAFT_WOODCARVING: 8,
        CRAFT_PLAITING: 8,
        FASHION: 8,
        AGRICULTURE: 6,
        FISHERY: 6,
        OTHER: 5,
      },
      otherPoints: 5,
    },
    { name: 'FIELD_VISIT', maxPoints: 15, points: { '1': 0, '2': 3, '3': 8, '4': 12, '5': 15 }, missingPoints: 0 },
    { name: 'SLIK_COLLECTIBILITY', maxPoints: 15, points: { '1': 15, '2': 8, '3': 0, '4': 0, '5': 0 }, missingPoints: 0 },
    {
      name: 'PROGRAMME_HISTORY',
      maxPoints: 10,
      firstLoanPoints: 5,
      bands: [
        { max: 0, points: 10 },
        { max: 30, points: 6 },
        { max: 90, points: 2 },
        { max: null, points: 0 },
      ],
    },
    {
      name: 'AMOUNT_TO_BUSINESS_SIZE',
      maxPoints: 10,
      bands: [
        { max: 10, points: 10 },
        { max: 25, points: 7 },
        { max: 50, points: 4 },
        { max: null, points: 0 },
      ],
    },
  ],
  knockOuts: [
    { rule: 'SLIK_COLLECTIBILITY_AT_LEAST', value: 3 },
    { rule: 'PROGRAMME_WORST_DAYS_PAST_DUE_ABOVE', value: 90 },
    { rule: 'NET_INCOME_NOT_POSITIVE' },
    { rule: 'CAPACITY_BELOW_PRODUCT_MINIMUM' },
  ],
  gradeCutoffs: { A: 80, B: 65, C: 50, D: 35 },
  recommendation: { approveGrades: ['A', 'B'], reviewGrades: ['C'], atBestWhenOverCap: 'REVIEW', atBestWhenInputMissing: 'REVIEW' },
};
