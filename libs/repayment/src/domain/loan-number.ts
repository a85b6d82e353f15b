// A loan's readable number and the virtual account (VA) borrowers pay into (domain.md "Money rails").
import { DomainError } from '#platform/errors';

/** Bank Jatim VAs: 8 digits set by the bank, up to 16 chosen by the client. */
export const VA_PREFIX_DIGITS = 8;
export const VA_MAX_DIGITS = 24;

/** `BKL` from programme code `BKL-UMKM`: the part before the first hyphen. */
export function loanNumberPrefix(programmeCode: string): string {
  const prefix = programmeCode.split('-')[0];
  if (!/^[A-Z0-9_]{1,32}$/.test(prefix)) throw new DomainError('UNPROCESSABLE', 'LOAN_NUMBER_PREFIX_INVALID', `Programme code ${programmeCode} gives no usable loan number prefix`);
  return prefix;
}

/** `BKL-2026-000123`: the prefix, the year of disbursement and a sequence shared by every programme. */
export function loanNumber(prefix: string, year: string, sequence: string): string {
  if (!/^\d{4}$/.test(year) || !/^[1-9]\d*$/.test(sequence)) throw new Error(`loanNumber: bad year ${year} or sequence ${sequence}`);
  return `${prefix}-${year}-${sequence.padStart(6, '0')}`;
}

/**
 * The bank's prefix followed by the number's year and sequence digits (BKL-2026-000123 with prefix
 * 11400001 -> 114000012026000123). The sequence is shared by every programme, so the VA is unique
 * without the programme prefix, which may hold letters only.
 */
export function virtualAccountFor(vaPrefix: string, number: string): string {
  if (!new RegExp(`^\\d{${VA_PREFIX_DIGITS}}$`).test(vaPrefix)) throw new Error(`VA prefix must be ${VA_PREFIX_DIGITS} digits (got ${vaPrefix})`);
  const match = /^[A-Z0-9_]+-(\d{4})-(\d+)$/.exec(number);
  if (!match) throw new Error(`not a loan number: ${number}`);
  const va = vaPrefix + match[1] + match[2];
  if (va.length > VA_MAX_DIGITS)
    throw new DomainError('UNPROCESSABLE', 'VIRTUAL_ACCOUNT_TOO_LONG', `Virtual account ${va} for loan ${number} is over ${VA_MAX_DIGITS} digits`);
  return va;
}
