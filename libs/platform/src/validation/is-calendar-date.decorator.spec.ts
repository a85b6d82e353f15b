// Business dates are calendar dates written YYYY-MM-DD: real days only, no time, no zone.
import 'reflect-metadata';
import { validateSync } from 'class-validator';
import { IsCalendarDate, isCalendarDate } from './is-calendar-date.decorator.js';

class ValueDateDto {
  @IsCalendarDate()
  valueDate: unknown;
}

const errorsFor = (valueDate: unknown) => validateSync(Object.assign(new ValueDateDto(), { valueDate }));

describe('isCalendarDate', () => {
  it.each(['2026-01-01', '2026-12-31', '2028-02-29', '2000-02-29', '2026-04-30', '1999-12-31'])('accepts %s', (d) => {
    expect(isCalendarDate(d)).toBe(true);
  });

  it.each([
    ['29 February in a common year', '2026-02-29'],
    ['29 February in a century year that is not a leap year', '2100-02-29'],
    ['month 13', '2026-13-01'],
    ['month 00', '2026-00-10'],
    ['day 00', '2026-01-00'],
    ['31 April', '2026-04-31'],
    ['day 32', '2026-01-32'],
    ['a one-digit month', '2026-1-01'],
    ['a one-digit day', '2026-01-1'],
    ['an ISO datetime', '2026-03-02T00:00:00Z'],
    ['an ISO datetime with an offset', '2026-03-02T00:00:00+07:00'],
    ['a date with a trailing space', '2026-03-02 '],
    ['a date followed by a newline', '2026-03-02\n'],
    ['slashes', '2026/03/02'],
    ['day-month-year', '02-03-2026'],
    ['a two-digit year', '26-03-02'],
    ['an empty string', ''],
  ])('refuses %s (%j)', (_label, d) => {
    expect(isCalendarDate(d)).toBe(false);
  });

  it.each([
    ['a Date', new Date(Date.UTC(2026, 2, 2))],
    ['a number', 20260302],
    ['a timestamp', Date.UTC(2026, 2, 2)],
    ['null', null],
    ['undefined', undefined],
    ['an array', ['2026-03-02']],
    ['an object', { date: '2026-03-02' }],
  ])('refuses %s', (_label, v) => {
    expect(isCalendarDate(v)).toBe(false);
  });

  it('accepts every day of a leap year and of a common year, and nothing past their ends', () => {
    for (const [year, days] of [[2028, 366], [2026, 365]] as const) {
      let accepted = 0;
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= 31; d++) {
          if (isCalendarDate(`${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)) accepted++;
        }
      }
      expect(accepted).toBe(days);
    }
  });
});

describe('@IsCalendarDate', () => {
  it('passes a real date', () => {
    expect(errorsFor('2028-02-29')).toEqual([]);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-1-01', '2026-03-02T10:00:00Z', 20260302])('fails %j with constraint isCalendarDate and a message naming the field', (v) => {
    const errors = errorsFor(v);
    expect(errors).toHaveLength(1);
    expect(errors[0].property).toBe('valueDate');
    expect(errors[0].constraints).toEqual({ isCalendarDate: 'valueDate must be a calendar date written YYYY-MM-DD' });
  });

  it('honours a custom message', () => {
    class Custom {
      @IsCalendarDate({ message: 'pick a real day' })
      d: unknown = '2026-02-30';
    }
    expect(validateSync(new Custom())[0].constraints).toEqual({ isCalendarDate: 'pick a real day' });
  });
});
