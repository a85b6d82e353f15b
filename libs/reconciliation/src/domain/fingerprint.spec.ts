import { Money } from '#money';
import { fingerprintLines } from './fingerprint.js';
import type { ParsedLine } from './statement.js';

const line = (over: Partial<ParsedLine> = {}): ParsedLine => ({
  lineNo: 2,
  valueDate: '2026-02-14',
  direction: 'CREDIT',
  amount: Money.of('334000'),
  reference: 'VA1',
  description: 'x',
  balance: null,
  ...over,
});

describe('fingerprintLines', () => {
  it('is stable across files: line number, description and balance do not change it', () => {
    const [a] = fingerprintLines('acct', [line()]);
    const [b] = fingerprintLines('acct', [line({ lineNo: 9, description: 'other', balance: Money.of('1') })]);
    expect(a).toBe(b);
  });

  it('tells identical lines of one file apart by their rank, and differs by account, date, amount, direction, reference', () => {
    const fps = fingerprintLines('acct', [line(), line(), line({ amount: Money.of('334001') }), line({ direction: 'DEBIT' }), line({ reference: 'VA2' }), line({ valueDate: '2026-02-15' })]);
    expect(new Set(fps).size).toBe(6);
    expect(fingerprintLines('other', [line()])[0]).not.toBe(fps[0]);
  });
});
