// The NIK (Nomor Induk Kependudukan) read as domain.md describes it: `PPKKCC DDMMYY SSSS`, the region
// where it was first issued, the birth date (women: day + 40) and a serial. Pure: `today` is the
// business date the caller passes, never the wall clock.

/** Kemendagri province codes a NIK may start with. */
export const NIK_PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15', '16', '17', '18', '19', '21'],
  ...['31', '32', '33', '34', '35', '36'],
  ...['51', '52', '53'],
  ...['61', '62', '63', '64', '65'],
  ...['71', '72', '73', '74', '75', '76'],
  ...['81', '82'],
  ...['91', '92', '93', '94', '95', '96'],
]);

export type NikGender = 'M' | 'F';

export type NikErrorCode =
  | 'NIK_FORMAT'
  | 'NIK_PROVINCE_UNKNOWN'
  | 'NIK_REGION_INVALID'
  | 'NIK_BIRTH_DATE_INVALID'
  | 'NIK_BIRTH_DATE_IN_FUTURE'
  | 'NIK_SERIAL_ZERO';

export interface ParsedNik {
  ok: true;
  /** `35` */
  provinceCode: string;
  /** `35.26`: dotted like the region table, so it can be compared with region codes directly. */
  regencyCode: string;
  /** `35.26.01` */
  districtCode: string;
  /** `YYYY-MM-DD` */
  birthDate: string;
  gender: NikGender;
  /** `0001` */
  serial: string;
}

export interface NikRefusal {
  ok: false;
  code: NikErrorCode;
  message: string;
}

const refuse = (code: NikErrorCode, message: string): NikRefusal => ({ ok: false, code, message });

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

const isoDate = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * Reads a NIK. Checks, in this order: 16 digits; a known province; regency and district not `00`;
 * a real birth date (day 01-31 for men, 41-71 for women, a month 01-12, the day within that month);
 * the century (20yy when that date is not after `today`, else 19yy) and no birth after `today`;
 * a serial other than 0000. The first broken rule is the answer.
 */
export function parseNik(nik: string, today: string): ParsedNik | NikRefusal {
  if (typeof nik !== 'string' || !/^\d{16}$/.test(nik)) return refuse('NIK_FORMAT', 'nik must be exactly 16 digits');
  const province = nik.slice(0, 2);
  const regency = nik.slice(2, 4);
  const district = nik.slice(4, 6);
  if (!NIK_PROVINCE_CODES.has(province)) return refuse('NIK_PROVINCE_UNKNOWN', `nik starts with ${province}, which is not an Indonesian province code`);
  if (regency === '00' || district === '00') return refuse('NIK_REGION_INVALID', 'nik has a regency or district code of 00');

  const rawDay = parseInt(nik.slice(6, 8), 10);
  const month = parseInt(nik.slice(8, 10), 10);
  const yy = parseInt(nik.slice(10, 12), 10);
  const gender: NikGender = rawDay > 40 ? 'F' : 'M';
  const day = gender === 'F' ? rawDay - 40 : rawDay;
  if (day < 1 || day > 31 || month < 1 || month > 12) {
    return refuse('NIK_BIRTH_DATE_INVALID', `nik has no real birth date in ${nik.slice(6, 12)} (DDMMYY, women's day + 40)`);
  }
  // 2000 is a leap year and 1900 is not: a date may exist in one century only, so check each candidate.
  const candidate = (century: number): string | null => {
    const year = century + yy;
    return day <= daysInMonth(year, month) ? isoDate(year, month, day) : null;
  };
  const in2000s = candidate(2000);
  const in1900s = candidate(1900);
  if (!in2000s && !in1900s) {
    return refuse('NIK_BIRTH_DATE_INVALID', `nik has no real birth date in ${nik.slice(6, 12)} (DDMMYY, women's day + 40)`);
  }
  const birthDate = in2000s && in2000s <= today ? in2000s : in1900s;
  if (!birthDate) return refuse('NIK_BIRTH_DATE_INVALID', `nik's birth date ${in2000s} is after ${today} and does not exist in the 1900s`);
  if (birthDate > today) return refuse('NIK_BIRTH_DATE_IN_FUTURE', `nik's birth date ${birthDate} is after ${today}`);

  const serial = nik.slice(12);
  if (serial === '0000') return refuse('NIK_SERIAL_ZERO', 'nik has the serial 0000, which is never issued');
  return {
    ok: true,
    provinceCode: province,
    regencyCode: `${province}.${regency}`,
    districtCode: `${province}.${regency}.${district}`,
    birthDate,
    gender,
    serial,
  };
}

export interface NikParts {
  /** Kecamatan where the NIK is issued, `35.26.01`. */
  districtCode: string;
  /** `YYYY-MM-DD` */
  birthDate: string;
  gender: NikGender;
  /** 1..9999 */
  serial: number;
}

/** The NIK these parts make (for demo data and tests); the inverse of parseNik for dates within 100 years. */
export function buildNik(parts: NikParts): string {
  const [pp, kk, cc] = parts.districtCode.split('.');
  const [y, m, d] = parts.birthDate.split('-');
  const day = parseInt(d, 10) + (parts.gender === 'F' ? 40 : 0);
  return `${pp}${kk}${cc}${String(day).padStart(2, '0')}${m}${y.slice(2)}${String(parts.serial).padStart(4, '0')}`;
}
