// Whole years and whole months between calendar dates (YYYY-MM-DD), for the eligibility rules.
import { LocalDate } from '@js-joda/core';

/**
 * Age in whole years on `on`. Someone born on 29 February becomes a year older on 1 March in common
 * years (the birthday has not come while the date is still before 29 February), so a programme's
 * minimum age is never reached a day early.
 */
export function ageOn(birthDate: string, on: string): number {
  const b = LocalDate.parse(birthDate);
  const d = LocalDate.parse(on);
  const beforeBirthday = d.monthValue() < b.monthValue() || (d.monthValue() === b.monthValue() && d.dayOfMonth() < b.dayOfMonth());
  return d.year() - b.year() - (beforeBirthday ? 1 : 0);
}

/**
 * Whole months from `from` to `to`: the largest n with from + n months <= to, months added the way
 * schedules add them (clamped to the month's end: a business started 31 August has run 6 months on
 * 28 February). Negative when `from` is after `to`.
 */
export function wholeMonthsBetween(from: string, to: string): number {
  const a = LocalDate.parse(from);
  const b = LocalDate.parse(to);
  let n = (b.year() - a.year()) * 12 + (b.monthValue() - a.monthValue());
  while (a.plusMonths(n).isAfter(b)) n--;
  while (!a.plusMonths(n + 1).isAfter(b)) n++;
  return n;
}
