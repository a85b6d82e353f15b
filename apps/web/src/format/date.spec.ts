import { describe, expect, it } from '@jest/globals';
import { daysBetween, formatDate } from './date';

describe('formatDate', () => {
  it.each([
    ['2026-12-05', 'id', '5 Des 2026'],
    ['2026-12-05', 'en', '5 Dec 2026'],
    ['2026-08-17', 'id', '17 Agu 2026'],
    ['2026-05-01', 'id', '1 Mei 2026'],
    ['2026-05-01', 'en', '1 May 2026'],
    ['2026-10-31', 'id', '31 Okt 2026'],
    ['2026-01-01', 'en', '1 Jan 2026'],
  ] as const)('%s (%s) -> %s', (input, language, expected) => {
    expect(formatDate(input, language)).toBe(expected);
  });

  it('never shifts a date whatever the zone: the first and last day of a year stay put', () => {
    // A Date-based formatter would show 31 Dec 2025 for 2026-01-01 west of UTC.
    expect(formatDate('2026-01-01')).toBe('1 Jan 2026');
    expect(formatDate('2026-12-31')).toBe('31 Des 2026');
  });

  it('returns what is not a YYYY-MM-DD date as it came, empty as empty', () => {
    expect(formatDate('2026-13-01')).toBe('2026-13-01');
    expect(formatDate('5/12/2026')).toBe('5/12/2026');
    expect(formatDate(null)).toBe('');
  });

  it('counts calendar days between dates', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
  });
});
