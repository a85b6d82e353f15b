// Golden cases of the Bangkalan scorecard v1: one describe per factor, then knock-outs, capacity and the
// recommendation rules. Amounts are asserted as strings.
import { Money } from '#money';
import { BANGKALAN_SCORECARD_V1 as V1 } from './bangkalan-scorecard.js';
import { largestInstallment } from './measures.js';
import { gradeOf, scoreApplication, type ScoringResult } from './score-application.js';
import type { FactorName, ScorecardDefinition } from './scorecard-definition.js';
import { applicant, type InputPatch } from './spec-fixtures.js';

const score = (patch: InputPatch = {}, def: ScorecardDefinition = V1): ScoringResult => scoreApplication(def, applicant(patch));
const factor = (r: ScoringResult, name: FactorName) => {
  const f = r.factors.find((x) => x.name === name);
  if (!f) throw new Error(`no factor ${name}`);
  return f;
};
const points = (name: FactorName, patch: InputPatch) => factor(score(patch), name).points;
const rules = (r: ScoringResult) => r.knockOuts.map((k) => k.rule);

describe('scoreApplication with the Bangkalan scorecard v1', () => {
  describe('a strong applicant', () => {
    const r = score();

    it('scores 87, grade A, APPROVE, with every factor explained in Indonesian and English', () => {
      expect(r).toMatchObject({ score: 87, grade: 'A', recommendation: 'APPROVE', knockOuts: [] });
      expect(r.recommendationReason).toBe('Nilai A (skor 87 dari 100): disarankan disetujui');
      expect(r.recommendationReasonEn).toBe('Grade A (score 87 of 100): recommended for approval');
      expect(r.factors).toEqual([
        {
          name: 'REPAYMENT_CAPACITY',
          label: 'Kemampuan bayar',
          labelEn: 'Repayment capacity',
          points: 25,
          maxPoints: 30,
          reason: 'Angsuran Rp417.000 = 16,7% dari laba bersih bulanan Rp2.500.000 (batas 30%)',
          reasonEn: 'Installment Rp417,000 is 16.7% of monthly net income Rp2,500,000 (cap 30%)',
        },
        {
          name: 'BUSINESS_AGE',
          label: 'Lama usaha',
          labelEn: 'Business age',
          points: 8,
          maxPoints: 10,
          reason: 'Usaha berjalan 29 bulan (sejak 2024-01-01)',
          reasonEn: 'Business running for 29 months (since 2024-01-01)',
        },
        { name: 'SECTOR', label: 'Sektor usaha', labelEn: 'Business sector', points: 9, maxPoints: 10, reason: 'Sektor kerajinan batik', reasonEn: 'Sector: batik craft' },
        {
          name: 'FIELD_VISIT',
          label: 'Kunjungan lapangan',
          labelEn: 'Field visit',
          points: 15,
          maxPoints: 15,
          reason: 'Penilaian kunjungan lapangan 5 dari 5',
          reasonEn: 'Field visit rated 5 of 5',
        },
        {
          name: 'SLIK_COLLECTIBILITY',
          label: 'Kolektibilitas SLIK',
          labelEn: 'SLIK collectibility',
          points: 15,
          maxPoints: 15,
          reason: 'Kolektibilitas SLIK 1 (Lancar)',
          reasonEn: 'SLIK collectibility 1 (Current)',
        },
        {
          name: 'PROGRAMME_HISTORY',
          label: 'Riwayat di program ini',
          labelEn: 'History in this programme',
          points: 5,
          maxPoints: 10,
          reason: 'Peminjam baru di program ini: nilai netral',
          reasonEn: 'First loan in this programme: neutral score',
        },
        {
          name: 'AMOUNT_TO_BUSINESS_SIZE',
          label: 'Pinjaman dibanding omzet',
          labelEn: 'Loan against business size',
          points: 10,
          maxPoints: 10,
          reason: 'Pinjaman Rp5.000.000 = 7% dari omzet setahun Rp72.000.000',
          reasonEn: "Loan Rp5,000,000 is 7% of a year's revenue Rp72,000,000",
        },
      ]);
    });

    it('recommends at most the capacity: 30% of 2,500,000 is 750,000 a month, x 12 = 9,000,000', () => {
      expect(r.maxRecommendedAmount.toString()).toBe('9000000.00');
      expect(r.installment.toString()).toBe('417000.00');
    });
  });

  describe('REPAYMENT_CAPACITY: the largest installment against net monthly income, cap 30%', () => {
    const net2m = { business: { monthlyRevenue: Money.of('3000000'), monthlyExpenses: Money.of('1000000') } };
    it.each([
      ['3600000', 15, 30],
      ['4800000', 20, 25],
      ['6000000', 25, 18],
      ['7200000', 30, 10],
    ])('%s over 12 is %i%% of 2,000,000: %i points (the bound is inclusive)', (amount, _pct, expected) => {
      expect(points('REPAYMENT_CAPACITY', { ...net2m, amount: Money.of(amount) })).toBe(expected);
    });

    it('just above the cap earns nothing and says so', () => {
      const r = score({ ...net2m, amount: Money.of('7212000') });
      expect(factor(r, 'REPAYMENT_CAPACITY')).toMatchObject({
        points: 0,
        reason: 'Angsuran Rp601.000 = 30,1% dari laba bersih bulanan Rp2.000.000 (melebihi batas 30%)',
        reasonEn: 'Installment Rp601,000 is 30.1% of monthly net income Rp2,000,000 (above the cap 30%)',
      });
    });

    it('no net income: nothing, and why', () => {
      const r = score({ business: { monthlyRevenue: Money.of('2000000'), monthlyExpenses: Money.of('2000000') } });
      expect(factor(r, 'REPAYMENT_CAPACITY')).toMatchObject({
        points: 0,
        reason: 'Laba bersih bulanan tidak positif (omzet Rp2.000.000 dikurangi biaya Rp2.000.000): tidak ada kemampuan bayar',
      });
    });

    it('no business on record: nothing on any business factor', () => {
      const r = score({ business: null });
      expect(factor(r, 'REPAYMENT_CAPACITY')).toMatchObject({ points: 0, reason: 'Tidak ada data usaha', reasonEn: 'No business on record' });
      expect(factor(r, 'BUSINESS_AGE').points).toBe(0);
      expect(factor(r, 'SECTOR').points).toBe(5);
      expect(factor(r, 'AMOUNT_TO_BUSINESS_SIZE').points).toBe(0);
      expect(rules(r)).toEqual(['NET_INCOME_NOT_POSITIVE', 'CAPACITY_BELOW_PRODUCT_MINIMUM']);
    });
  });

  describe('the installment is the largest one the schedule engine books', () => {
    const terms = (roundingMode: 'UP' | 'HALF_UP', remainderPlacement: 'LAST' | 'FIRST', unit = '1000') => ({
      minAmount: Money.of('1000000'),
      maxAmount: Money.of('10000000'),
      roundingUnit: Money.of(unit),
      roundingMode,
      remainderPlacement,
    });
    it.each([
      ['UP', 'LAST', '334000.00'], // 334,000 + 334,000 + 332,000
      ['UP', 'FIRST', '334000.00'], // 332,000 + 334,000 + 334,000
      ['HALF_UP', 'LAST', '334000.00'], // 333,000 + 333,000 + 334,000
    ] as const)('1,000,000 over 3, %s with the remainder %s: %s', (mode, placement, expected) => {
      expect(largestInstallment({ amount: Money.of('1000000'), tenor: 3, product: terms(mode, placement) }).toString()).toBe(expected);
    });

    it('a unit too large to split (1,000,000 over 24 at 5,000) falls back to the base installment, rounded up', () => {
      expect(largestInstallment({ amount: Money.of('1000000'), tenor: 24, product: terms('UP', 'LAST', '5000') }).toString()).toBe('45000.00');
    });
  });

  describe('BUSINESS_AGE: whole months', () => {
    it.each([
      [0, 0],
      [5, 0],
      [6, 3],
      [11, 3],
      [12, 6],
      [23, 6],
      [24, 8],
      [35, 8],
      [36, 10],
      [240, 10],
    ])('%i months: %i points', (ageMonths, expected) => {
      expect(points('BUSINESS_AGE', { business: { ageMonths } })).toBe(expected);
    });

    it('says "1 month" in English', () => {
      expect(factor(score({ business: { ageMonths: 1, startedOn: '2026-05-15' } }), 'BUSINESS_AGE').reasonEn).toBe('Business running for 1 month (since 2026-05-15)');
    });
  });

  describe('SECTOR', () => {
    it.each([
      ['CULINARY', 10],
      ['TRADE', 10],
      ['CRAFT_BATIK', 9],
      ['FASHION', 8],
      ['AGRICULTURE', 6],
      ['FISHERY', 6],
      ['OTHER', 5],
    ])('%s: %i points', (sector, expected) => {
      expect(points('SECTOR', { business: { sector } })).toBe(expected);
    });

    it('a sector the scorecard does not list earns its otherPoints', () => {
      expect(points('SECTOR', { business: { sector: 'MINING' } })).toBe(5);
      expect(points('SECTOR', { business: { sector: 'constructor' } })).toBe(5);
    });
  });

  describe('FIELD_VISIT: the officer rates the business 1-5', () => {
    it.each([
      [1, 0],
      [2, 3],
      [3, 8],
      [4, 12],
      [5, 15],
    ])('rated %i: %i points', (fieldVisitRating, expected) => {
      expect(points('FIELD_VISIT', { fieldVisitRating })).toBe(expected);
    });

    it('not rated yet: no points, and a strong applicant is only REVIEW', () => {
      const r = score({ fieldVisitRating: null });
      expect(factor(r, 'FIELD_VISIT')).toMatchObject({ points: 0, reason: 'Kunjungan lapangan belum dinilai', reasonEn: 'No field-visit rating yet' });
      expect(r).toMatchObject({ score: 72, grade: 'B', recommendation: 'REVIEW' });
      expect(r.recommendationReason).toBe('Nilai B (skor 72 dari 100): perlu ditinjau (belum diisi: kunjungan lapangan)');
      expect(r.recommendationReasonEn).toBe('Grade B (score 72 of 100): needs review (not entered yet: field visit)');
    });
  });

  describe('SLIK_COLLECTIBILITY: 1-5 as the officer found it', () => {
    it.each([
      [1, 15],
      [2, 8],
      [3, 0],
      [4, 0],
      [5, 0],
    ])('kol %i: %i points', (slikCollectibility, expected) => {
      expect(points('SLIK_COLLECTIBILITY', { slikCollectibility })).toBe(expected);
    });

    it('not checked: no points, and REVIEW at best', () => {
      const r = score({ slikCollectibility: null });
      expect(factor(r, 'SLIK_COLLECTIBILITY')).toMatchObject({ points: 0, reason: 'SLIK belum diperiksa', reasonEn: 'SLIK not checked' });
      expect(r.recommendation).toBe('REVIEW');
    });

    it('kol 2 is no knock-out', () => {
      expect(score({ slikCollectibility: 2 })).toMatchObject({ score: 80, grade: 'A', recommendation: 'APPROVE', knockOuts: [] });
    });
  });

  describe('PROGRAMME_HISTORY: earlier loans in this programme', () => {
    it('a first-time borrower is neutral', () => {
      expect(points('PROGRAMME_HISTORY', {})).toBe(5);
    });

    it('loans repaid without arrears earn the most', () => {
      const f = factor(score({ history: { earlierLoans: 2, loansRepaid: 2, worstDaysPastDue: 0 } }), 'PROGRAMME_HISTORY');
      expect(f).toMatchObject({
        points: 10,
        reason: '2 pinjaman sebelumnya, 2 lunas, tunggakan terburuk 0 hari',
        reasonEn: '2 earlier loans, 2 repaid, worst 0 days past due',
      });
    });

    it.each([
      [30, 6],
      [31, 2],
      [90, 2],
      [91, 0],
    ])('worst %i days past due: %i points', (worstDaysPastDue, expected) => {
      expect(points('PROGRAMME_HISTORY', { history: { earlierLoans: 1, loansRepaid: 1, worstDaysPastDue } })).toBe(expected);
    });

    it('a loan not yet repaid earns no more than neutral, but its arrears still count against', () => {
      const running = factor(score({ history: { earlierLoans: 1, loansRepaid: 0, worstDaysPastDue: 0 } }), 'PROGRAMME_HISTORY');
      expect(running).toMatchObject({ points: 5, reason: '1 pinjaman sebelumnya, 0 lunas, tunggakan terburuk 0 hari; belum ada yang lunas: nilai netral' });
      expect(running.reasonEn).toBe('1 earlier loan, 0 repaid, worst 0 days past due; none repaid yet: neutral score');
      expect(points('PROGRAMME_HISTORY', { history: { earlierLoans: 1, loansRepaid: 0, worstDaysPastDue: 45 } })).toBe(2);
    });
  });

  describe("AMOUNT_TO_BUSINESS_SIZE: the amount against a year's revenue", () => {
    const revenue = (monthly: string) => ({ business: { monthlyRevenue: Money.of(monthly), monthlyExpenses: Money.of('0') } });
    it.each([
      ['1200000', 10, 10],
      ['1300000', 10.1, 7],
      ['3000000', 25, 7],
      ['6000000', 50, 4],
      ['6100000', 50.9, 0],
    ])('%s asked of 1,000,000 a month (%d%%): %i points', (amount, _pct, expected) => {
      expect(points('AMOUNT_TO_BUSINESS_SIZE', { ...revenue('1000000'), amount: Money.of(amount), tenor: 24 })).toBe(expected);
    });

    it('without revenue: nothing', () => {
      const f = factor(score(revenue('0')), 'AMOUNT_TO_BUSINESS_SIZE');
      expect(f).toMatchObject({ points: 0, reason: 'Omzet tidak tercatat', reasonEn: 'No revenue on record' });
    });
  });

  describe('knock-outs: REJECT whatever the score', () => {
    it('SLIK 4 rejects an otherwise strong applicant, and says why', () => {
      const r = score({ slikCollectibility: 4 });
      expect(r).toMatchObject({ score: 72, grade: 'B', recommendation: 'REJECT' });
      expect(r.knockOuts).toEqual([
        {
          rule: 'SLIK_COLLECTIBILITY_AT_LEAST',
          reason: 'Kolektibilitas SLIK 4 (Diragukan): 3 atau lebih buruk berarti ditolak',
          reasonEn: 'SLIK collectibility 4 (Doubtful): 3 or worse is a knock-out',
        },
      ]);
      expect(r.recommendationReason).toBe('Ditolak otomatis: Kolektibilitas SLIK 4 (Diragukan): 3 atau lebih buruk berarti ditolak');
    });

    it.each([3, 4, 5])('SLIK %i knocks out; 2 does not', (slikCollectibility) => {
      expect(rules(score({ slikCollectibility }))).toEqual(['SLIK_COLLECTIBILITY_AT_LEAST']);
      expect(score({ slikCollectibility }).recommendation).toBe('REJECT');
    });

    it('more than 90 days past due on an earlier loan knocks out; 90 does not', () => {
      expect(rules(score({ history: { earlierLoans: 1, loansRepaid: 1, worstDaysPastDue: 91 } }))).toEqual(['PROGRAMME_WORST_DAYS_PAST_DUE_ABOVE']);
      expect(rules(score({ history: { earlierLoans: 1, loansRepaid: 1, worstDaysPastDue: 90 } }))).toEqual([]);
    });

    it('no net income knocks out (and so does the capacity, which is then nothing)', () => {
      const r = score({ business: { monthlyRevenue: Money.of('3000000'), monthlyExpenses: Money.of('3500000') } });
      expect(rules(r)).toEqual(['NET_INCOME_NOT_POSITIVE', 'CAPACITY_BELOW_PRODUCT_MINIMUM']);
      expect(r.recommendation).toBe('REJECT');
      expect(r.maxRecommendedAmount.toString()).toBe('1000000.00');
    });

    it("a capacity below the product's smallest loan knocks out: 30% of 200,000 x 12 = 720,000 < 1,000,000", () => {
      const r = score({ amount: Money.of('1000000'), business: { monthlyRevenue: Money.of('1200000'), monthlyExpenses: Money.of('1000000') } });
      expect(r.knockOuts).toEqual([
        {
          rule: 'CAPACITY_BELOW_PRODUCT_MINIMUM',
          reason: 'Kemampuan bayar Rp720.000 untuk 12 angsuran di bawah pinjaman minimum Rp1.000.000',
          reasonEn: 'Repayment capacity Rp720,000 over 12 installments is below the minimum loan Rp1,000,000',
        },
      ]);
      expect(r.recommendation).toBe('REJECT');
    });

    it('a scorecard without knock-outs only scores', () => {
      expect(score({ slikCollectibility: 4 }, { ...V1, knockOuts: [] }).recommendation).toBe('APPROVE');
    });
  });

  describe('maxRecommendedAmount: capacity, rounded down to the unit, within the product range', () => {
    it('rounds the capped installment down to the unit before multiplying: 30% of 2,345,678 = 703,703.40 -> 703,000 x 12', () => {
      const r = score({ business: { monthlyRevenue: Money.of('3345678'), monthlyExpenses: Money.of('1000000') } });
      expect(r.maxRecommendedAmount.toString()).toBe('8436000.00');
    });

    it('to a unit of 5,000: 30% of 2,510,000 = 753,000 -> 750,000 x 12', () => {
      const r = score({ product: { roundingUnit: Money.of('5000') }, business: { monthlyRevenue: Money.of('6010000') } });
      expect(r.maxRecommendedAmount.toString()).toBe('9000000.00');
    });

    it("is kept at the product's maximum", () => {
      expect(score({ business: { monthlyRevenue: Money.of('8500000') } }).maxRecommendedAmount.toString()).toBe('10000000.00');
    });

    it('follows the tenor asked: 750,000 x 6', () => {
      expect(score({ tenor: 6, amount: Money.of('3000000') }).maxRecommendedAmount.toString()).toBe('4500000.00');
    });
  });

  describe('recommendation rules', () => {
    it('an installment above the cap makes a good grade REVIEW, with the reason', () => {
      // 9,600,000 / 12 = 800,000 = 32% of 2,500,000: no capacity points. With grade C made an approving
      // grade, the cap rule alone turns the APPROVE into REVIEW.
      const def: ScorecardDefinition = { ...V1, recommendation: { ...V1.recommendation, approveGrades: ['A', 'B', 'C'], reviewGrades: [] } };
      const r = score({ amount: Money.of('9600000') }, def);
      expect(factor(r, 'REPAYMENT_CAPACITY').points).toBe(0);
      expect(r).toMatchObject({ score: 59, grade: 'C', recommendation: 'REVIEW' });
      expect(r.recommendationReason).toBe('Nilai C (skor 59 dari 100): perlu ditinjau (angsuran melebihi batas 30% dari laba bersih)');
      expect(r.recommendationReasonEn).toBe('Grade C (score 59 of 100): needs review (the installment is above the 30% cap)');
    });

    it.each([
      [{ fieldVisitRating: 3, slikCollectibility: 2 }, 73, 'B', 'APPROVE'],
      [{ fieldVisitRating: 1, slikCollectibility: 2 }, 65, 'B', 'APPROVE'],
      [{ fieldVisitRating: 1, slikCollectibility: 2, business: { ageMonths: 23 } }, 63, 'C', 'REVIEW'],
      [{ fieldVisitRating: 1, slikCollectibility: 2, business: { ageMonths: 3, sector: 'FISHERY' } }, 54, 'C', 'REVIEW'],
      [{ fieldVisitRating: 1, slikCollectibility: 2, amount: Money.of('7200000'), business: { ageMonths: 3, sector: 'FISHERY' } }, 47, 'D', 'REJECT'],
    ] as [InputPatch, number, string, string][])('%j scores %i: grade %s, %s', (patch, expectedScore, grade, recommendation) => {
      expect(score(patch)).toMatchObject({ score: expectedScore, grade, recommendation });
    });

    it.each([
      [100, 'A'],
      [80, 'A'],
      [79, 'B'],
      [65, 'B'],
      [64, 'C'],
      [50, 'C'],
      [49, 'D'],
      [35, 'D'],
      [34, 'E'],
      [0, 'E'],
    ])('grade cut-offs: %i is %s', (s, grade) => {
      expect(gradeOf(s, V1.gradeCutoffs)).toBe(grade);
    });
  });
});
