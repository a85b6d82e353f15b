import { describe, expect, it } from '@jest/globals';
import type { ApplicationDetail } from '../officer/shared/queries';
import { decimalGreater, makerCheckerRule } from './maker-checker';

describe('decimalGreater (committee threshold hint, string arithmetic)', () => {
  it.each([
    ['5000001', '5000000.00', true],
    ['5000000', '5000000.00', false],
    ['5000000.01', '5000000', true],
    ['4999999.99', '5000000.00', false],
    ['10000000', '9999999.99', true],
    ['0005000000', '5000000', false],
    ['900000000000000000', '899999999999999999.99', true],
  ])('%s > %s is %s', (a, b, expected) => {
    expect(decimalGreater(a, b)).toBe(expected);
  });
});

describe('makerCheckerRule', () => {
  const app = (patch: Partial<ApplicationDetail>) =>
    ({ submittedBy: 'officer', status: 'SCORED', scores: [{ scoredBy: 'scorer' }], decisions: [], ...patch }) as unknown as ApplicationDetail;

  it('names the rule that would refuse the user, like the api', () => {
    expect(makerCheckerRule(app({}), 'officer')).toBe('submitted');
    expect(makerCheckerRule(app({}), 'scorer')).toBe('scored');
    expect(makerCheckerRule(app({ status: 'PENDING_SECOND_APPROVAL', decisions: [{ decision: 'APPROVE', decidedBy: 'first' }] as never }), 'first')).toBe('firstApproval');
  });

  it('lets a fresh pair of eyes decide, and a signed-out page guess nothing', () => {
    expect(makerCheckerRule(app({}), 'approver')).toBeNull();
    expect(makerCheckerRule(app({ status: 'PENDING_SECOND_APPROVAL', decisions: [{ decision: 'APPROVE', decidedBy: 'first' }] as never }), 'second')).toBeNull();
    expect(makerCheckerRule(app({}), undefined)).toBeNull();
  });
});
