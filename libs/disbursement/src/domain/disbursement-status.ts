// The lives of a disbursement order and of a bank batch, and how a batch ends from its orders.

/** PENDING until the bank's transfer is confirmed (DISBURSED, a loan is booked) or has failed (CANCELLED). */
export const DISBURSEMENT_STATUSES = ['PENDING', 'DISBURSED', 'CANCELLED'] as const;
export type DisbursementStatus = (typeof DISBURSEMENT_STATUSES)[number];

/**
 * OPEN when made; SENT once its file has gone to the bank; then, when no order in it is PENDING any
 * more: SETTLED (all paid), PARTLY_FAILED (some cancelled) or FAILED (all cancelled).
 */
export const BATCH_STATUSES = ['OPEN', 'SENT', 'SETTLED', 'PARTLY_FAILED', 'FAILED'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const LIVE_BATCH_STATUSES: readonly BatchStatus[] = ['OPEN', 'SENT'];

/** How a batch ends once its orders are resolved; null while any is still PENDING. */
export function batchOutcome(orders: readonly DisbursementStatus[]): 'SETTLED' | 'PARTLY_FAILED' | 'FAILED' | null {
  if (!orders.length || orders.includes('PENDING')) return null;
  const cancelled = orders.filter((s) => s === 'CANCELLED').length;
  return cancelled === 0 ? 'SETTLED' : cancelled === orders.length ? 'FAILED' : 'PARTLY_FAILED';
}
