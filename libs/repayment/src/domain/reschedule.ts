// A restructure (api.md "POST /api/loans/:id/reschedule"): what the borrower still owes, spread again
// by the schedule engine over a new tenor with the loan's own rounding and calendar terms.
//
// Rules (decided here, tested in reschedule.spec.ts):
// - Every installment of the current schedule not fully paid is superseded: unpaid, partly paid and
//   overdue alike. A partly paid row keeps what was paid on it as history (the superseded row still
//   shows principalPaid), and only its unpaid rest goes into the new schedule. Rows paid in full stay
//   in the current schedule untouched.
// - The new rows are one new schedule version (the loan's highest version + 1) and continue the
//   numbering after the highest number kept, so the current schedule never shows a number twice.
// - Overdue installments are folded in: the new schedule starts at the new first due date, so days
//   past due restart from there (the oldest unpaid due date moves to it).
// - Unpaid late fees are not forgiven: they move onto the first new installment (lateFeeDue), where
//   allocation takes them before that installment's principal, as it would have on the old ones.
// - Without firstDueDate the first new installment falls one period after the business date;
//   grace periods are not granted again (a restructure that wants grace names firstDueDate).
import { LocalDate } from '@js-joda/core';
import { Money } from '#money';
import { DomainError } from '#platform/errors';
import { generateSchedule, holidayWindow } from './generate-schedule.js';
import type { LoanTerms } from './loan-terms.js';
import type { InstallmentAmounts } from './loan-standing.js';

export interface ScheduledRow extends InstallmentAmounts {
  id: string;
  number: number;
  scheduleVersion: number;
}

export type RescheduleTerms = Pick<LoanTerms, 'frequency' | 'roundingUnit' | 'roundingMode' | 'remainderPlacement' | 'moveDueDatesOffHolidays'>;

export interface RescheduleRequest {
  newTenor: number;
  /** YYYY-MM-DD, not before the business date. */
  firstDueDate?: string;
}

export interface RescheduleInput extends RescheduleRequest {
  /** The loan's outstanding principal: what the new schedule must sum to. */
  outstandingPrincipal: Money;
  terms: RescheduleTerms;
  /** The current schedule (rows not superseded), in any order. */
  installments: readonly ScheduledRow[];
  /** The highest schedule version the loan has, superseded rows included. */
  latestVersion: number;
  businessDate: string;
  /** Holiday dates for the loan's district; read only when the terms move due dates off holidays. */
  holidays: ReadonlySet<string>;
}

export interface NewInstallment {
  number: number;
  dueDate: string;
  principalDue: Money;
  lateFeeDue: Money;
}

export interface ReschedulePlan {
  /** The rows to mark superseded. */
  supersededIds: string[];
  scheduleVersion: number;
  /** Unpaid late fees moved onto the first new installment. */
  carriedLateFees: Money;
  installments: NewInstallment[];
}

const unprocessable = (code: string, message: string, extensions: Record<string, unknown> = {}) =>
  new DomainError('UNPROCESSABLE', code, message, extensions);

/**
 * The engine's anchor: with a first due date F the engine schedules F + (k - 1) periods and only needs
 * an anchor before F; without one, installment k falls k periods after the business date.
 */
function scheduleAnchor(req: RescheduleRequest, businessDate: string): { disbursementDate: string; firstDueDate?: string } {
  if (req.firstDueDate === undefined) return { disbursementDate: businessDate };
  return { disbursementDate: LocalDate.parse(req.firstDueDate).minusDays(1).toString(), firstDueDate: req.firstDueDate };
}

/** Refuses a first due date before the business date (422 FIRST_DUE_DATE_IN_PAST). */
export function checkRescheduleRequest(req: RescheduleRequest, businessDate: string): void {
  if (req.firstDueDate !== undefined && req.firstDueDate < businessDate)
    throw unprocessable('FIRST_DUE_DATE_IN_PAST', `firstDueDate ${req.firstDueDate} is before the business date ${businessDate}`, { businessDate });
}

/** The dates whose holidays can move a due date of the new schedule, so that callers load only those. */
export function rescheduleHolidayWindow(req: RescheduleRequest, terms: Pick<LoanTerms, 'frequency'>, businessDate: string): { from: string; to: string } {
  return holidayWindow({ ...scheduleAnchor(req, businessDate), tenor: req.newTenor, frequency: terms.frequency, principalGracePeriods: 0 });
}

/**
 * The new schedule version: what to supersede and what to insert. Throws FIRST_DUE_DATE_IN_PAST,
 * NOTHING_TO_RESCHEDULE, or the engine's refusals (SCHEDULE_UNIT_TOO_LARGE, TENOR_OUT_OF_RANGE).
 */
export function planReschedule(input: RescheduleInput): ReschedulePlan {
  checkRescheduleRequest(input, input.businessDate);
  const open = input.installments.filter((i) => i.principalPaid.lt(i.principalDue) || i.lateFeePaid.lt(i.lateFeeDue));
  const kept = input.installments.filter((i) => !open.includes(i));
  const unpaidPrincipal = Money.sum(open.map((i) => i.principalDue.minus(i.principalPaid)));
  const carriedLateFees = Money.sum(open.map((i) => i.lateFeeDue.minus(i.lateFeePaid)));
  if (!input.outstandingPrincipal.isPositive())
    throw unprocessable('NOTHING_TO_RESCHEDULE', 'The loan has no outstanding principal to spread over a new schedule');
  // The loan's balance and its schedule are written together by every posting: a difference is a defect, not a request to refuse.
  if (!unpaidPrincipal.eq(input.outstandingPrincipal))
    throw new Error(`Outstanding principal ${input.outstandingPrincipal.toString()} differs from the schedule's unpaid principal ${unpaidPrincipal.toString()}`);

  const schedule = generateSchedule({
    principal: input.outstandingPrincipal,
    tenor: input.newTenor,
    frequency: input.terms.frequency,
    roundingUnit: Money.of(input.terms.roundingUnit),
    roundingMode: input.terms.roundingMode,
    remainderPlacement: input.terms.remainderPlacement,
    principalGracePeriods: 0,
    moveDueDatesOffHolidays: input.terms.moveDueDatesOffHolidays,
    holidays: input.holidays,
    ...scheduleAnchor(input, input.businessDate),
  });
  const firstNumber = Math.max(0, ...kept.map((i) => i.number)) + 1;
  return {
    supersededIds: open.map((i) => i.id),
    scheduleVersion: input.latestVersion + 1,
    carriedLateFees,
    installments: schedule.map((s, k) => ({
      number: firstNumber + k,
      dueDate: s.dueDate,
      principalDue: s.principal,
      lateFeeDue: k === 0 ? carriedLateFees : Money.zero(),
    })),
  };
}
