// The scorer: one scorecard version and one application's inputs in, an explained score out. Pure, so a
// stored run can be replayed from its inputs and its version, and every rule has a golden spec.
import { Decimal } from 'decimal.js';
import type { Money } from '#money';
import { type FactorScore, scoreFactor } from './factors.js';
import { measure, type Measures } from './measures.js';
import type { Grade, KnockOutRule, KnockOutRuleName, Recommendation, ScorecardDefinition } from './scorecard-definition.js';
import type { ScoringInput } from './scoring-input.js';
import { type Bilingual, COLLECTIBILITY_NAMES, count, percent, rupiah } from './wording.js';

export interface KnockOut {
  rule: KnockOutRuleName;
  reason: string;
  reasonEn: string;
}

export interface ScoringResult {
  /** 0-100: the sum of the factors' points. */
  score: number;
  grade: Grade;
  recommendation: Recommendation;
  recommendationReason: string;
  recommendationReasonEn: string;
  /** What the business can repay within the installment cap, rounded down to the unit, within the product's range. */
  maxRecommendedAmount: Money;
  /** The largest installment for the amount and tenor asked. */
  installment: Money;
  factors: FactorScore[];
  knockOuts: KnockOut[];
}

function knockOut(rule: KnockOutRule, input: ScoringInput, m: Measures): Bilingual | null {
  switch (rule.rule) {
    case 'SLIK_COLLECTIBILITY_AT_LEAST': {
      const k = input.slikCollectibility;
      if (k === null || k < rule.value) return null;
      const name = COLLECTIBILITY_NAMES[k];
      return {
        id: `Kolektibilitas SLIK ${k} (${name.id}): ${rule.value} atau lebih buruk berarti ditolak`,
        en: `SLIK collectibility ${k} (${name.en}): ${rule.value} or worse is a knock-out`,
      };
    }
    case 'PROGRAMME_WORST_DAYS_PAST_DUE_ABOVE': {
      const h = input.history;
      if (h.earlierLoans === 0 || h.worstDaysPastDue <= rule.value) return null;
      return {
        id: `Tunggakan ${h.worstDaysPastDue} hari pada pinjaman sebelumnya di program ini (batas ${rule.value} hari)`,
        en: `${count(h.worstDaysPastDue, 'day')} past due on an earlier loan in this programme (limit ${count(rule.value, 'day')})`,
      };
    }
    case 'NET_INCOME_NOT_POSITIVE':
      if (m.netIncome?.isPositive()) return null;
      return { id: 'Laba bersih bulanan tidak positif: tidak ada kemampuan bayar', en: 'Monthly net income is not positive: no repayment capacity' };
    case 'CAPACITY_BELOW_PRODUCT_MINIMUM':
      if (m.capacityAmount.gte(input.product.minAmount)) return null;
      return {
        id: `Kemampuan bayar ${rupiah(m.capacityAmount, 'id')} untuk ${input.tenor} angsuran di bawah pinjaman minimum ${rupiah(input.product.minAmount, 'id')}`,
        en: `Repayment capacity ${rupiah(m.capacityAmount, 'en')} over ${count(input.tenor, 'installment')} is below the minimum loan ${rupiah(input.product.minAmount, 'en')}`,
      };
  }
}

export function gradeOf(score: number, cutoffs: ScorecardDefinition['gradeCutoffs']): Grade {
  if (score >= cutoffs.A) return 'A';
  if (score >= cutoffs.B) return 'B';
  if (score >= cutoffs.C) return 'C';
  if (score >= cutoffs.D) return 'D';
  return 'E';
}

const ORDER: Recommendation[] = ['APPROVE', 'REVIEW', 'REJECT'];
const atBest = (r: Recommendation, best: Recommendation): Recommendation => (ORDER.indexOf(r) >= ORDER.indexOf(best) ? r : best);

const RECOMMENDATION_WORDS: Record<Recommendation, Bilingual> = {
  APPROVE: { id: 'disarankan disetujui', en: 'recommended for approval' },
  REVIEW: { id: 'perlu ditinjau', en: 'needs review' },
  REJECT: { id: 'disarankan ditolak', en: 'recommended for rejection' },
};

function recommend(def: ScorecardDefinition, input: ScoringInput, m: Measures, score: number, grade: Grade, knockOuts: KnockOut[]) {
  if (knockOuts.length)
    return {
      recommendation: 'REJECT' as const,
      reason: { id: `Ditolak otomatis: ${knockOuts.map((k) => k.reason).join('; ')}`, en: `Knock-out: ${knockOuts.map((k) => k.reasonEn).join('; ')}` },
    };
  const rules = def.recommendation;
  let recommendation: Recommendation = rules.approveGrades.includes(grade) ? 'APPROVE' : rules.reviewGrades.includes(grade) ? 'REVIEW' : 'REJECT';
  const notes: Bilingual[] = [];
  if (m.overCap && recommendation !== atBest(recommendation, rules.atBestWhenOverCap)) {
    recommendation = atBest(recommendation, rules.atBestWhenOverCap);
    const cap = new Decimal(def.installmentCapPercent);
    notes.push({ id: `angsuran melebihi batas ${percent(cap, 'id')} dari laba bersih`, en: `the installment is above the ${percent(cap, 'en')} cap` });
  }
  const missing = [input.slikCollectibility === null && { id: 'SLIK', en: 'SLIK' }, input.fieldVisitRating === null && { id: 'kunjungan lapangan', en: 'field visit' }].filter(
    (x): x is Bilingual => x !== false,
  );
  if (missing.length && recommendation !== atBest(recommendation, rules.atBestWhenInputMissing)) {
    recommendation = atBest(recommendation, rules.atBestWhenInputMissing);
    notes.push({ id: `belum diisi: ${missing.map((x) => x.id).join(', ')}`, en: `not entered yet: ${missing.map((x) => x.en).join(', ')}` });
  }
  const words = RECOMMENDATION_WORDS[recommendation];
  const tail = (lang: 'id' | 'en') => (notes.length ? ` (${notes.map((n) => n[lang]).join('; ')})` : '');
  return {
    recommendation,
    reason: { id: `Nilai ${grade} (skor ${score} dari 100): ${words.id}${tail('id')}`, en: `Grade ${grade} (score ${score} of 100): ${words.en}${tail('en')}` },
  };
}

/** Scores `input` with the scorecard `def` (already validated: scorecardDefinitionViolations). */
export function scoreApplication(def: ScorecardDefinition, input: ScoringInput): ScoringResult {
  const m = measure(input, def.installmentCapPercent);
  const factors = def.factors.map((f) => scoreFactor(f, input, m));
  const score = factors.reduce((sum, f) => sum + f.points, 0);
  const grade = gradeOf(score, def.gradeCutoffs);
  const knockOuts = def.knockOuts.flatMap((rule): KnockOut[] => {
    const hit = knockOut(rule, input, m);
    return hit ? [{ rule: rule.rule, reason: hit.id, reasonEn: hit.en }] : [];
  });
  const { recommendation, reason } = recommend(def, input, m, score, grade, knockOuts);
  return {
    score,
    grade,
    recommendation,
    recommendationReason: reason.id,
    recommendationReasonEn: reason.en,
    maxRecommendedAmount: m.maxRecommendedAmount,
    installment: m.installment,
    factors,
    knockOuts,
  };
}
