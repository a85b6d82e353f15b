// An area moratorium (api.md "POST /api/loans/moratorium"): after a flood, say, every active loan in the
// named kecamatan has its unpaid installments due on or after `from` moved `months` months later.
//
// Rules (decided here, tested in moratorium.spec.ts):
// - A calendar month shift of the date as it stands, clamped to the month's end (Jan 31 + 1 month is
//   Feb 28 or 29), then, when the loan's terms move due dates off holidays, on to the next working day
//   for the loan's district.
// - Installments paid in full never move; partly paid ones do (what is left of them is still owed).
// - Within one loan the shifted dates stay strictly increasing: two dates that clamping or a holiday
//   run brings together are kept apart as the schedule engine keeps them (the later one moves to the
//   first working day after the earlier one).
import { LocalDate } from '@js-joda/core';
import { nextWorkingDay } from './due-dates.js';

export const MORATORIUM_MAX_MONTHS = 24;

export interface MoratoriumCandidate {
  id: string;
  loanId: string;
  dueDate: string;
}

export interface DueDateShift {
  id: string;
  loanId: string;
  from: string;
  to: string;
}

export interface ShiftRule {
  months: number;
  /** From the loan's terms snapshot. */
  moveDueDatesOffHolidays: boolean;
  /** Holidays for the loan's district (national, cuti bersama, and its region's own). */
  holidays: ReadonlySet<string>;
}

/** One due date shifted: `months` calendar months later, clamped to the month's end, then off holidays when the terms say so. */
export function shiftDueDate(dueDate: string, rule: ShiftRule): string {
  const shifted = LocalDate.parse(dueDate).plusMonths(rule.months);
  return (rule.moveDueDatesOffHolidays ? nextWorkingDay(shifted, rule.holidays) : shifted).toString();
}

/**
 * The shifts for the unpaid installments of one loan (callers pass only those due on or after the
 * moratorium's `from`), in due-date order.
 */
export function shiftLoanInstallments(installments: readonly MoratoriumCandidate[], rule: ShiftRule): DueDateShift[] {
  const sorted = [...installments].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const out: DueDateShift[] = [];
  let previous: LocalDate | undefined;
  for (const i of sorted) {
    let to = LocalDate.parse(shiftDueDate(i.dueDate, rule));
    if (previous && !to.isAfter(previous)) {
      const next = previous.plusDays(1);
      to = rule.moveDueDatesOffHolidays ? nextWorkingDay(next, rule.holidays) : next;
    }
    out.push({ id: i.id, loanId: i.loanId, from: i.dueDate, to: to.toString() });
    previous = to;
  }
  return out;
}
