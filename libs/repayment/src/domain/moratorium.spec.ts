// The calendar of an area moratorium: month shifts clamped to the month's end, holiday moving, order kept.
import fc from 'fast-check';
import { LocalDate } from '@js-joda/core';
import { isWorkingDay } from './due-dates.js';
import { type MoratoriumCandidate, shiftDueDate, shiftLoanInstallments, type ShiftRule } from './moratorium.js';

const plain = (months: number): ShiftRule => ({ months, moveDueDatesOffHolidays: false, holidays: new Set() });
const moving = (months: number, holidays: string[] = []): ShiftRule => ({ months, moveDueDatesOffHolidays: true, holidays: new Set(holidays) });
const candidates = (...dates: string[]): MoratoriumCandidate[] => dates.map((dueDate, k) => ({ id: `i${k + 1}`, loanId: 'L', dueDate }));

describe('shiftDueDate', () => {
  it.each([
    ['2026-03-15', 3, '2026-06-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2027-12-31', 2, '2028-02-29'],
    ['2026-03-31', 3, '2026-06-30'],
    ['2026-05-31', 1, '2026-06-30'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-08-29', 6, '2027-02-28'],
  ])('%s + %i months -> %s (clamped to the month end)', (from, months, to) => {
    expect(shiftDueDate(from, plain(months))).toBe(to);
  });

  it('moves off weekends and holidays only when the terms say so', () => {
    // 2026-02-15 + 3 months = Friday 2026-05-15, cuti bersama after Kenaikan Yesus Kristus.
    expect(shiftDueDate('2026-02-15', plain(3))).toBe('2026-05-15');
    expect(shiftDueDate('2026-02-15', moving(3, ['2026-05-14', '2026-05-15']))).toBe('2026-05-18');
    // 2026-03-14 + 3 months = Sunday 2026-06-14.
    expect(shiftDueDate('2026-03-14', plain(3))).toBe('2026-06-14');
    expect(shiftDueDate('2026-03-14', moving(3))).toBe('2026-06-15');
  });
});

describe('shiftLoanInstallments', () => {
  it('shifts each installment, keeping the due-date order whatever order they come in', () => {
    expect(shiftLoanInstallments(candidates('2026-05-15', '2026-03-15', '2026-04-15'), plain(2))).toEqual([
      { id: 'i2', loanId: 'L', from: '2026-03-15', to: '2026-05-15' },
      { id: 'i3', loanId: 'L', from: '2026-04-15', to: '2026-06-15' },
      { id: 'i1', loanId: 'L', from: '2026-05-15', to: '2026-07-15' },
    ]);
  });

  it('keeps two dates that clamping brings together apart: the later one moves to the next day', () => {
    // Weekly dates after a run of holidays can be a day apart: Jan 30 and Jan 31 both clamp to Feb 28.
    expect(shiftLoanInstallments(candidates('2026-01-30', '2026-01-31'), plain(1)).map((s) => s.to)).toEqual(['2026-02-28', '2026-03-01']);
    expect(shiftLoanInstallments(candidates('2026-01-30', '2026-01-31'), moving(1)).map((s) => s.to)).toEqual(['2026-03-02', '2026-03-03']);
  });

  it('any schedule: dates strictly increasing, each at least `months` months later, working days when moving', () => {
    const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => LocalDate.parse('2026-01-01').plusDays(n).toString());
    fc.assert(
      fc.property(fc.uniqueArray(day, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 24 }), fc.boolean(), fc.uniqueArray(day, { maxLength: 30 }), (dates, months, move, holidays) => {
        const rule: ShiftRule = { months, moveDueDatesOffHolidays: move, holidays: new Set(holidays) };
        const shifts = shiftLoanInstallments(candidates(...dates), rule);
        expect(shifts).toHaveLength(dates.length);
        for (let k = 0; k < shifts.length; k++) {
          const to = LocalDate.parse(shifts[k].to);
          expect(to.isBefore(LocalDate.parse(shifts[k].from).plusMonths(months))).toBe(false);
          if (move) expect(isWorkingDay(to, rule.holidays)).toBe(true);
          if (k > 0) expect(to.isAfter(LocalDate.parse(shifts[k - 1].to))).toBe(true);
        }
      }),
    );
  });
});
