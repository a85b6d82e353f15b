// The schedule engine (api.md "Schedule rules"): what a 0% loan's borrower repays, and when. Pure: the
// product preview and loan booking both call it, so a preview is exactly the schedule a loan gets.
import { LocalDate } from '@js-joda/core';
import { Money, MoneyError, type RoundingMode, splitInstallments } from '#money';
import { DomainError, ValidationError } from '#platform/errors';
import { dueDates, FREQUENCIES, type Frequency, scheduledDueDate } from './due-dates.js';

export type { Frequency } from './due-dates.js';

export interface ScheduleTerms {
  principal: Money;
  /** Number of installments, for every frequency; grace periods come on top. */
  tenor: number;
  frequency: Frequency;
  roundingUnit: Money;
  roundingMode: 'UP' | 'HALF_UP';
  remainderPlacement: 'LAST' | 'FIRST';
  principalGracePeriods: number;
  moveDueDatesOffHolidays: boolean;
}

export interface ScheduleInput extends ScheduleTerms {
  disbursementDate: string;
  firstDueDate?: string;
  /** Holiday dates (YYYY-MM-DD); only read when moveDueDatesOffHolidays. */
  holidays: ReadonlySet<string>;
}

export interface ScheduledInstallment {
  number: number;
  dueDate: string;
  principal: Money;
}

const SCHEDULE_ROUNDING_MODES: readonly RoundingMode[] = ['UP', 'HALF_UP'];

const invalidTerms = (message: string) => new DomainError('UNPROCESSABLE', 'SCHEDULE_INVALID_TERMS', message);

function parseDate(value: unknown, field: string): LocalDate {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    try {
      return LocalDate.parse(value);
    } catch {
      // 2026-02-30 and the like: the same answer as a malformed string
    }
  }
  throw ValidationError.field(field, 'IS_CALENDAR_DATE', `${field} must be a calendar date written YYYY-MM-DD`);
}

function checkTerms(input: ScheduleInput): void {
  if (!Number.isSafeInteger(input.tenor) || input.tenor < 1)
    throw new DomainError('UNPROCESSABLE', 'TENOR_OUT_OF_RANGE', `tenor must be a whole number of at least 1 (got ${String(input.tenor)})`);
  if (!Number.isSafeInteger(input.principalGracePeriods) || input.principalGracePeriods < 0)
    throw invalidTerms(`principalGracePeriods must be a whole number of at least 0 (got ${String(input.principalGracePeriods)})`);
  if (!FREQUENCIES.includes(input.frequency)) throw invalidTerms(`frequency must be one of ${FREQUENCIES.join(', ')}`);
  if (!SCHEDULE_ROUNDING_MODES.includes(input.roundingMode)) throw invalidTerms('roundingMode must be UP or HALF_UP');
  if (!Money.isMoney(input.principal) || !input.principal.isPositive())
    throw new DomainError('UNPROCESSABLE', 'AMOUNT_OUT_OF_RANGE', `principal must be greater than 0 (got ${String(input.principal)})`);
}

/** The installment amounts; a unit that leaves an installment at or below zero is the programme's refusal. */
function amounts(input: ScheduleInput): Money[] {
  try {
    return splitInstallments(input.principal, input.tenor, { unit: input.roundingUnit, mode: input.roundingMode, remainder: input.remainderPlacement });
  } catch (e) {
    if (e instanceof MoneyError && e.code === 'MONEY_SPLIT_UNIT_TOO_LARGE')
      throw new DomainError('UNPROCESSABLE', 'SCHEDULE_UNIT_TOO_LARGE', `The rounding unit ${input.roundingUnit.toString()} leaves an installment at or below zero: ${e.message}`, {
        principal: input.principal.toString(),
        tenor: input.tenor,
        roundingUnit: input.roundingUnit.toString(),
      });
    if (e instanceof MoneyError) throw invalidTerms(e.message);
    throw e;
  }
}

/**
 * Installments 1..tenor: amounts that sum to the principal exactly, due dates strictly increasing and
 * after the disbursement date. Throws SCHEDULE_UNIT_TOO_LARGE, FIRST_DUE_DATE_NOT_AFTER_DISBURSEMENT,
 * TENOR_OUT_OF_RANGE (422) or VALIDATION_FAILED for a date that is not one.
 */
export function generateSchedule(input: ScheduleInput): ScheduledInstallment[] {
  const disbursementDate = parseDate(input.disbursementDate, 'disbursementDate');
  // null too: a nullable column read straight from the database means "no first due date".
  const firstDueDate = input.firstDueDate == null ? undefined : parseDate(input.firstDueDate, 'firstDueDate');
  checkTerms(input);
  if (firstDueDate && !firstDueDate.isAfter(disbursementDate))
    throw new DomainError(
      'UNPROCESSABLE',
      'FIRST_DUE_DATE_NOT_AFTER_DISBURSEMENT',
      `firstDueDate ${input.firstDueDate} must be after the disbursement date ${input.disbursementDate}`,
    );
  const parts = amounts(input);
  const dates = dueDates({ ...input, disbursementDate, firstDueDate }, input.tenor);
  return parts.map((principal, i) => ({ number: i + 1, dueDate: dates[i].toString(), principal }));
}

/** How far past the last (unmoved) due date holidays are loaded: far beyond any real run of days off. */
const HOLIDAY_MARGIN_DAYS = 366;

/**
 * The dates whose holidays can move a due date of this schedule, so that callers load only those.
 * Throws as generateSchedule does for malformed dates or tenor.
 */
export function holidayWindow(input: Omit<ScheduleInput, 'holidays' | 'principal' | 'roundingUnit' | 'roundingMode' | 'remainderPlacement' | 'moveDueDatesOffHolidays'>): {
  from: string;
  to: string;
} {
  const disbursementDate = parseDate(input.disbursementDate, 'disbursementDate');
  const firstDueDate = input.firstDueDate == null ? undefined : parseDate(input.firstDueDate, 'firstDueDate');
  const tenor = Number.isSafeInteger(input.tenor) && input.tenor >= 1 ? input.tenor : 1;
  const grace = Number.isSafeInteger(input.principalGracePeriods) && input.principalGracePeriods >= 0 ? input.principalGracePeriods : 0;
  const last = scheduledDueDate({ disbursementDate, firstDueDate, frequency: input.frequency, principalGracePeriods: grace }, tenor);
  return { from: disbursementDate.toString(), to: last.plusDays(HOLIDAY_MARGIN_DAYS).toString() };
}
