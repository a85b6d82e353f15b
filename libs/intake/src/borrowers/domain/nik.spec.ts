// Golden NIKs for each rule of domain.md "Identifiers", then properties over generated NIKs.
import fc from 'fast-check';
import { buildNik, NIK_PROVINCE_CODES, type NikErrorCode, parseNik } from './nik.js';

const TODAY = '2026-11-22';
const codeOf = (nik: string, today = TODAY): NikErrorCode | 'OK' => {
  const r = parseNik(nik, today);
  return r.ok ? 'OK' : r.code;
};

describe('parseNik', () => {
  it('reads a man: 3526011203900001 is Bangkalan, 12 March 1990, serial 0001', () => {
    expect(parseNik('3526011203900001', TODAY)).toEqual({
      ok: true,
      provinceCode: '35',
      regencyCode: '35.26',
      districtCode: '35.26.01',
      birthDate: '1990-03-12',
      gender: 'M',
      serial: '0001',
    });
  });

  it("reads a woman: day 54 is the 14th, plus 40 (Tanjung Bumi, 14 May 1978)", () => {
    expect(parseNik('3526095405780003', TODAY)).toEqual({
      ok: true,
      provinceCode: '35',
      regencyCode: '35.26',
      districtCode: '35.26.09',
      birthDate: '1978-05-14',
      gender: 'F',
      serial: '0003',
    });
  });

  it('reads the edges of the women\'s days: 41 is the 1st, 71 the 31st', () => {
    expect(parseNik('3526014101900001', TODAY)).toMatchObject({ ok: true, birthDate: '1990-01-01', gender: 'F' });
    expect(parseNik('3526017101900001', TODAY)).toMatchObject({ ok: true, birthDate: '1990-01-31', gender: 'F' });
    expect(parseNik('3526013101900001', TODAY)).toMatchObject({ ok: true, birthDate: '1990-01-31', gender: 'M' });
  });

  describe('the century rule: 20yy unless that is after today, then 19yy', () => {
    it('takes 20yy when that date has passed', () => {
      expect(parseNik('3526010101100002', TODAY)).toMatchObject({ ok: true, birthDate: '2010-01-01' });
      expect(parseNik('3526010101000002', TODAY)).toMatchObject({ ok: true, birthDate: '2000-01-01' });
    });

    it('takes 19yy when 20yy would be in the future', () => {
      expect(parseNik('3526010101300002', TODAY)).toMatchObject({ ok: true, birthDate: '1930-01-01' });
      expect(parseNik('3526010101990002', TODAY)).toMatchObject({ ok: true, birthDate: '1999-01-01' });
    });

    it('decides on the day itself: today is 20yy, tomorrow is 19yy', () => {
      expect(parseNik('3526012211260002', TODAY)).toMatchObject({ ok: true, birthDate: '2026-11-22' });
      expect(parseNik('3526012311260002', TODAY)).toMatchObject({ ok: true, birthDate: '1926-11-23' });
      expect(parseNik('3526012311260002', '2026-11-23')).toMatchObject({ ok: true, birthDate: '2026-11-23' });
    });

    it('refuses a birth date after today in both centuries with NIK_BIRTH_DATE_IN_FUTURE', () => {
      expect(codeOf('3526010101600002', '1950-01-01')).toBe('NIK_BIRTH_DATE_IN_FUTURE');
    });
  });

  describe('29 February', () => {
    it('exists in leap years (1996, 2004, and 2000 because it divides by 400)', () => {
      expect(parseNik('3526012902960001', TODAY)).toMatchObject({ ok: true, birthDate: '1996-02-29' });
      expect(parseNik('3526012902040001', TODAY)).toMatchObject({ ok: true, birthDate: '2004-02-29' });
      expect(parseNik('3526012902000001', TODAY)).toMatchObject({ ok: true, birthDate: '2000-02-29' });
      expect(parseNik('3526016902960001', TODAY)).toMatchObject({ ok: true, birthDate: '1996-02-29', gender: 'F' });
    });

    it('does not exist in other years (1997, 2001), nor in 1900 when 2000 is still ahead', () => {
      expect(codeOf('3526012902970001')).toBe('NIK_BIRTH_DATE_INVALID');
      expect(codeOf('3526012902010001')).toBe('NIK_BIRTH_DATE_INVALID');
      expect(codeOf('3526016902970001')).toBe('NIK_BIRTH_DATE_INVALID');
      expect(codeOf('3526012902000001', '1999-12-31')).toBe('NIK_BIRTH_DATE_INVALID');
    });
  });

  it.each([
    ['31 February', '3526013102900001'],
    ['30 February', '3526013002900001'],
    ['31 April', '3526013104900001'],
    ['day 00', '3526010001900001'],
    ['day 32', '3526013201900001'],
    ['day 40 (between the ranges)', '3526014001900001'],
    ['day 72 (a woman\'s 32nd)', '3526017201900001'],
    ['a woman\'s 31 February (day 71)', '3526017102900001'],
    ['month 00', '3526011200900001'],
    ['month 13', '3526011213900001'],
    ['day 99', '3526019912900001'],
  ])('refuses %s with NIK_BIRTH_DATE_INVALID', (_label, nik) => {
    expect(codeOf(nik)).toBe('NIK_BIRTH_DATE_INVALID');
  });

  it.each([
    ['15 digits', '352601120390001'],
    ['17 digits', '35260112039000011'],
    ['letters', '35260112039000O1'],
    ['spaces', '3526 0112 0390 0001'],
    ['dashes', '352601-120390-0001'],
    ['an empty string', ''],
    ['a leading plus', '+352601120390001'],
  ])('refuses %s with NIK_FORMAT', (_label, nik) => {
    expect(codeOf(nik)).toBe('NIK_FORMAT');
  });

  it.each(['00', '10', '20', '22', '30', '37', '50', '54', '60', '66', '70', '77', '80', '83', '90', '97', '99'])(
    'refuses province %s with NIK_PROVINCE_UNKNOWN',
    (pp) => {
      expect(codeOf(`${pp}26011203900001`)).toBe('NIK_PROVINCE_UNKNOWN');
    },
  );

  it.each(['11', '19', '21', '31', '36', '51', '53', '61', '65', '71', '76', '81', '82', '91', '96'])('accepts province %s', (pp) => {
    expect(codeOf(`${pp}26011203900001`)).toBe('OK');
  });

  it('knows exactly the 38 province codes of domain.md', () => {
    expect(NIK_PROVINCE_CODES.size).toBe(38);
  });

  it('refuses a regency or district code 00 with NIK_REGION_INVALID', () => {
    expect(codeOf('3500011203900001')).toBe('NIK_REGION_INVALID');
    expect(codeOf('3526001203900001')).toBe('NIK_REGION_INVALID');
  });

  it('refuses serial 0000 with NIK_SERIAL_ZERO, and accepts 0001 and 9999', () => {
    expect(codeOf('3526011203900000')).toBe('NIK_SERIAL_ZERO');
    expect(codeOf('3526011203900001')).toBe('OK');
    expect(codeOf('3526011203909999')).toBe('OK');
  });

  it('answers with the first broken rule', () => {
    expect(codeOf('9926013202900000')).toBe('NIK_PROVINCE_UNKNOWN');
    expect(codeOf('3526013202900000')).toBe('NIK_BIRTH_DATE_INVALID');
  });

  it('gives every refusal a message', () => {
    const r = parseNik('3526011203900000', TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/0000/);
  });
});

