import { Money } from '#money';
import { DomainError } from '#platform/errors';
import { type ApprovalBounds, assertMayDecide, decisionOutcome, decisionRequestViolations, type FirstApproval } from './decision-rules.js';

const bounds: ApprovalBounds = {
  amount: Money.of('8000000'),
  tenor: 12,
  minAmount: Money.of('1000000'),
  maxAmount: Money.of('10000000'),
  minTenor: 3,
  maxTenor: 24,
  committeeThreshold: Money.of('5000000'),
};
const first: FirstApproval = { decidedBy: 'approver-1', approvedAmount: Money.of('7000000'), approvedTenor: 10 };

function refusal(fn: () => unknown): { kind: string; code: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return { kind: e.kind, code: e.code };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('decisionRequestViolations', () => {
  it('accepts a bare approval and a reasoned rejection', () => {
    expect(decisionRequestViolations({ decision: 'APPROVE' })).toEqual([]);
    expect(decisionRequestViolations({ decision: 'REJECT', reasonCode: 'CAPACITY_INSUFFICIENT' })).toEqual([]);
    expect(decisionRequestViolations({ decision: 'REJECT', reasonCode: 'OTHER', note: 'Usaha tutup' })).toEqual([]);
  });

  it('names each field that belongs to the other decision or is missing', () => {
    expect(decisionRequestViolations({ decision: 'REJECT', approvedAmount: Money.of('1000000'), approvedTenor: 6 }).map((v) => `${v.field} ${v.code}`)).toEqual([
      'approvedAmount NOT_ALLOWED_ON_REJECT',
      'approvedTenor NOT_ALLOWED_ON_REJECT',
      'reasonCode REASON_CODE_REQUIRED',
    ]);
    expect(decisionRequestViolations({ decision: 'APPROVE', reasonCode: 'OTHER' }).map((v) => `${v.field} ${v.code}`)).toEqual([
      'reasonCode NOT_ALLOWED_ON_APPROVE',
      'note NOTE_REQUIRED',
    ]);
    expect(decisionRequestViolations({ decision: 'REJECT', reasonCode: 'OTHER', note: '   ' }).map((v) => v.code)).toEqual(['NOTE_REQUIRED']);
  });
});

describe('assertMayDecide (maker-checker)', () => {
  const ctx = { deciderId: 'approver-2', submittedBy: 'officer', scorerIds: ['officer', 'scorer'], firstApproval: null };

  it('lets a fresh pair of eyes decide', () => {
    expect(() => assertMayDecide(ctx)).not.toThrow();
    expect(() => assertMayDecide({ ...ctx, firstApproval: first })).not.toThrow();
  });

  it.each([
    ['who took the application', { deciderId: 'officer' }],
    ['who scored it', { deciderId: 'scorer' }],
    ['who gave the first approval', { deciderId: 'approver-1', firstApproval: first }],
  ])('refuses %s: 403 MAKER_CHECKER_VIOLATION', (_who, patch) => {
    expect(refusal(() => assertMayDecide({ ...ctx, ...patch }))).toEqual({ kind: 'FORBIDDEN', code: 'MAKER_CHECKER_VIOLATION' });
  });
});

describe('decisionOutcome', () => {
  it('approves what was asked by default; above the committee threshold only as a first approval', () => {
    const o = decisionOutcome({ decision: 'APPROVE' }, bounds, null);
    expect({ ...o, approvedAmount: o.approvedAmount?.toString() }).toEqual({ event: 'APPROVE_FIRST', step: 1, approvedAmount: '8000000.00', approvedTenor: 12 });
  });

  it('approves at once at or below the threshold, also when the approver lowers the amount', () => {
    expect(decisionOutcome({ decision: 'APPROVE', approvedAmount: Money.of('5000000') }, bounds, null).event).toBe('APPROVE');
    expect(decisionOutcome({ decision: 'APPROVE', approvedAmount: Money.of('5000000.01') }, bounds, null).event).toBe('APPROVE_FIRST');
  });

  it("the second approver approves the first one's terms by default, or less", () => {
    const o = decisionOutcome({ decision: 'APPROVE' }, bounds, first);
    expect({ ...o, approvedAmount: o.approvedAmount?.toString() }).toEqual({ event: 'APPROVE', step: 2, approvedAmount: '7000000.00', approvedTenor: 10 });
    expect(decisionOutcome({ decision: 'APPROVE', approvedAmount: Money.of('6500000'), approvedTenor: 9 }, bounds, first).approvedAmount?.toString()).toBe('6500000.00');
  });

  it('a rejection ends it at either step', () => {
    expect(decisionOutcome({ decision: 'REJECT', reasonCode: 'NOT_ELIGIBLE' }, bounds, null)).toEqual({ event: 'REJECT', step: 1, approvedAmount: null, approvedTenor: null });
    expect(decisionOutcome({ decision: 'REJECT', reasonCode: 'NOT_ELIGIBLE' }, bounds, first).step).toBe(2);
  });

  it.each([
    ['more than asked', { approvedAmount: Money.of('8000001') }, null, 'APPROVED_AMOUNT_ABOVE_REQUESTED'],
    ["more than the first approver's", { approvedAmount: Money.of('7500000') }, first, 'APPROVED_AMOUNT_ABOVE_FIRST_APPROVAL'],
    ['a longer tenor than asked', { approvedTenor: 13 }, null, 'APPROVED_TENOR_ABOVE_REQUESTED'],
    ["a longer tenor than the first approver's", { approvedTenor: 11 }, first, 'APPROVED_TENOR_ABOVE_FIRST_APPROVAL'],
    ["below the product's minimum", { approvedAmount: Money.of('999999') }, null, 'AMOUNT_OUT_OF_RANGE'],
    ["a tenor below the product's minimum", { approvedTenor: 2 }, null, 'TENOR_OUT_OF_RANGE'],
  ])('refuses %s (422)', (_what, patch, firstApproval, code) => {
    expect(refusal(() => decisionOutcome({ decision: 'APPROVE', ...patch }, bounds, firstApproval))).toEqual({ kind: 'UNPROCESSABLE', code });
  });
});
