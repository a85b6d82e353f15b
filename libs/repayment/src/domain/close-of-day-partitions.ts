// How a day is split: equal-width ranges of borrower ids (random v4 UUIDs spread evenly over them), so
// each range is one job any worker may take, and all of a borrower's loans fall into one range: the
// one-obligor rule never needs another partition. Ranges are [from, to), the last open-ended.

export interface BorrowerRange {
  partition: number;
  /** Inclusive lower bound, a UUID. */
  from: string;
  /** Exclusive upper bound; null for the last range (to the end of the UUID space). */
  to: string | null;
}

/** CLOSE_OF_DAY_PARTITIONS allows as many; more jobs than this per day would only add overhead. */
export const MAX_PARTITIONS = 256;

const SPACE = 2n ** 32n;
const uuidAt = (prefix: bigint): string => `${prefix.toString(16).padStart(8, '0')}-0000-0000-0000-000000000000`;

export function borrowerRanges(count: number): BorrowerRange[] {
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_PARTITIONS) throw new RangeError(`partition count must be 1 to ${MAX_PARTITIONS} (got ${count})`);
  const n = BigInt(count);
  return Array.from({ length: count }, (_, i) => ({
    partition: i,
    from: uuidAt((BigInt(i) * SPACE) / n),
    to: i === count - 1 ? null : uuidAt((BigInt(i + 1) * SPACE) / n),
  }));
}

/** The range holding `id` (lowercase or not); PostgreSQL orders uuid values as their hex text does. */
export function rangeOf(id: string, ranges: readonly BorrowerRange[]): BorrowerRange {
  const key = id.toLowerCase();
  const found = ranges.find((r) => key >= r.from && (r.to === null || key < r.to));
  if (!found) throw new RangeError(`no range holds ${id}`);
  return found;
}
