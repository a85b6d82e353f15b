// How scores are put into words, in Indonesian (what the officer reads to the applicant) and English.
import { Decimal } from 'decimal.js';
import type { Money } from '#money';

export type Lang = 'id' | 'en';

/** A sentence in both languages. */
export interface Bilingual {
  id: string;
  en: string;
}

/** "Rp1.500.000" in Indonesian, "Rp1,500,000" in English. */
export function rupiah(m: Money, lang: Lang): string {
  const id = m.format();
  return lang === 'id' ? id : id.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
}

/**
 * "18,4%" / "18.4%", one decimal at most. Rounded up, so that a value just above a band's bound never
 * reads as the bound itself ("30%" while the rule says "above 30%").
 */
export function percent(d: Decimal, lang: Lang): string {
  const s = d.toDecimalPlaces(1, Decimal.ROUND_UP).toFixed(1).replace(/\.0$/, '');
  return `${lang === 'id' ? s.replace('.', ',') : s}%`;
}

/** "1 month" / "29 months"; Indonesian does not inflect. */
export function count(n: number, en: string): string {
  return `${n} ${en}${n === 1 ? '' : 's'}`;
}

/** Kolektibilitas names (POJK 40/2019). */
export const COLLECTIBILITY_NAMES: Record<number, Bilingual> = {
  1: { id: 'Lancar', en: 'Current' },
  2: { id: 'Dalam Perhatian Khusus', en: 'Special mention' },
  3: { id: 'Kurang Lancar', en: 'Substandard' },
  4: { id: 'Diragukan', en: 'Doubtful' },
  5: { id: 'Macet', en: 'Loss' },
};
