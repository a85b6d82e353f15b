// Which days a close-of-day run closes. Closing day D settles D (installments due on D and unpaid are
// overdue from D + 1) and opens D + 1 as the business date. Pure: the wall clock enters only through
// localDateIn, which the automatic close calls with the instant it fired at.
import { LocalDate } from '@js-joda/core';
import { ValidationError } from '#platform/errors';
import { daysBetween } from './loan-standing.js';

/** A run may close at most this many days: a typo in `until` must not close years ahead. */
export const MAX_DAYS_PER_RUN = 366;

export const nextDay = (date: string): string => LocalDate.parse(date).plusDays(1).toString();
export const previousDay = (date: string): string => LocalDate.parse(date).minusDays(1).toString();

/** The days from the business date to `until`, both included, in order; empty when `until` is earlier. */
export function daysToClose(businessDate: string, until: string): string[] {
  const count = daysBetween(businessDate, until) + 1;
  if (count <= 0) return [];
  if (count > MAX_DAYS_PER_RUN)
    throw ValidationError.field('until', 'CLOSE_OF_DAY_RANGE_TOO_LONG', `A run closes at most ${MAX_DAYS_PER_RUN} days (from ${businessDate} to ${until} is ${count})`);
  const start = LocalDate.parse(businessDate);
  return Array.from({ length: count }, (_, i) => start.plusDays(i).toString());
}

/** The calendar date at `instant` in an IANA time zone such as Asia/Jakarta. */
export function localDateIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * What the automatic close (00:05 local) closes: every day before today, i.e. through yesterday; null
 * when the books are already on today (or ahead of it, after a manual run).
 */
export function autoCloseUntil(localToday: string, businessDate: string): string | null {
  const until = previousDay(localToday);
  return until >= businessDate ? until : null;
}
