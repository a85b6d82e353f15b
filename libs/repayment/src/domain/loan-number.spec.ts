import fc from 'fast-check';
import { DomainError } from '#platform/errors';
import { loanNumber, loanNumberPrefix, VA_MAX_DIGITS, virtualAccountFor } from './loan-number.js';

describe('loan numbers', () => {
  it('take the programme code up to its first hyphen', () => {
    expect(loanNumberPrefix('BKL-UMKM')).toBe('BKL');
    expect(loanNumberPrefix('SPEC_1-A-B')).toBe('SPEC_1');
    expect(loanNumberPrefix('KOPERASI')).toBe('KOPERASI');
  });

  it('refuse a programme code that starts with a hyphen', () => {
    expect(() => loanNumberPrefix('-X')).toThrow(DomainError);
  });

  it('pad the sequence to six digits and grow past them', () => {
    expect(loanNumber('BKL', '2026', '123')).toBe('BKL-2026-000123');
    expect(loanNumber('BKL', '2027', '1234567')).toBe('BKL-2027-1234567');
  });
});

describe('virtualAccountFor', () => {
  it("is the bank's prefix followed by the number's digits", () => {
    expect(virtualAccountFor('11400001', 'BKL-2026-000123')).toBe('114000012026000123');
  });

  it('leaves digits of the programme prefix out, so the VA depends on year and sequence only', () => {
    expect(virtualAccountFor('11400001', 'KAB2-2026-000123')).toBe('114000012026000123');
  });

  it('refuses a prefix that is not 8 digits', () => {
    expect(() => virtualAccountFor('1140001', 'BKL-2026-000123')).toThrow(/8 digits/);
    expect(() => virtualAccountFor('1140000A', 'BKL-2026-000123')).toThrow(/8 digits/);
  });

  it('refuses a VA over 24 digits: 422 VIRTUAL_ACCOUNT_TOO_LONG', () => {
    expect(virtualAccountFor('11400001', 'BKL-2026-999999999999')).toHaveLength(24);
    let code: string | undefined;
    try {
      virtualAccountFor('11400001', 'BKL-2026-1000000000000');
    } catch (e) {
      code = (e as DomainError).code;
    }
    expect(code).toBe('VIRTUAL_ACCOUNT_TOO_LONG');
  });

  it('gives different loans different VAs, all digits and at most 24 long', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2999 }), fc.bigInt({ min: 1n, max: 999_999_999_999n }), fc.bigInt({ min: 1n, max: 999_999_999_999n }), (year, a, b) => {
        const va = (s: bigint) => virtualAccountFor('11400001', loanNumber('BKL', String(year), s.toString()));
        expect(va(a)).toMatch(new RegExp(`^\\d{1,${VA_MAX_DIGITS}}$`));
        expect(va(a) === va(b)).toBe(a === b);
      }),
    );
  });
});
