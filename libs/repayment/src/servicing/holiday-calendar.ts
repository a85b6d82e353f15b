// The holiday calendar, read by table name: it belongs to #intake, which imports the schedule engine
// from this lib, so a runtime import of its HolidaysService would make the two libs depend on each other.
import type { EntityManager } from 'typeorm';

export interface HolidayRow {
  date: string;
  /** null for national holidays and cuti bersama. */
  regionCode: string | null;
}

/** Every holiday in [from, to], national and regional. */
export async function readHolidays(em: EntityManager, from: string, to: string): Promise<HolidayRow[]> {
  return em.query(`SELECT date::text AS date, region_code AS "regionCode" FROM holiday WHERE date BETWEEN $1::date AND $2::date`, [from, to]);
}

/**
 * The days off for someone in `districtCode`: national holidays, cuti bersama, and the regional
 * holidays of that region or any region containing it (a 35.26 holiday applies in 35.26.01), as
 * intake's HolidaysService.holidaySet reads them.
 */
export function holidaysFor(rows: readonly HolidayRow[], districtCode: string): ReadonlySet<string> {
  return new Set(rows.filter((h) => h.regionCode === null || h.regionCode === districtCode || districtCode.startsWith(`${h.regionCode}.`)).map((h) => h.date));
}
