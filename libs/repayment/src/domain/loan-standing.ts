// Where a loan stands on a business date, from its installments alone (api.md "Loans and repayments"):
// what is overdue, for how many days, its grade, and what falls due next. Pure: computed on read until
// close-of-day stores it, and then by close-of-day with the same function.
import { ChronoUnit, LocalDate } from '@js-joda/core';
import { Money } from '#money';
import { classifyCollectibility, type Collectibility, type CollectibilityTable } from './classify-collectibility.js';

export const INSTALLMENT_STATUSES = ['PAID', 'PARTIALLY_PAID', 'DUE', 'OVERDUE', 'UPCOMING'] as const;
export type InstallmentStatus = (typeof INSTALLMENT_STATUSES)[number];

export interface InstallmentAmounts {
  dueDate: string;
  principalDue: Money;
  principalPaid: Money;
  lateFeeDue: Money;
  lateFeePaid: Money;
}

export interface LoanStanding {
  /** Unpaid principal and late fees of installments due before the business date. */
  overdueAmount: Money;
  daysPastDue: number;
  collectibility: Collectibility;
  /** The first installment not fully paid that is due on or after the business date; null when none. */
  nextDueDate: string | null;
  nextDueAmount: Money | null;
}

export function unpaidOf(i: InstallmentAmounts): Money {
  return i.principalDue.minus(i.principalPaid).plus(i.lateFeeDue.minus(i.lateFeePaid));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return ChronoUnit.DAYS.between(LocalDate.parse(from), LocalDate.parse(to));
}

/**
 * Paid in full wins; otherwise the date decides (a partly paid installment past its date is OVERDUE,
 * which is what collection needs to see); PARTIALLY_PAID is a payment ahead of the due date.
 * YYYY-MM-DD strings compare as the dates do.
 */
export function installmentStatus(i: InstallmentAmounts, businessDate: string): InstallmentStatus {
  if (!unpaidOf(i).isPositive()) return 'PAID';
  if (i.dueDate < businessDate) return 'OVERDUE';
  if (i.dueDate === businessDate) return 'DUE';
  return i.principalPaid.isPositive() || i.lateFeePaid.isPositive() ? 'PARTIALLY_PAID' : 'UPCOMING';
}

/**
 * Days past due = business date - due date of the oldest installment not fully paid, when positive,
 * else 0; the grade follows from `table`. Installments may come in any order.
 */
export function loanStanding(installments: readonly InstallmentAmounts[], businessDate: string, table: CollectibilityTable): LoanStanding {
  const unpaid = installments.filter((i) => unpaidOf(i).isPositive()).sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const overdueAmount = Money.sum(unpaid.filter((i) => i.dueDate < businessDate).map(unpaidOf));
  const oldest = unpaid[0];
  const daysPastDue = oldest ? Math.max(0, daysBetween(oldest.dueDate, businessDate)) : 0;
  const next = unpaid.find((i) => i.dueDate >= businessDate);
  return {
    overdueAmount,
    daysPastDue,
    collectibility: classifyCollectibility(table, daysPastDue),
    nextDueDate: next?.dueDate ?? null,
    nextDueAmount: next ? unpaidOf(next) : null,
  };
}

/**
 * The oldest-unpaid due dates whose loans are in `band` on `businessDate`: the filter a list by grade
 * runs in SQL on an indexed date column. `orNone`: loans with nothing unpaid (0 days) belong too.
 */
export function oldestUnpaidDueDateRange(
  band: { minDays: number; maxDays: number | null },
  businessDate: string,
): { from: string | null; to: string | null; orNone: boolean } {
  const today = LocalDate.parse(businessDate);
  const from = band.maxDays === null ? null : today.minusDays(band.maxDays).toString();
  // 0 days past due also covers every loan whose oldest unpaid installment is not yet overdue.
  if (band.minDays === 0) return { from, to: null, orNone: true };
  return { from, to: today.minusDays(band.minDays).toString(), orNone: false };
}
