// The banks a disbursement may go to (domain.md "Identifiers"): Indonesian interbank clearing codes.
export const BANKS = {
  '002': 'BRI',
  '008': 'Mandiri',
  '009': 'BNI',
  '014': 'BCA',
  '114': 'Bank Jatim',
  '123': 'Bank Kalbar',
  '124': 'Bank Kaltim',
  '125': 'Bank Kalteng',
  '129': 'BPD Bali',
} as const;

export type BankCode = keyof typeof BANKS;
export const BANK_CODES = Object.keys(BANKS) as BankCode[];

export const isBankCode = (code: string): code is BankCode => Object.hasOwn(BANKS, code);

export const bankName = (code: string): string | null => (isBankCode(code) ? BANKS[code] : null);
