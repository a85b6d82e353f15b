// What the officer's one search box asks the api (GET /api/borrowers): a whole NIK or a whole mobile
// number is an exact lookup through its blind index; anything else with a letter or digit is a name.

/** What people type between the digits: spaces, dashes, dots, brackets (as the api's normalizePhone). */
const SEPARATORS = /[\s().-]/g;
/** The api's Indonesian mobile rule: 08..., 628... or +628..., 10 to 13 digits after the prefix 0. */
const MOBILE = /^(?:\+62|62|0)8[1-9]\d{7,10}$/;

export type BorrowerSearch = { nik: string } | { phone: string } | { name: string };

export function borrowerSearch(typed: string): BorrowerSearch | undefined {
  const text = typed.trim().slice(0, 100);
  const compact = text.replace(SEPARATORS, '');
  if (/^\d{16}$/.test(compact)) return { nik: compact };
  if (MOBILE.test(compact)) return { phone: compact };
  // The api searches names from two characters with a letter or digit.
  return text.length >= 2 && /[\p{L}\p{N}]/u.test(text) ? { name: text } : undefined;
}
