// A name search as loan officers type it: "hj maimunah", "syafii kamal". Each word must occur somewhere in
// the borrower's name; PostgreSQL compares both as borrower_name_key (migration 1763800002000: lower
// case, letters, digits and spaces only), so case, dots and apostrophes do not decide a match.

/** The words to look for: split on white space, without words that hold no letter or digit, once each. */
export function nameSearchTerms(query: string): string[] {
  const words = query.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const seen = new Set<string>();
  return words.filter((w) => {
    const key = w.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
