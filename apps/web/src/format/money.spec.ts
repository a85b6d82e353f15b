import { describe, expect, it } from '@jest/globals';
import { formatMoney, formatMoneyForInput, groupThousands, isZeroMoney, parseMoneyInput } from './money';

describe('formatMoney', () => {
  it.each([
    ['1500000', 'Rp1.500.000'],
    ['1500000.00', 'Rp1.500.000'],
    ['334000.00', 'Rp334.000'],
    ['0', 'Rp0'],
    ['0.00', 'Rp0'],
    ['999', 'Rp999'],
    ['1000', 'Rp1.000'],
    ['2500.5', 'Rp2.500,50'],
    ['2500.05', 'Rp2.500,05'],
    ['0.75', 'Rp0,75'],
    ['-2500', '-Rp2.500'],
    ['-1500000.10', '-Rp1.500.000,10'],
    ['-0.00', 'Rp0'],
    ['2000000000.00', 'Rp2.000.000.000'],
    // Beyond 2^53: a JS number would already have lost the last rupiah.
    ['9007199254740993', 'Rp9.007.199.254.740.993'],
  ])('%s -> %s', (input, expected) => {
    expect(formatMoney(input)).toBe(expected);
  });

  it('leaves what is not a decimal string visible as it came, and empty as empty', () => {
    expect(formatMoney('abc')).toBe('abc');
    expect(formatMoney('1e6')).toBe('1e6');
    expect(formatMoney(null)).toBe('');
    expect(formatMoney(undefined)).toBe('');
  });

  it('groups digits by thousands', () => {
    expect(groupThousands('1')).toBe('1');
    expect(groupThousands('1234567')).toBe('1.234.567');
    expect(groupThousands('000123')).toBe('123');
  });
});

describe('parseMoneyInput', () => {
  it.each([
    ['1.500.000', '1500000'],
    ['1500000', '1500000'],
    ['Rp1.500.000', '1500000'],
    ['Rp 1.500.000', '1500000'],
    ['  2.000 ', '2000'],
    ['1.500.000,50', '1500000.5'],
    ['1500000,5', '1500000.5'],
    ['1500000.50', '1500000.5'],
    ['1500000.05', '1500000.05'],
    ['007', '7'],
    ['1.000.000.000.000', '1000000000000'],
  ])('%s -> %s', (input, expected) => {
    expect(parseMoneyInput(input)).toBe(expected);
  });

  it.each(['', 'abc', '1,5,0', '1.50.000', '1500000.505', '-1000', '1 juta', '1.5e6', '12.3456'])('refuses %p', (input) => {
    expect(parseMoneyInput(input)).toBeNull();
  });

  it('formats an amount for editing, and parsing that gives the amount back', () => {
    for (const value of ['1500000', '1500000.5', '7', '1000000000000']) {
      expect(parseMoneyInput(formatMoneyForInput(value))).toBe(value);
    }
    expect(formatMoneyForInput('1500000.5')).toBe('1.500.000,5');
    // The api's two decimals: a form filled from an answer shows what a person would type.
    expect(formatMoneyForInput('6000000.00')).toBe('6.000.000');
    expect(formatMoneyForInput('2750000.50')).toBe('2.750.000,5');
  });
});

describe('isZeroMoney', () => {
  it('is true for zero in any spelling and for nothing, false for any amount', () => {
    for (const v of ['0', '0.00', '-0.00', '000', '', null, undefined]) expect(isZeroMoney(v)).toBe(true);
    for (const v of ['0.01', '1', '-5', '100000.00']) expect(isZeroMoney(v)).toBe(false);
  });
});
