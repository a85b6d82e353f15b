// Loan quality (kolektibilitas) from days past due, by the table the product names (domain.md):
// BANK is POJK 40/2019, BPR is POJK 33/2018. Named strategies: a product selects one by name.
import { ValidationError } from '#platform/errors';

export const COLLECTIBILITY_TABLES = ['BANK', 'BPR'] as const;
export type CollectibilityTable = (typeof COLLECTIBILITY_TABLES)[number];

export type Collectibility = 1 | 2 | 3 | 4 | 5;
export const COLLECTIBILITIES: readonly Collectibility[] = [1, 2, 3, 4, 5];

/** Days past due covered by one grade, both ends inclusive; maxDays null means no upper end. */
export interface CollectibilityBand {
  collectibility: Collectibility;
  minDays: number;
  maxDays: number | null;
}

/** Each table's bands cover 0..infinity without gaps or overlaps (a spec checks it). */
export const COLLECTIBILITY_BANDS: Record<CollectibilityTable, readonly CollectibilityBand[]> = {
  BANK: [
    { collectibility: 1, minDays: 0, maxDays: 0 },
    { collectibility: 2, minDays: 1, maxDays: 90 },
    { collectibility: 3, minDays: 91, maxDays: 120 },
    { collectibility: 4, minDays: 121, maxDays: 180 },
    { collectibility: 5, minDays: 181, maxDays: null },
  ],
  BPR: [
    { collectibility: 1, minDays: 0, maxDays: 30 },
    { collectibility: 2, minDays: 31, maxDays: 90 },
    { collectibility: 3, minDays: 91, maxDays: 180 },
    { collectibility: 4, minDays: 181, maxDays: 360 },
    { collectibility: 5, minDays: 361, maxDays: null },
  ],
};

function bandsOf(table: CollectibilityTable): readonly CollectibilityBand[] {
  // Own properties only: a table name read from stored JSON must not find Object's members.
  if (!Object.hasOwn(COLLECTIBILITY_BANDS, table))
    throw ValidationError.field('collectibilityTable', 'UNKNOWN_COLLECTIBILITY_TABLE', `collectibilityTable must be one of ${COLLECTIBILITY_TABLES.join(', ')}`);
  return COLLECTIBILITY_BANDS[table];
}

/** The grade of a loan `daysPastDue` days past due (0 when nothing is overdue). */
export function classifyCollectibility(table: CollectibilityTable, daysPastDue: number): Collectibility {
  if (!Number.isSafeInteger(daysPastDue) || daysPastDue < 0)
    throw ValidationError.field('daysPastDue', 'DAYS_PAST_DUE_INVALID', `daysPastDue must be a whole number of at least 0 (got ${String(daysPastDue)})`);
  const band = bandsOf(table).find((b) => daysPastDue >= b.minDays && (b.maxDays === null || daysPastDue <= b.maxDays));
  // Unreachable while the bands cover every day; kept so a bad edit fails loudly instead of grading 5.
  if (!band) throw new Error(`collectibility table ${table} has no band for ${daysPastDue} days`);
  return band.collectibility;
}

/** The days-past-due range of one grade: what a list filtered by collectibility selects. */
export function collectibilityBand(table: CollectibilityTable, collectibility: Collectibility): CollectibilityBand {
  const band = bandsOf(table).find((b) => b.collectibility === collectibility);
  if (!band) throw ValidationError.field('collectibility', 'COLLECTIBILITY_INVALID', `collectibility must be 1 to 5 (got ${String(collectibility)})`);
  return band;
}
