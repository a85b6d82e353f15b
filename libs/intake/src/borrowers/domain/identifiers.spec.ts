import { isKk, isNib, isPostalCode, normalizePhone } from './identifiers.js';

describe('normalizePhone', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['+6281234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['(0812) 3456.7890', '+6281234567890'],
    ['0811234567', '+62811234567'],
    ['0859123456789', '+62859123456789'],
  ])('%s -> %s', (input, e164) => {
    expect(normalizePhone(input)).toBe(e164);
  });

  it.each([
    ['a landline (031 Surabaya)', '0315551234'],
    ['80 after the prefix', '0801234567890'],
    ['too short (8 + 1 + 6 digits)', '081234567'],
    ['too long (8 + 1 + 11 digits)', '08123456789012'],
    ['no prefix', '81234567890'],
    ['another country', '+6581234567'],
    ['letters', '0812345678ab'],
    ['empty', ''],
  ])('refuses %s', (_label, input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe('KK, NIB and postal code', () => {
  it('KK is 16 digits', () => {
    expect(isKk('3526010101200001')).toBe(true);
    expect(isKk('352601010120000')).toBe(false);
    expect(isKk('35260101012000011')).toBe(false);
    expect(isKk('352601010120000A')).toBe(false);
    expect(isKk(3526010101200001)).toBe(false);
  });

  it('NIB is 13 digits', () => {
    expect(isNib('9120001234567')).toBe(true);
    expect(isNib('912000123456')).toBe(false);
    expect(isNib('91200012345678')).toBe(false);
    expect(isNib('912000123456X')).toBe(false);
  });

  it('a postal code is 5 digits not starting with 0', () => {
    expect(isPostalCode('69111')).toBe(true);
    expect(isPostalCode('10110')).toBe(true);
    expect(isPostalCode('09111')).toBe(false);
    expect(isPostalCode('6911')).toBe(false);
    expect(isPostalCode('691110')).toBe(false);
  });
});
