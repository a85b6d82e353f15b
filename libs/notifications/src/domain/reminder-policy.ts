// Reminder policy (POJK 22/2023 art. 62): when each reminder of an installment goes out. Pure: the
// caller supplies the product's offsets, the borrower's zone and the holiday dates.

export type ReminderKind = 'DUE_SOON' | 'DUE_TODAY' | 'OVERDUE';

export interface PlannedReminder {
  kind: ReminderKind;
  offsetDays: number;
  /** ISO instant (UTC, `Z`). */
  sendAt: string;
}

export interface ReminderPolicyInput {
  /** YYYY-MM-DD. */
  dueDate: string;
  offsetsDays: readonly number[];
  /** The borrower's region zone: Asia/Jakarta, Asia/Pontianak, Asia/Makassar or Asia/Jayapura. */
  timeZone: string;
  /** Days (YYYY-MM-DD) on which no one may be contacted: national holidays and the region's. */
  holidays: ReadonlySet<string>;
  /** Local hour a reminder is sent at when its day allows it; inside the window. */
  preferredHour?: number;
}

export const WINDOW_START_HOUR = 8;
/** Exclusive: 20:00 itself is the end of the window. */
export const WINDOW_END_HOUR = 20;
export const DEFAULT_PREFERRED_HOUR = 9;

// Indonesian zones keep no daylight saving time: a fixed offset is exact.
const ZONE_OFFSET_HOURS: Record<string, number> = { 'Asia/Jakarta': 7, 'Asia/Pontianak': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 };

const MS_HOUR = 3_600_000;
const MS_DAY = 24 * MS_HOUR;

export function zoneOffsetHours(timeZone: string): number {
  const h = ZONE_OFFSET_HOURS[timeZone];
  if (h === undefined) throw new Error(`Unknown Indonesian time zone ${timeZone}`);
  return h;
}

export function reminderKind(offsetDays: number): ReminderKind {
  return offsetDays < 0 ? 'DUE_SOON' : offsetDays === 0 ? 'DUE_TODAY' : 'OVERDUE';
}

const dayMs = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function lawfulDay(date: string, holidays: ReadonlySet<string>): boolean {
  return new Date(dayMs(date)).getUTCDay() !== 0 && !holidays.has(date);
}

function nextLawfulDay(date: string, holidays: ReadonlySet<string>): string {
  let d = date;
  do d = dateOf(dayMs(d) + MS_DAY);
  while (!lawfulDay(d, holidays));
  return d;
}

function checkHour(preferredHour: number): void {
  if (!Number.isInteger(preferredHour) || preferredHour < WINDOW_START_HOUR || preferredHour >= WINDOW_END_HOUR)
    throw new Error(`preferredHour ${preferredHour} is outside ${WINDOW_START_HOUR}:00-${WINDOW_END_HOUR}:00`);
}

/**
 * The instant itself when it is lawful (Monday to Saturday, not a holiday, 08:00 <= local < 20:00);
 * otherwise the preferred hour of the same day (too early on a lawful day) or of the next lawful day.
 */
export function nextLawfulMoment(instant: string | Date, timeZone: string, holidays: ReadonlySet<string>, preferredHour = DEFAULT_PREFERRED_HOUR): string {
  checkHour(preferredHour);
  const offsetMs = zoneOffsetHours(timeZone) * MS_HOUR;
  const localMs = new Date(instant).getTime() + offsetMs;
  const localDate = dateOf(localMs);
  const localHour = (localMs - dayMs(localDate)) / MS_HOUR;
  const at = (date: string): string => new Date(dayMs(date) + preferredHour * MS_HOUR - offsetMs).toISOString();
  if (!lawfulDay(localDate, holidays)) return at(nextLawfulDay(localDate, holidays));
  if (localHour < WINDOW_START_HOUR) return at(localDate);
  if (localHour >= WINDOW_END_HOUR) return at(nextLawfulDay(localDate, holidays));
  return new Date(instant).toISOString();
}

/** One reminder per offset, at the preferred hour of due date + offset, moved into the lawful window. */
export function planReminders(input: ReminderPolicyInput): PlannedReminder[] {
  const hour = input.preferredHour ?? DEFAULT_PREFERRED_HOUR;
  checkHour(hour);
  const offsetMs = zoneOffsetHours(input.timeZone) * MS_HOUR;
  return [...new Set(input.offsetsDays)]
    .sort((a, b) => a - b)
    .map((offsetDays) => {
      const candidate = new Date(dayMs(input.dueDate) + offsetDays * MS_DAY + hour * MS_HOUR - offsetMs);
      return { kind: reminderKind(offsetDays), offsetDays, sendAt: nextLawfulMoment(candidate, input.timeZone, input.holidays, hour) };
    });
}
