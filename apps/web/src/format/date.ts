// Business dates are calendar dates ("2026-12-05"), not instants: they are formatted from their digits,
// never through a JS Date, so no time zone can move them a day.

export type Language = 'id' | 'en';

const MONTHS: Record<Language, readonly string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-12-05" -> "5 Des 2026" (id) or "5 Dec 2026" (en); anything else is returned as it came. */
export function formatDate(value: string | null | undefined, language: Language = 'id'): string {
  if (!value) return '';
  const m = DATE.exec(value);
  if (!m) return value;
  const month = Number.parseInt(m[2], 10);
  const day = Number.parseInt(m[3], 10);
  if (month < 1 || month > 12 || day < 1 || day > 31) return value;
  return `${day} ${MONTHS[language][month - 1]} ${m[1]}`;
}

/** An ISO timestamp with offset, in the browser's zone: "5 Des 2026 09.00" (id) / "5 Dec 2026 09:00" (en). */
export function formatDateTime(value: string | null | undefined, language: Language = 'id'): string {
  if (!value) return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${formatDate(date, language)} ${pad(d.getHours())}${language === 'id' ? '.' : ':'}${pad(d.getMinutes())}`;
}

/** Whole days from one calendar date to another (b - a), computed in UTC so no zone shift applies. */
export function daysBetween(a: string, b: string): number {
  const toUtc = (s: string) => {
    const [y, mo, d] = s.split('-').map((p) => Number.parseInt(p, 10));
    return Date.UTC(y, mo - 1, d);
  };
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}
