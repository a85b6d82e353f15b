// What GET /api/loans reads of close-of-day's work: once the day before the business date is closed,
// an active loan's collectibility is the stored one (with the one-obligor rule, which a single loan's
// installments cannot tell); before any close, or after the business date was moved by other means,
// the loan's own grade computed on read stands.
import type { EntityManager } from 'typeorm';
import type { Collectibility } from '../domain/classify-collectibility.js';

const closedDayBefore = (businessDateParam: string) =>
  `EXISTS (SELECT 1 FROM close_of_day_day d WHERE d.day = ${businessDateParam}::date - 1 AND d.status = 'COMPLETED')`;

/** Whether close-of-day closed the day before `businessDate`, so the stored standing is of `businessDate`. */
export async function storedStandingIsCurrent(em: EntityManager, businessDate: string): Promise<boolean> {
  const [row] = (await em.query(`SELECT ${closedDayBefore('$1')} AS current`, [businessDate])) as { current: boolean }[];
  return row.current;
}

/** The stored (obligor) collectibility of those of `loanIds` that are active, when it is current; else an empty map. */
export async function storedCollectibilities(em: EntityManager, loanIds: readonly string[], businessDate: string): Promise<Map<string, Collectibility>> {
  if (!loanIds.length) return new Map();
  const rows = (await em.query(
    `SELECT l.id, l.collectibility FROM loan l WHERE l.id = ANY($1::uuid[]) AND l.status = 'ACTIVE' AND ${closedDayBefore('$2')}`,
    [loanIds, businessDate],
  )) as { id: string; collectibility: Collectibility }[];
  return new Map(rows.map((r) => [r.id, r.collectibility]));
}
