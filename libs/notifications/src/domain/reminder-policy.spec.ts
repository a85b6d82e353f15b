import fc from 'fast-check';
import { nextLawfulMoment, planReminders, WINDOW_END_HOUR, WINDOW_START_HOUR, zoneOffsetHours } from './reminder-policy.js';

const NONE: ReadonlySet<string> = new Set();
// 2026-12-25 (Friday) is Christmas; 2026-12-24 cuti bersama.
const HOLIDAYS: ReadonlySet<string> = new Set(['2026-12-24', '2026-12-25']);

describe('planReminders', () => {
  it('plans the default cadence at 09:00 WIB for Bangkalan (Asia/Jakarta)', () => {
    // Due Tuesday 2026-12-08: -3 Saturday 05, 0 Tuesday 08, +1 Wednesday 09, +7 Tuesday 15.
    expect(planReminders({ dueDate: '2026-12-08', offsetsDays: [-3, 0, 1, 7], timeZone: 'Asia/Jakarta', holidays: NONE })).toEqual([
      { kind: 'DUE_SOON', offsetDays: -3, sendAt: '2026-12-05T02:00:00.000Z' },
      { kind: 'DUE_TODAY', offsetDays: 0, sendAt: '2026-12-08T02:00:00.000Z' },
      { kind: 'OVERDUE', offsetDays: 1, sendAt: '2026-12-09T02:00:00.000Z' },
      { kind: 'OVERDUE', offsetDays: 7, sendAt: '2026-12-15T02:00:00.000Z' },
    ]);
  });

  it('plans 09:00 WITA for Badung (Asia/Makassar), one hour earlier in UTC', () => {
    expect(planReminders({ dueDate: '2026-12-08', offsetsDays: [0], timeZone: 'Asia/Makassar', holidays: NONE })).toEqual([
      { kind: 'DUE_TODAY', offsetDays: 0, sendAt: '2026-12-08T01:00:00.000Z' },
    ]);
  });

  it('moves a Sunday reminder to Monday (WIB and WITA)', () => {
    // Due Wednesday 2026-12-09, -3 is Sunday 2026-12-06.
    expect(planReminders({ dueDate: '2026-12-09', offsetsDays: [-3], timeZone: 'Asia/Jakarta', holidays: NONE })[0]!.sendAt).toBe('2026-12-07T02:00:00.000Z');
    expect(planReminders({ dueDate: '2026-12-09', offsetsDays: [-3], timeZone: 'Asia/Makassar', holidays: NONE })[0]!.sendAt).toBe('2026-12-07T01:00:00.000Z');
  });

  it('moves a holiday reminder past the holidays and the Sunday after them', () => {
    // Due Thursday 24 (cuti bersama): Friday 25 Christmas, Saturday 26 lawful.
    expect(planReminders({ dueDate: '2026-12-24', offsetsDays: [0, 1], timeZone: 'Asia/Makassar', holidays: HOLIDAYS })).toEqual([
      { kind: 'DUE_TODAY', offsetDays: 0, sendAt: '2026-12-26T01:00:00.000Z' },
      { kind: 'OVERDUE', offsetDays: 1, sendAt: '2026-12-26T01:00:00.000Z' },
    ]);
    // Due Saturday 2026-12-26: +1 is Sunday 27, so Monday 28.
    expect(planReminders({ dueDate: '2026-12-26', offsetsDays: [1], timeZone: 'Asia/Jakarta', holidays: HOLIDAYS })[0]!.sendAt).toBe('2026-12-28T02:00:00.000Z');
  });

  it('honours a configured preferred hour and refuses one outside the window', () => {
    expect(planReminders({ dueDate: '2026-12-08', offsetsDays: [0], timeZone: 'Asia/Jakarta', holidays: NONE, preferredHour: 19 })[0]!.sendAt).toBe(
      '2026-12-08T12:00:00.000Z',
    );
    expect(() => planReminders({ dueDate: '2026-12-08', offsetsDays: [0], timeZone: 'Asia/Jakarta', holidays: NONE, preferredHour: 20 })).toThrow(/outside/);
  });
});

describe('nextLawfulMoment', () => {
  it('moves 21:00 WIB on a Saturday in Bangkalan past Sunday to Monday 09:00', () => {
    // Saturday 2026-12-05 21:00 WIB = 14:00Z.
    expect(nextLawfulMoment('2026-12-05T14:00:00Z', 'Asia/Jakarta', NONE)).toBe('2026-12-07T02:00:00.000Z');
  });

  it('moves 21:00 WITA on a Tuesday in Badung to Wednesday 09:00 WITA', () => {
    // Tuesday 2026-12-08 21:00 WITA = 13:00Z.
    expect(nextLawfulMoment('2026-12-08T13:00:00Z', 'Asia/Makassar', NONE)).toBe('2026-12-09T01:00:00.000Z');
  });

  it('keeps 20:00 out and 19:59 in', () => {
    expect(nextLawfulMoment('2026-12-08T11:59:00Z', 'Asia/Makassar', NONE)).toBe('2026-12-08T11:59:00.000Z');
    expect(nextLawfulMoment('2026-12-08T12:00:00Z', 'Asia/Makassar', NONE)).toBe('2026-12-09T01:00:00.000Z');
  });

  it('moves an early-morning instant to the same day, a holiday to the next lawful day', () => {
    // 06:00 WIB Tuesday -> 09:00 same day.
    expect(nextLawfulMoment('2026-12-07T23:00:00Z', 'Asia/Jakarta', NONE)).toBe('2026-12-08T02:00:00.000Z');
    // 10:00 WITA on Christmas -> Saturday 26 at 09:00.
    expect(nextLawfulMoment('2026-12-25T02:00:00Z', 'Asia/Makassar', HOLIDAYS)).toBe('2026-12-26T01:00:00.000Z');
  });

  it('always lands on Monday-Saturday, off the holidays, 08:00-20:00 local, never earlier than asked', () => {
    const zones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2027-12-31') }), fc.constantFrom(...zones), (ms, zone) => {
        const out = nextLawfulMoment(new Date(ms), zone, HOLIDAYS);
        const local = new Date(Date.parse(out) + zoneOffsetHours(zone) * 3_600_000);
        const hour = local.getUTCHours();
        expect(Date.parse(out)).toBeGreaterThanOrEqual(ms);
        expect(local.getUTCDay()).not.toBe(0);
        expect(HOLIDAYS.has(local.toISOString().slice(0, 10))).toBe(false);
        expect(hour >= WINDOW_START_HOUR && hour < WINDOW_END_HOUR).toBe(true);
      }),
    );
  });
});
