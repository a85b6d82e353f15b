// Charts need numbers for their geometry; every figure shown as TEXT (tables, tooltips, CSV) comes from
// the api's exact decimal strings. A chart bar a fraction of a rupiah off is invisible; a total is not.

/** A decimal string as a number, for a chart's axis only (never for arithmetic or display). */
export function chartNumber(value: string | null | undefined): number {
  return value ? +value : 0;
}

/** A ratio string of 0-1 ("0.0450") as a percentage with two decimals in the UI language: 4,50% / 4.50%. */
export function formatRatio(value: string | null | undefined, language: 'id' | 'en'): string {
  if (value === null || value === undefined || value === '') return '—';
  return new Intl.NumberFormat(language === 'id' ? 'id-ID' : 'en-GB', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(+value);
}
