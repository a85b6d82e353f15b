// UU PDP 27/2022: processing specific personal data (financial data, the NIK) needs the person's
// consent to a known text. Each published text gets a version; a borrower records which one they
// agreed to and when. A new text is a new version here (old ones stay, borrowers keep theirs).
export const CONSENT_TEXTS = {
  'PDP-2026-01': {
    publishedOn: '2026-01-02',
    title: 'Persetujuan pemrosesan data pribadi peminjam dana bergulir UMKM',
  },
} as const;

export type ConsentVersion = keyof typeof CONSENT_TEXTS;

/** What a registration records when the request names no consent: the text in use today. */
export const CURRENT_CONSENT_VERSION: ConsentVersion = 'PDP-2026-01';

export const isConsentVersion = (v: string): v is ConsentVersion => Object.hasOwn(CONSENT_TEXTS, v);
