// When personal data may be erased: `years` after the last loan ended (a calendar date, YYYY-MM-DD).

/** `ended` plus `years` calendar years; 29 February becomes 28 February in a year without it. */
export function retentionEnds(ended: string, years: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ended);
  if (!m) throw new Error(`Not a calendar date: ${ended}`);
  const year = Number.parseInt(m[1], 10) + years;
  const month = m[2];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = month === '02' && m[3] === '29' && !leap ? '28' : m[3];
  return `${String(year).padStart(4, '0')}-${month}-${day}`;
}
