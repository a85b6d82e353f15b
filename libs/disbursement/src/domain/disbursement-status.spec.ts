import { batchOutcome } from './disbursement-status.js';

describe('batchOutcome', () => {
  it.each([
    [['PENDING'], null],
    [['DISBURSED', 'PENDING'], null],
    [[], null],
    [['DISBURSED'], 'SETTLED'],
    [['DISBURSED', 'DISBURSED'], 'SETTLED'],
    [['DISBURSED', 'CANCELLED'], 'PARTLY_FAILED'],
    [['CANCELLED', 'CANCELLED'], 'FAILED'],
  ] as const)('%p ends as %p', (orders, outcome) => {
    expect(batchOutcome(orders)).toBe(outcome);
  });
});
