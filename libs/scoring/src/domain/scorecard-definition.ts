// What a scorecard version holds (stored as JSON in scorecard.definition): every number an officer or an
// auditor may ask "why?" about. How each factor is measured is code; how many points a measure earns is data.

export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type Grade = (typeof GRADES)[number];

export const RECOMMENDATIONS = ['APPROVE', 'REVIEW', 'REJECT'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const FACTOR_NAMES = [
  'REPAYMENT_CAPACITY',
  'BUSINESS_AGE',
  'SECTOR',
  'FIELD_VISIT',
  'SLIK_COLLECTIBILITY',
  'PROGRAMME_HISTORY',
  'AMOUNT_TO_BUSINESS_SIZE',
] as const;
export type FactorName = (typeof FACTOR_NAMES)[number];

export const KNOCK_OUT_RULES = [
  'SLIK_COLLECTIBILITY_AT_LEAST',
  'PROGRAMME_WORST_DAYS_PAST_DUE_ABOVE',
  'NET_INCOME_NOT_POSITIVE',
  'CAPACITY_BELOW_PRODUCT_MINIMUM',
] as const;
export type KnockOutRuleName = (typeof KNOCK_OUT_RULES)[number];

/**
 * One step of a measure: bands are listed by ascending `max`; the first band whose `max` is at least
 * the measured value (inclusive) gives its points. The last band has `max: null` and takes the rest.
 */
export interface Band {
  max: number | null;
  points: number;
}

/** Points for each value of a 1-5 scale (SLIK collectibility, field-visit rating). */
export type ScalePoints = Record<'1' | '2' | '3' | '4' | '5', number>;

interface FactorBase {
  maxPoints: number;
}

/** Measure: the largest installment as a percentage of net monthly income (revenue minus expenses). */
export interface RepaymentCapacityFactor extends FactorBase {
  name: 'REPAYMENT_CAPACITY';
  bands: Band[];
}

/** Measure: whole months the business has run on the business date. */
export interface BusinessAgeFactor extends FactorBase {
  name: 'BUSINESS_AGE';
  bands: Band[];
}

/** Points per sector code; a sector not listed earns `otherPoints`. */
export interface SectorFactor extends FactorBase {
  name: 'SECTOR';
  points: Record<string, number>;
  otherPoints: number;
}

/** The officer's rating of the business visit, 5 best; `missingPoints` until someone has visited. */
export interface FieldVisitFactor extends FactorBase {
  name: 'FIELD_VISIT';
  points: ScalePoints;
  missingPoints: number;
}

/** SLIK (OJK credit bureau) collectibility, 1 best; `missingPoints` until it has been checked. */
export interface SlikCollectibilityFactor extends FactorBase {
  name: 'SLIK_COLLECTIBILITY';
  points: ScalePoints;
  missingPoints: number;
}

/**
 * Measure: the worst days past due on the borrower's earlier loans in this programme. A first-time
 * borrower earns `firstLoanPoints` (neutral); until an earlier loan is repaid, no more than that either:
 * a good loan repaid is what earns a larger second one.
 */
export interface ProgrammeHistoryFactor extends FactorBase {
  name: 'PROGRAMME_HISTORY';
  firstLoanPoints: number;
  bands: Band[];
}

/** Measure: the amount asked as a percentage of a year's revenue (monthly revenue x 12). */
export interface AmountToBusinessSizeFactor extends FactorBase {
  name: 'AMOUNT_TO_BUSINESS_SIZE';
  bands: Band[];
}

export type FactorDefinition =
  | RepaymentCapacityFactor
  | BusinessAgeFactor
  | SectorFactor
  | FieldVisitFactor
  | SlikCollectibilityFactor
  | ProgrammeHistoryFactor
  | AmountToBusinessSizeFactor;

/** A knock-out makes the recommendation REJECT whatever the score. */
export type KnockOutRule =
  | { rule: 'SLIK_COLLECTIBILITY_AT_LEAST'; value: number }
  | { rule: 'PROGRAMME_WORST_DAYS_PAST_DUE_ABOVE'; value: number }
  | { rule: 'NET_INCOME_NOT_POSITIVE' }
  /** Even the product's smallest loan over the asked tenor would break the installment cap. */
  | { rule: 'CAPACITY_BELOW_PRODUCT_MINIMUM' };

export interface RecommendationRules {
  approveGrades: Grade[];
  reviewGrades: Grade[];
  /** The best recommendation when the installment is above the cap (an approver may lower the amount). */
  atBestWhenOverCap: 'REVIEW' | 'REJECT';
  /** The best recommendation while SLIK or the field visit has not been entered. */
  atBestWhenInputMissing: 'REVIEW' | 'REJECT';
}

export interface ScorecardDefinition {
  /** The programme's cap: the installment may take at most this percentage of net monthly income. */
  installmentCapPercent: number;
  /** Their maxPoints add up to 100: the score is out of 100. */
  factors: FactorDefinition[];
  knockOuts: KnockOutRule[];
  /** The lowest score of each grade; below D's is E. */
  gradeCutoffs: { A: number; B: number; C: number; D: number };
  recommendation: RecommendationRules;
}
