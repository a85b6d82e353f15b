// The calendar half of the schedule rules (api.md "Schedule rules"): when each installment falls due.
import { DayOfWeek, LocalDate } from '@js-joda/core';

export type Frequency = 'MONTHLY' | 'BIWEEKLY' | 'WEEKLY';

export const FREQUENCIES: readonly Frequency[] = ['MONTHLY', 'BIWEEKLY', 'WEEKLY'];

/**
 * `periods` periods after `anchor`. Always computed from the anchor, never chained from the previous
 * due date: Jan 31 + 1 month is Feb 28 (plusMonths clamps to the month's end) and + 2 months is Mar 31,
 * where chaining would drift to Mar 28.
 */
export function addPeriods(anchor: LocalDate, frequency: Frequency, periods: number): LocalDate {
  switch (frequency) {
    case 'MONTHLY':
      return anchor.plusMonths(periods);
    case 'BIWEEKLY':
      return anchor.plusDays(14 * periods);
    case 'WEEKLY':
      return anchor.plusDays(7 * periods);
  }
}

export function isWorkingDay(date: LocalDate, holidays: ReadonlySet<string>): boolean {
  const day = date.dayOfWeek();
  return day !== DayOfWeek.SATURDAY && day !== DayOfWeek.SUNDAY && !holidays.has(date.toString());
}

/** `date` itself when it is a working day, else the first working day after it. */
export function nextWorkingDay(date: LocalDate, holidays: ReadonlySet<string>): LocalDate {
  let d = date;
  // Terminates: the set is finite and at most two days of each week are weekend.
  while (!isWorkingDay(d, holidays)) d = d.plusDays(1);
  return d;
}

export interface DueDateRule {
  disbursementDate: LocalDate;
  firstDueDate?: LocalDate;
  frequency: Frequency;
  principalGracePeriods: number;
  moveDueDatesOffHolidays: boolean;
  holidays: ReadonlySet<string>;
}

/** The unmoved due date of installment k (1-based): period g + k, or F + (k - 1) periods when F is given. */
export function scheduledDueDate(rule: Omit<DueDateRule, 'moveDueDatesOffHolidays' | 'holidays'>, k: number): LocalDate {
  return rule.firstDueDate
    ? addPeriods(rule.firstDueDate, rule.frequency, k - 1)
    : addPeriods(rule.disbursementDate, rule.frequency, rule.principalGracePeriods + k);
}

/**
 * The due dates of installments 1..n. A date moved off a weekend or holiday could, after a long run of
 * holidays, reach the next installment's date (weekly loans); it then moves on to the first working
 * day after the previous installment, so that no two installments ever share a date.
 */
export function dueDates(rule: DueDateRule, n: number): LocalDate[] {
  const dates: LocalDate[] = [];
  let previous: LocalDate | undefined;
  for (let k = 1; k <= n; k++) {
    let d = scheduledDueDate(rule, k);
    if (rule.moveDueDatesOffHolidays) {
      d = nextWorkingDay(d, rule.holidays);
      if (previous && !d.isAfter(previous)) d = nextWorkingDay(previous.plusDays(1), rule.holidays);
    }
    dates.push(d);
    previous = d;
  }
  return dates;
}
