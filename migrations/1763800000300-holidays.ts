import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indonesia's 2026 holidays, SKB 3 Menteri (Menteri Agama, Ketenagakerjaan, PANRB) No. 1497, 2 and 5 of
 * 2025: 17 national holidays and 8 cuti bersama. Seed data only: official lists change during the year
 * (and holiday libraries have had errors), so the calendar is admin-edited through /api/holidays.
 */
export const HOLIDAYS_2026: readonly [date: string, kind: 'NATIONAL' | 'CUTI_BERSAMA', name: string][] = [
  ['2026-01-01', 'NATIONAL', 'Tahun Baru 2026 Masehi'],
  ['2026-01-16', 'NATIONAL', 'Isra Mikraj Nabi Muhammad SAW'],
  ['2026-02-16', 'CUTI_BERSAMA', 'Cuti Bersama Tahun Baru Imlek'],
  ['2026-02-17', 'NATIONAL', 'Tahun Baru Imlek 2577 Kongzili'],
  ['2026-03-18', 'CUTI_BERSAMA', 'Cuti Bersama Hari Suci Nyepi'],
  ['2026-03-19', 'NATIONAL', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'],
  ['2026-03-20', 'CUTI_BERSAMA', 'Cuti Bersama Idul Fitri 1447 H'],
  ['2026-03-21', 'NATIONAL', 'Idul Fitri 1447 H'],
  ['2026-03-22', 'NATIONAL', 'Idul Fitri 1447 H'],
  ['2026-03-23', 'CUTI_BERSAMA', 'Cuti Bersama Idul Fitri 1447 H'],
  ['2026-03-24', 'CUTI_BERSAMA', 'Cuti Bersama Idul Fitri 1447 H'],
  ['2026-04-03', 'NATIONAL', 'Wafat Yesus Kristus'],
  ['2026-04-05', 'NATIONAL', 'Kebangkitan Yesus Kristus (Paskah)'],
  ['2026-05-01', 'NATIONAL', 'Hari Buruh Internasional'],
  ['2026-05-14', 'NATIONAL', 'Kenaikan Yesus Kristus'],
  ['2026-05-15', 'CUTI_BERSAMA', 'Cuti Bersama Kenaikan Yesus Kristus'],
  ['2026-05-27', 'NATIONAL', 'Idul Adha 1447 H'],
  ['2026-05-28', 'CUTI_BERSAMA', 'Cuti Bersama Idul Adha 1447 H'],
  ['2026-05-31', 'NATIONAL', 'Hari Raya Waisak 2570 BE'],
  ['2026-06-01', 'NATIONAL', 'Hari Lahir Pancasila'],
  ['2026-06-16', 'NATIONAL', 'Tahun Baru Islam 1448 H'],
  ['2026-08-17', 'NATIONAL', 'Proklamasi Kemerdekaan Republik Indonesia'],
  ['2026-08-25', 'NATIONAL', 'Maulid Nabi Muhammad SAW'],
  ['2026-12-24', 'CUTI_BERSAMA', 'Cuti Bersama Kelahiran Yesus Kristus'],
  ['2026-12-25', 'NATIONAL', 'Kelahiran Yesus Kristus (Natal)'],
];

/** The holiday calendar that moves due dates (when a product says so) and keeps reminders off holidays. */
export class Holidays1763800000300 implements MigrationInterface {
  name = 'Holidays1763800000300';

  async up(q: QueryRunner): Promise<void> {
    // region_code has no foreign key: the region table comes with the borrowers migration, after this
    // one; the service checks that a regional holiday names an existing region.
    await q.query(`
      CREATE TABLE holiday (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        date date NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('NATIONAL','CUTI_BERSAMA','REGIONAL')),
        region_code text CHECK (region_code ~ '^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'REGIONAL') = (region_code IS NOT NULL))
      );
      -- One holiday per date and scope: national (national or cuti bersama) or one region.
      CREATE UNIQUE INDEX holiday_date_scope ON holiday (date, (coalesce(region_code, '')));
    `);
    const values = HOLIDAYS_2026.map((_, i) => `($${i * 3 + 1}::date, $${i * 3 + 2}, $${i * 3 + 3})`).join(', ');
    await q.query(
      `INSERT INTO holiday (date, kind, name) VALUES ${values} ON CONFLICT DO NOTHING`,
      HOLIDAYS_2026.flatMap(([date, kind, name]) => [date, kind, name]),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE holiday`);
  }
}
