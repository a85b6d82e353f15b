// The schedule engine's throughput: previews and loan booking call it once per request, reschedules and
// bulk re-planning once per loan. Two shapes: the Bangkalan product (12 monthly installments, due dates
// moved off the 2026 holidays) and a long weekly loan (104 installments) over the same calendar.
import { Money } from '#money';
import { generateSchedule, type ScheduleInput } from '#repayment';
import { HOLIDAYS_2026 } from '../migrations/1763800000300-holidays.js';
import type { Figure } from './figure.js';

const ROUNDS = 5;
const CALLS = 20_000;

const holidays = new Set(HOLIDAYS_2026.map(([date]) => date));
const monthly: ScheduleInput = {
  principal: Money.of('7500000'),
  tenor: 12,
  frequency: 'MONTHLY',
  roundingUnit: Money.of('1000'),
  roundingMode: 'UP',
  remainderPlacement: 'LAST',
  principalGracePeriods: 0,
  moveDueDatesOffHolidays: true,
  disbursementDate: '2026-01-31',
  holidays,
};
const weekly: ScheduleInput = { ...monthly, tenor: 104, frequency: 'WEEKLY', roundingUnit: Money.of('500'), roundingMode: 'HALF_UP' };

function time(input: ScheduleInput): number {
  const start = process.hrtime.bigint();
  let n = 0;
  for (let i = 0; i < CALLS; i++) n += generateSchedule(input).length;
  const ns = process.hrtime.bigint() - start;
  if (n !== CALLS * input.tenor) throw new Error('the engine returned a wrong number of installments');
  // Through the string: the repo bans the Number constructor call (aimed at money), even for durations.
  return Number.parseInt(ns.toString(), 10) / 1e9;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async function scheduleBench(): Promise<Figure[]> {
  time(monthly);
  time(weekly);
  const m: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    m.push(time(monthly));
    w.push(time(weekly));
  }
  return [
    { name: 'schedule.monthly12_holidays', value: Math.round(CALLS / median(m)), unit: 'schedules/s' },
    { name: 'schedule.weekly104_holidays', value: Math.round(CALLS / median(w)), unit: 'schedules/s' },
  ];
}
