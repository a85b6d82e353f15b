// The portfolio report (api.md "Reports"): balances in, ratios out. Live figures and a closed day's
// snapshot hold the same balances and go through the same functions, so the two never disagree on how
// a ratio is computed. domain.md: PAR_x = outstanding principal of loans with an installment more than
// x days overdue / total outstanding principal (balances, not counts); NPL = outstanding of Kol 3-5 /
// total outstanding.
import { Decimal } from 'decimal.js';
import { Money } from '#money';
import { type Collectibility, COLLECTIBILITIES } from './classify-collectibility.js';

export const PAR_THRESHOLDS = [1, 30, 90] as const;
export type ParThreshold = (typeof PAR_THRESHOLDS)[number];
/** Grades counted as non-performing. */
export const NPL_FROM: Collectibility = 3;
/** Ratios are decimal strings with this many places, rounded half up. */
export const RATIO_PLACES = 4;

type ByThreshold<T> = { [K in `${ParThreshold}`]: T };
type ByGrade<T> = { [K in `${Collectibility}`]: T };

/** The grades' names as OJK writes them (reports and exports). */
export const COLLECTIBILITY_NAMES: Record<Collectibility, string> = {
  1: 'Lancar',
  2: 'Dalam Perhatian Khusus',
  3: 'Kurang Lancar',
  4: 'Diragukan',
  5: 'Macet',
};

/** "More than x days overdue": a loan 30 days past due is in PAR1 but not yet in PAR30. */
export const isAtRisk = (daysPastDue: number, threshold: ParThreshold): boolean => daysPastDue > threshold;

/** What any slice of the active portfolio (all of it, a sector, a kecamatan) is summed into. */
export interface PortfolioBalances {
  activeLoans: number;
  outstandingPrincipal: Money;
  parOutstanding: ByThreshold<Money>;
  nplOutstanding: Money;
}

export interface PortfolioFigures extends PortfolioBalances {
  asOf: string;
  collectibility: ByGrade<{ count: number; outstanding: Money }>;
  /** Since the programme began, through asOf; onDay: on asOf itself. */
  disbursedToDate: { count: number; amount: Money };
  disbursedOnDay: { count: number; amount: Money };
  repaidToDate: Money;
  repaidOnDay: Money;
  bySector: (PortfolioBalances & { sector: string })[];
  byDistrict: (PortfolioBalances & { districtCode: string; districtName: string })[];
}

export interface PortfolioRatios {
  par: ByThreshold<string>;
  nplRatio: string;
}

export interface PortfolioSlice extends PortfolioRatios {
  activeLoans: number;
  outstandingPrincipal: Money;
}

export interface PortfolioReport extends PortfolioSlice {
  asOf: string;
  programmeId: string;
  /** LIVE: computed now for the business date; SNAPSHOT: stored when that day closed. */
  source: 'LIVE' | 'SNAPSHOT';
  parOutstanding: ByThreshold<Money>;
  nplOutstanding: Money;
  collectibility: ByGrade<{ count: number; outstanding: Money }>;
  disbursed: { count: number; amount: Money };
  repaid: { amount: Money };
  onDay: { disbursed: { count: number; amount: Money }; repaid: { amount: Money } };
  bySector: (PortfolioSlice & { sector: string })[];
  byDistrict: (PortfolioSlice & { districtCode: string; districtName: string })[];
}

/** part / total as a decimal string in [0, 1] with RATIO_PLACES places; "0.0000" when total is zero. */
export function ratio(part: Money, total: Money): string {
  if (part.isNegative() || part.gt(total)) throw new RangeError(`ratio part ${part.toString()} is outside 0..${total.toString()}`);
  if (total.isZero()) return new Decimal(0).toFixed(RATIO_PLACES);
  return part.toDecimal().div(total.toDecimal()).toFixed(RATIO_PLACES, Decimal.ROUND_HALF_UP);
}

export function portfolioRatios(b: PortfolioBalances): PortfolioRatios {
  return {
    par: {
      '1': ratio(b.parOutstanding['1'], b.outstandingPrincipal),
      '30': ratio(b.parOutstanding['30'], b.outstandingPrincipal),
      '90': ratio(b.parOutstanding['90'], b.outstandingPrincipal),
    },
    nplRatio: ratio(b.nplOutstanding, b.outstandingPrincipal),
  };
}

const slice = (b: PortfolioBalances): PortfolioSlice => ({ activeLoans: b.activeLoans, outstandingPrincipal: b.outstandingPrincipal, ...portfolioRatios(b) });

export function toPortfolioReport(programmeId: string, f: PortfolioFigures, source: PortfolioReport['source']): PortfolioReport {
  return {
    asOf: f.asOf,
    programmeId,
    source,
    ...slice(f),
    parOutstanding: f.parOutstanding,
    nplOutstanding: f.nplOutstanding,
    collectibility: f.collectibility,
    disbursed: f.disbursedToDate,
    repaid: { amount: f.repaidToDate },
    onDay: { disbursed: f.disbursedOnDay, repaid: { amount: f.repaidOnDay } },
    bySector: f.bySector.map((s) => ({ sector: s.sector, ...slice(s) })),
    byDistrict: f.byDistrict.map((d) => ({ districtCode: d.districtCode, districtName: d.districtName, ...slice(d) })),
  };
}

/** Empty grades are reported as zero, so the answer always has all five keys. */
export function emptyCollectibility(): ByGrade<{ count: number; outstanding: Money }> {
  return Object.fromEntries(COLLECTIBILITIES.map((k) => [String(k), { count: 0, outstanding: Money.zero() }])) as ByGrade<{ count: number; outstanding: Money }>;
}
