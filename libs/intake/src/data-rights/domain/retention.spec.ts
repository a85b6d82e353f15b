import { retentionEnds } from './retention.js';

describe('retentionEnds', () => {
  it('adds calendar years to the day the last loan ended', () => {
    expect(retentionEnds('2016-03-15', 10)).toBe('2026-03-15');
    expect(retentionEnds('2026-12-31', 0)).toBe('2026-12-31');
  });

  it('moves 29 February to 28 February in a year without it, and keeps it in a leap year', () => {
    expect(retentionEnds('2016-02-29', 10)).toBe('2026-02-28');
    expect(retentionEnds('2016-02-29', 12)).toBe('2028-02-29');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => retentionEnds('15/03/2016', 10)).toThrow(/calendar date/);
  });
});