describe('buildNik', () => {
  it('writes the parts of a NIK (women: day + 40)', () => {
    expect(buildNik({ districtCode: '35.26.01', birthDate: '1990-03-12', gender: 'M', serial: 1 })).toBe('3526011203900001');
    expect(buildNik({ districtCode: '35.26.09', birthDate: '1978-05-14', gender: 'F', serial: 3 })).toBe('3526095405780003');
  });
});

// Calendar arithmetic in UTC, for generating dates only.
const DAY_MS = 86_400_000;
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const todayMs = Date.UTC(2026, 10, 22);
const hundredYearsAgoMs = Date.UTC(1926, 10, 22);

const provinceArb = fc.constantFrom(...NIK_PROVINCE_CODES);
const twoDigits = fc.integer({ min: 1, max: 99 }).map((n) => String(n).padStart(2, '0'));

describe('parseNik properties', () => {
  it('reads back what buildNik wrote, for anyone born in the last hundred years', () => {
    fc.assert(
      fc.property(
        provinceArb,
        twoDigits,
        twoDigits,
        fc.integer({ min: 1, max: (todayMs - hundredYearsAgoMs) / DAY_MS }),
        fc.constantFrom('M' as const, 'F' as const),
        fc.integer({ min: 1, max: 9999 }),
        (pp, kk, cc, daysBack, gender, serial) => {
          const birthDate = toIso(todayMs - (daysBack - 1) * DAY_MS);
          const districtCode = `${pp}.${kk}.${cc}`;
          const nik = buildNik({ districtCode, birthDate, gender, serial });
          expect(parseNik(nik, TODAY)).toEqual({
            ok: true,
            provinceCode: pp,
            regencyCode: `${pp}.${kk}`,
            districtCode,
            birthDate,
            gender,
            serial: String(serial).padStart(4, '0'),
          });
        },
      ),
    );
  });

  it('never throws on 16 digits, and what it accepts is a real past date that writes back to the same NIK', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{16}$/), (nik) => {
        const r = parseNik(nik, TODAY);
        if (!r.ok) return;
        expect(r.birthDate <= TODAY).toBe(true);
        const [y, m, d] = r.birthDate.split('-').map(Number);
        expect(toIso(Date.UTC(y, m - 1, d))).toBe(r.birthDate);
        expect(buildNik({ districtCode: r.districtCode, birthDate: r.birthDate, gender: r.gender, serial: Number(r.serial) })).toBe(nik);
      }),
      { numRuns: 2000 },
    );
  });
});
