import fc from 'fast-check';
import { autoCloseUntil, daysToClose, localDateIn, MAX_DAYS_PER_RUN, nextDay, previousDay } from './close-of-day-calendar.js';

describe('close-of-day calendar', () => {
  it('closes each day from the business date through until, both included', () => {
    expect(daysToClose('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(daysToClose('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(daysToClose('2026-03-02', '2026-03-02')).toEqual(['2026-03-02']);
  });

  it('closes nothing when until is before the business date', () => {
    expect(daysToClose('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it(`refuses more than ${MAX_DAYS_PER_RUN} days in one run, naming until`, () => {
    expect(daysToClose('2026-01-01', '2027-01-01')).toHaveLength(366);
    expect(() => daysToClose('2026-01-01', '2027-01-02')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', fieldErrors: [expect.objectContaining({ field: 'until', code: 'CLOSE_OF_DAY_RANGE_TOO_LONG' })] }));
  });

  it('steps over month and year ends', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
  });

  it('property: the days are consecutive, start at the business date, end at until', () => {
    const date = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 120 }), (start, extra) => {
        let until = start;
        for (let i = 0; i < extra; i++) until = nextDay(until);
        const days = daysToClose(start, until);
        expect(days).toHaveLength(extra + 1);
        expect(days[0]).toBe(start);
        expect(days.at(-1)).toBe(until);
        for (let i = 1; i < days.length; i++) expect(days[i]).toBe(nextDay(days[i - 1]));
      }),
    );
  });

  it('reads the calendar date in the programme zone, not UTC', () => {
    // 17:05 UTC on 21 Nov is 00:05 on 22 Nov in WIB (UTC+7) and 01:05 in WITA (UTC+8).
    const instant = new Date('2026-11-21T17:05:00Z');
    expect(localDateIn(instant, 'Asia/Jakarta')).toBe('2026-11-22');
    expect(localDateIn(instant, 'Asia/Makassar')).toBe('2026-11-22');
    expect(localDateIn(instant, 'UTC')).toBe('2026-11-21');
    expect(localDateIn(new Date('2026-11-21T16:59:00Z'), 'Asia/Jakarta')).toBe('2026-11-21');
  });

  it('the automatic close closes through yesterday, or nothing when the books are already on today', () => {
    expect(autoCloseUntil('2026-11-22', '2026-11-21')).toBe('2026-11-21');
    expect(autoCloseUntil('2026-11-22', '2026-11-18')).toBe('2026-11-21');
    expect(autoCloseUntil('2026-11-22', '2026-11-22')).toBeNull();
    expect(autoCloseUntil('2026-11-22', '2026-11-25')).toBeNull();
  });
});
