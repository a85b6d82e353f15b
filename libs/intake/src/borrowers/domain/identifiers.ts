// The other identifiers of domain.md: mobile numbers (stored E.164), KK, NIB and postal codes. Pure.

const MOBILE = /^(?:\+62|62|0)(8[1-9]\d{7,10})$/;
/** What people type between the digits of a phone number: spaces, dashes, dots, brackets. */
const PHONE_SEPARATORS = /[\s().-]/g;

export const PHONE_FORMAT_MESSAGE = 'phone must be an Indonesian mobile number: 08..., 628... or +628..., 10 to 13 digits after the prefix 0';

/** `0812-3456-7890`, `62 812 3456 7890` or `+6281234567890` -> `+6281234567890`; null when it is not an Indonesian mobile. */
export function normalizePhone(input: string): string | null {
  if (typeof input !== 'string') return null;
  const match = MOBILE.exec(input.replace(PHONE_SEPARATORS, ''));
  return match ? `+62${match[1]}` : null;
}

/** Kartu Keluarga number: 16 digits. */
export const isKk = (s: unknown): s is string => typeof s === 'string' && /^\d{16}$/.test(s);

/** Nomor Induk Berusaha: 13 digits. */
export const isNib = (s: unknown): s is string => typeof s === 'string' && /^\d{13}$/.test(s);

/** Kode pos: 5 digits, never starting with 0. */
export const isPostalCode = (s: unknown): s is string => typeof s === 'string' && /^[1-9]\d{4}$/.test(s);
