import { Decimal } from 'decimal.js';
import { allocateByWeights } from './allocate-by-weights.js';
import { codeOf, m, strings } from './spec-helpers.js';

const d = (s: string) => new Decimal(s);


describe('allocateByWeights', () => {
  it('splits whole rupiah by default, leftovers to the largest remainders', () => {
    expect(strings(allocateByWeights(m('100'), [d('1'), d('1'), d('1')]))).toEqual(['34.00', '33.00', '33.00']);
    // quotas 16.66.., 33.33.., 50: the leftover rupiah goes to the largest remainder (.66)
    expect(strings(allocateByWeights(m('100'), [d('1'), d('2'), d('3')]))).toEqual(['17.00', '33.00', '50.00']);
  });

  it('breaks ties toward the earlier index', () => {
    expect(strings(allocateByWeights(m('2'), [d('1'), d('1'), d('1')]))).toEqual(['1.00', '1.00', '0.00']);
    expect(strings(allocateByWeights(m('1'), [d('0'), d('1'), d('1')]))).toEqual(['0.00', '1.00', '0.00']);
  });

  it('allocates to the sen when asked', () => {
    expect(strings(allocateByWeights(m('100'), [d('1'), d('1'), d('1')], m('0.01')))).toEqual(['33.34', '33.33', '33.33']);
  });

  it('allocates in larger units', () => {
    expect(strings(allocateByWeights(m('1000000'), [d('1'), d('1'), d('1')], m('1000')))).toEqual([
      '334000.00',
      '333000.00',
      '333000.00',
    ]);
  });

  it('puts a sub-unit residue on the first part in allocation order', () => {
    expect(strings(allocateByWeights(m('100.50'), [d('1'), d('1')]))).toEqual(['50.50', '50.00']);
    expect(strings(allocateByWeights(m('101.50'), [d('1'), d('2'), d('1')]))).toEqual(['25.00', '51.50', '25.00']);
  });

  it('takes Money weights (balances) and exact Decimal ratios', () => {
    expect(strings(allocateByWeights(m('300000'), [m('1500000'), m('500000.50'), m('0')]))).toEqual([
      // quotas 224999.94 and 75000.06
      '225000.00',
      '75000.00',
      '0.00',
    ]);
    expect(strings(allocateByWeights(m('10'), [d('0.333333333333333333333333333333'), d('0.666666666666666666666666666667')]))).toEqual([
      '3.00',
      '7.00',
    ]);
  });

  it('gives 0 to zero weights and everything to a single weight', () => {
    expect(strings(allocateByWeights(m('999.99'), [d('0'), d('5'), d('0')]))).toEqual(['0.00', '999.99', '0.00']);
  });

  it('mirrors a negative total', () => {
    expect(strings(allocateByWeights(m('-100'), [d('1'), d('1'), d('1')]))).toEqual(['-34.00', '-33.00', '-33.00']);
  });

  it('allocates zero as zeros', () => {
    expect(strings(allocateByWeights(m('0'), [d('1'), d('3')]))).toEqual(['0.00', '0.00']);
  });

  it('refuses empty, negative, non-finite and all-zero weights and a bad unit', () => {
    expect(codeOf(() => allocateByWeights(m('1'), []))).toBe('MONEY_INVALID_WEIGHTS');
    expect(codeOf(() => allocateByWeights(m('1'), [d('1'), d('-1')]))).toBe('MONEY_INVALID_WEIGHTS');
    expect(codeOf(() => allocateByWeights(m('1'), [d('NaN')]))).toBe('MONEY_INVALID_WEIGHTS');
    expect(codeOf(() => allocateByWeights(m('1'), [d('Infinity')]))).toBe('MONEY_INVALID_WEIGHTS');
    expect(codeOf(() => allocateByWeights(m('1'), [d('0'), d('0')]))).toBe('MONEY_INVALID_WEIGHTS');
    expect(codeOf(() => allocateByWeights(m('1'), [1 as unknown as Decimal]))).toBe('MONEY_INVALID_WEIGHTS');
    expect(codeOf(() => allocateByWeights(m('1'), [d('1')], m('0')))).toBe('MONEY_INVALID_UNIT');
  });
});
