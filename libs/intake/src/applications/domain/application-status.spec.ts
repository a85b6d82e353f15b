import { DomainError } from '#platform/errors';
import { APPLICATION_EVENTS, APPLICATION_STATUSES, type ApplicationEvent, type ApplicationStatus, canMove, COUNTS_AS_ACTIVE_LOAN, FINAL_STATUSES, nextStatus } from './application-status.js';

// The expected machine, written out independently of the implementation: row = from, column = event,
// '-' = refused with INVALID_STATE.
const SC = 'SCORED';
const AP = 'APPROVED';
const P2 = 'PENDING_SECOND_APPROVAL';
const RJ = 'REJECTED';
const DB = 'DISBURSED';
const WD = 'WITHDRAWN';
const EX = 'EXPIRED';
const _ = '-';
const EVENTS: ApplicationEvent[] = ['SCORE', 'APPROVE', 'APPROVE_FIRST', 'REJECT', 'DISBURSE', 'WITHDRAW', 'EXPIRE'];
const TABLE: Record<ApplicationStatus, (ApplicationStatus | '-')[]> = {
  //                        SCORE APPROVE FIRST REJECT DISBURSE WITHDRAW EXPIRE
  SUBMITTED: /*           */ [SC, _, _, _, _, WD, _],
  SCORED: /*              */ [SC, AP, P2, RJ, _, WD, _],
  APPROVED: /*            */ [_, _, _, _, DB, _, EX],
  PENDING_SECOND_APPROVAL: [_, AP, _, RJ, _, _, _],
  REJECTED: /*            */ [_, _, _, _, _, _, _],
  DISBURSED: /*           */ [_, _, _, _, _, _, _],
  WITHDRAWN: /*           */ [_, _, _, _, _, _, _],
  EXPIRED: /*             */ [_, _, _, _, _, _, _],
};

const pairs = APPLICATION_STATUSES.flatMap((from) => EVENTS.map((event, i) => [from, event, TABLE[from][i]] as const));

describe('application state machine', () => {
  it('the table covers every status and event', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...APPLICATION_STATUSES].sort());
    expect([...EVENTS].sort()).toEqual([...APPLICATION_EVENTS].sort());
    expect(pairs).toHaveLength(APPLICATION_STATUSES.length * APPLICATION_EVENTS.length);
  });

  it.each(pairs.filter(([, , to]) => to !== _))('%s --%s--> %s', (from, event, to) => {
    expect(nextStatus(from, event)).toBe(to);
    expect(canMove(from, event)).toBe(true);
  });

  it.each(pairs.filter(([, , to]) => to === _))('%s --%s--> refused with 409 INVALID_STATE naming the move', (from, event) => {
    expect(canMove(from, event)).toBe(false);
    let error: unknown;
    try {
      nextStatus(from, event);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'CONFLICT', code: 'INVALID_STATE' });
    expect((error as Error).message).toContain(event);
    expect((error as Error).message).toContain(from);
  });

  it('names where the event is allowed from', () => {
    expect(() => nextStatus('APPROVED', 'WITHDRAW')).toThrow('Cannot WITHDRAW an application that is APPROVED (only from SUBMITTED or SCORED)');
  });

  it('refuses values from outside the type without finding Object members', () => {
    expect(() => nextStatus('constructor' as ApplicationStatus, 'SCORE')).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
    expect(() => nextStatus('SUBMITTED', 'toString' as ApplicationEvent)).toThrow('toString is not an application event');
    expect(canMove('SUBMITTED', 'hasOwnProperty' as ApplicationEvent)).toBe(false);
  });

  it('knows the final statuses', () => {
    expect([...FINAL_STATUSES].sort()).toEqual(['DISBURSED', 'EXPIRED', 'REJECTED', 'WITHDRAWN']);
  });

  it('counts every open application against maxActiveLoans (disbursed ones count through their ACTIVE loan)', () => {
    expect([...COUNTS_AS_ACTIVE_LOAN].sort()).toEqual(['APPROVED', 'PENDING_SECOND_APPROVAL', 'SCORED', 'SUBMITTED']);
  });
});
