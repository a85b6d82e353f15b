// The application's life (issue 3 item 8): which event may move it from which status, and nothing else.
import { InvalidStateError } from '#platform/errors';

export const APPLICATION_STATUSES = [
  'SUBMITTED',
  'SCORED',
  'APPROVED',
  'PENDING_SECOND_APPROVAL',
  'REJECTED',
  'DISBURSED',
  'WITHDRAWN',
  'EXPIRED',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_EVENTS = ['SCORE', 'APPROVE', 'APPROVE_FIRST', 'REJECT', 'DISBURSE', 'WITHDRAW', 'EXPIRE'] as const;
export type ApplicationEvent = (typeof APPLICATION_EVENTS)[number];

/**
 * Every legal move; anything absent is refused. A rescore (SCORE from SCORED) stays SCORED. Decisions
 * are taken on a scored application, or by the second approver on one pending a second approval.
 * The officer may withdraw only before any decision (SUBMITTED, SCORED). EXPIRE is close-of-day's,
 * for an approval not disbursed within the product's validity days.
 */
const MOVES: Record<ApplicationEvent, Partial<Record<ApplicationStatus, ApplicationStatus>>> = {
  SCORE: { SUBMITTED: 'SCORED', SCORED: 'SCORED' },
  APPROVE: { SCORED: 'APPROVED', PENDING_SECOND_APPROVAL: 'APPROVED' },
  APPROVE_FIRST: { SCORED: 'PENDING_SECOND_APPROVAL' },
  REJECT: { SCORED: 'REJECTED', PENDING_SECOND_APPROVAL: 'REJECTED' },
  DISBURSE: { APPROVED: 'DISBURSED' },
  WITHDRAW: { SUBMITTED: 'WITHDRAWN', SCORED: 'WITHDRAWN' },
  EXPIRE: { APPROVED: 'EXPIRED' },
};

/** Statuses from which no event leads anywhere. */
export const FINAL_STATUSES: readonly ApplicationStatus[] = APPLICATION_STATUSES.filter(
  (s) => !APPLICATION_EVENTS.some((e) => MOVES[e][s] !== undefined),
);

/**
 * Applications still on their way to a loan count against the product's maxActiveLoans, together
 * with the borrower's ACTIVE loan accounts. A DISBURSED application no longer counts by itself: its
 * loan does while ACTIVE, and stops counting once it is CLOSED or WRITTEN_OFF.
 */
export const COUNTS_AS_ACTIVE_LOAN: readonly ApplicationStatus[] = ['SUBMITTED', 'SCORED', 'APPROVED', 'PENDING_SECOND_APPROVAL'];

// Own properties only: a status or event read from outside ("constructor") must not find Object's members.
function target(from: ApplicationStatus, event: ApplicationEvent): ApplicationStatus | undefined {
  return Object.hasOwn(MOVES, event) && Object.hasOwn(MOVES[event], from) ? MOVES[event][from] : undefined;
}

export function canMove(from: ApplicationStatus, event: ApplicationEvent): boolean {
  return target(from, event) !== undefined;
}

/** The status `event` leads to from `from`, or 409 INVALID_STATE naming the refused move. */
export function nextStatus(from: ApplicationStatus, event: ApplicationEvent): ApplicationStatus {
  const to = target(from, event);
  if (to === undefined) {
    const allowed = Object.hasOwn(MOVES, event) ? Object.keys(MOVES[event]) : [];
    throw new InvalidStateError(
      `Cannot ${event} an application that is ${from}` + (allowed.length ? ` (only from ${allowed.join(' or ')})` : ` (${event} is not an application event)`),
    );
  }
  return to;
}
