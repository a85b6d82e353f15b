// Everything the scorer reads, and the JSON form a scoring run stores it in: a stored run can be scored
// again from its own inputs and its own scorecard version and must give the same answer.
import { Money } from '#money';

export interface ScoringProductTerms {
  minAmount: Money;
  maxAmount: Money;
  roundingUnit: Money;
  roundingMode: 'UP' | 'HALF_UP';
  remainderPlacement: 'LAST' | 'FIRST';
}

export interface ScoringBusiness {
  sector: string;
  sectorLabel: string;
  sectorLabelEn: string;
  startedOn: string;
  /** Whole months from startedOn to the business date of the run. */
  ageMonths: number;
  monthlyRevenue: Money;
  monthlyExpenses: Money;
}

/** The borrower's record in this programme, other than the application being scored. */
export interface ProgrammeHistory {
  earlierLoans: number;
  loansRepaid: number;
  /** The worst days past due over the earlier loans; 0 when there are none. */
  worstDaysPastDue: number;
}

export interface ScoringInput {
  amount: Money;
  tenor: number;
  product: ScoringProductTerms;
  /** null: the borrower has no business on record. */
  business: ScoringBusiness | null;
  /** 1-5 as entered by the officer; null when not checked. */
  slikCollectibility: number | null;
  /** 1-5 as entered by the officer; null before a visit. */
  fieldVisitRating: number | null;
  history: ProgrammeHistory;
}

type Stored<T> = { [K in keyof T]: T[K] extends Money ? string : T[K] extends object | null ? Stored<T[K]> : T[K] };

/** The JSON a run stores: money as decimal strings. */
export type StoredScoringInput = Stored<ScoringInput>;

export function toStoredScoringInput(input: ScoringInput): StoredScoringInput {
  return JSON.parse(JSON.stringify(input)) as StoredScoringInput;
}

export function fromStoredScoringInput(s: StoredScoringInput): ScoringInput {
  return {
    amount: Money.of(s.amount),
    tenor: s.tenor,
    product: {
      minAmount: Money.of(s.product.minAmount),
      maxAmount: Money.of(s.product.maxAmount),
      roundingUnit: Money.of(s.product.roundingUnit),
      roundingMode: s.product.roundingMode,
      remainderPlacement: s.product.remainderPlacement,
    },
    business: s.business && {
      ...s.business,
      monthlyRevenue: Money.of(s.business.monthlyRevenue),
      monthlyExpenses: Money.of(s.business.monthlyExpenses),
    },
    slikCollectibility: s.slikCollectibility,
    fieldVisitRating: s.fieldVisitRating,
    history: { ...s.history },
  };
}
