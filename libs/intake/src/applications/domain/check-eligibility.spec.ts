import { LocalDate } from '@js-joda/core';
import fc from 'fast-check';
import { Money } from '#money';
import { ageOn, wholeMonthsBetween } from './calendar-age.js';
import { checkEligibility, type EligibilityCheckInput, regionCovers } from './check-eligibility.js';

// Bangkalan-like programme on business date 2026-06-15, a 12-month loan maturing 2027-06-15.
const base = (): EligibilityCheckInput => ({
  rules: { minAge: 21, maxAgeAtMaturity: 60, regionCodes: ['35.26'], minBusinessAgeMonths: 6, requireNib: true, maxActiveLoans: 1 },
  ranges: { minAmount: Money.of('1000000'), maxAmount: Money.of('10000000'), minTenor: 3, maxTenor: 24 },
  amount: Money.of('5000000'),
  tenor: 12,
  borrower: { birthDate: '1985-04-10', districtCode: '35.26.01' },
  business: { startedOn: '2024-01-01', nib: '9120001234567' },
  activeLoans: 0,
  businessDate: '2026-06-15',
  maturityDate: '2027-06-15',
});

type Patch = {
  [K in keyof EligibilityCheckInput]?: NonNullable<EligibilityCheckInput[K]> extends Money ? EligibilityCheckInput[K] : NonNullable<EligibilityCheckInput[K]> extends object ? Partial<NonNullable<EligibilityCheckInput[K]>> | null : EligibilityCheckInput[K];
};
const check = (patch: Patch = {}) => {
  const input = base();
  for (const [k, v] of Object.entries(patch) as [keyof EligibilityCheckInput, unknown][]) {
    const current = input[k];
    (input as unknown as Record<string, unknown>)[k] =
      v !== null && typeof v === 'object' && !Money.isMoney(v) && !Array.isArray(v) && current ? { ...(current as object), ...v } : v;
  }
  return checkEligibility(input);
};
const codes = (patch: Patch = {}) => check(patch).map((r) => r.code);

describe('calendar arithmetic for eligibility', () => {
  it.each([
    ['2005-06-15', '2026-06-15', 21],
    ['2005-06-16', '2026-06-15', 20],
    ['2005-06-14', '2026-06-15', 21],
    ['1985-12-31', '2026-01-01', 40],
    ['2000-01-01', '1999-12-31', -1],
  ])('born %s is %s years old on %s', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it('a 29 February birthday counts on 1 March in common years and on 29 February in leap years', () => {
    expect(ageOn('2004-02-29', '2025-02-28')).toBe(20);
    expect(ageOn('2004-02-29', '2025-03-01')).toBe(21);
    expect(ageOn('2004-02-29', '2028-02-28')).toBe(23);
    expect(ageOn('2004-02-29', '2028-02-29')).toBe(24);
  });

  it.each([
    ['2025-12-15', '2026-06-15', 6],
    ['2025-12-16', '2026-06-15', 5],
    ['2026-06-15', '2026-06-15', 0],
    ['2025-08-31', '2026-02-28', 6],
    ['2025-08-31', '2026-02-27', 5],
    ['2023-08-31', '2024-02-29', 6],
    ['2026-01-31', '2026-03-30', 1],
    ['2026-07-01', '2026-06-15', -1],
  ])('from %s to %s is %s whole months', (from, to, months) => {
    expect(wholeMonthsBetween(from, to)).toBe(months);
  });
});

describe('regionCovers', () => {
  it.each([
    ['35.26', '35.26.01', true],
    ['35.26', '35.26', true],
    ['35', '35.26.01', true],
    ['35.26.01', '35.26.01', true],
    ['35.26', '35.260', false],
    ['35.26', '35.2', false],
    ['35.26.01', '35.26', false],
    ['35.26', '35.27.01', false],
    ['3', '35.26.01', false],
  ])('%s covers %s: %s', (region, code, covered) => {
    expect(regionCovers(region, code)).toBe(covered);
  });
});

describe('checkEligibility, one rule at a time', () => {
  it('accepts a borrower who meets every rule', () => {
    expect(check()).toEqual([]);
  });

  it('REGION_NOT_ELIGIBLE: a district outside the regency, with the codes in the message', () => {
    expect(check({ borrower: { districtCode: '35.27.01' } })).toEqual([
      { code: 'REGION_NOT_ELIGIBLE', message: "Borrower lives in district 35.27.01, outside the programme's regions (35.26)" },
    ]);
  });

  it('REGION_NOT_ELIGIBLE: prefixes count on whole segments only, and kecamatan lists work', () => {
    expect(codes({ borrower: { districtCode: '35.260' } })).toEqual(['REGION_NOT_ELIGIBLE']);
    expect(codes({ rules: { regionCodes: ['35.26.01', '35.26.02'] }, borrower: { districtCode: '35.26.02' } })).toEqual([]);
    expect(codes({ rules: { regionCodes: ['35.26.01', '35.26.02'] }, borrower: { districtCode: '35.26.03' } })).toEqual(['REGION_NOT_ELIGIBLE']);
  });

  it('REGION_NOT_ELIGIBLE: an empty region list admits no one', () => {
    expect(check({ rules: { regionCodes: [] } })).toEqual([
      { code: 'REGION_NOT_ELIGIBLE', message: "Borrower lives in district 35.26.01, outside the programme's regions (none configured)" },
    ]);
  });

  it('ACTIVE_LOAN_EXISTS: at the limit, not below it', () => {
    expect(check({ activeLoans: 1 })).toEqual([
      {
        code: 'ACTIVE_LOAN_EXISTS',
        message: 'Borrower already has 1 open application or active loan in this programme; the programme allows at most 1',
      },
    ]);
    expect(codes({ activeLoans: 1, rules: { maxActiveLoans: 2 } })).toEqual([]);
    expect(check({ activeLoans: 3, rules: { maxActiveLoans: 2 } })[0].message).toContain('has 3 open applications or active loans');
  });

  it('AGE_OUT_OF_RANGE: exactly 21 on the business date is old enough, a day short is not', () => {
    expect(codes({ borrower: { birthDate: '2005-06-15' } })).toEqual([]);
    expect(check({ borrower: { birthDate: '2005-06-16' } })).toEqual([
      { code: 'AGE_OUT_OF_RANGE', message: 'Borrower is 20 on 2026-06-15; the programme requires at least 21' },
    ]);
  });

  it('AGE_OUT_OF_RANGE: 60 at maturity is allowed, 61 is not', () => {
    expect(codes({ borrower: { birthDate: '1966-06-16' } })).toEqual([]);
    expect(check({ borrower: { birthDate: '1966-06-15' } })).toEqual([
      { code: 'AGE_OUT_OF_RANGE', message: 'Borrower will be 61 at maturity (2027-06-15); the programme allows at most 60' },
    ]);
    expect(check({ borrower: { birthDate: '1964-01-01' } })[0].message).toBe(
      'Borrower will be 63 at maturity (2027-06-15); the programme allows at most 60',
    );
  });

  it('AGE_OUT_OF_RANGE: the maturity date decides, not the business date', () => {
    expect(codes({ borrower: { birthDate: '1966-09-01' }, maturityDate: '2026-12-15' })).toEqual([]);
    expect(codes({ borrower: { birthDate: '1966-09-01' }, maturityDate: '2028-06-15' })).toEqual(['AGE_OUT_OF_RANGE']);
  });

  it('AGE_OUT_OF_RANGE: both ends fail together when the rules leave no window', () => {
    expect(check({ rules: { minAge: 50, maxAgeAtMaturity: 40 } }).map((r) => r.message)).toEqual([
      'Borrower is 41 on 2026-06-15; the programme requires at least 50',
      'Borrower will be 42 at maturity (2027-06-15); the programme allows at most 40',
    ]);
  });

  it('AGE_OUT_OF_RANGE: a 29 February birthday turns 21 on 1 March of a common year', () => {
    const on = (businessDate: string) => codes({ borrower: { birthDate: '2004-02-29' }, businessDate, business: { startedOn: '2020-01-01' } });
    expect(on('2025-02-28')).toEqual(['AGE_OUT_OF_RANGE']);
    expect(on('2025-03-01')).toEqual([]);
  });

  it('BUSINESS_TOO_YOUNG: exactly 6 months is enough, a day short is not', () => {
    expect(codes({ business: { startedOn: '2025-12-15' } })).toEqual([]);
    expect(check({ business: { startedOn: '2025-12-16' } })).toEqual([
      { code: 'BUSINESS_TOO_YOUNG', message: 'Business has run 5 whole months (since 2025-12-16); the programme requires at least 6' },
    ]);
  });

  it('BUSINESS_TOO_YOUNG: month ends clamp like schedules do', () => {
    expect(codes({ business: { startedOn: '2025-08-31' }, businessDate: '2026-02-28', borrower: { birthDate: '1985-01-01' } })).toEqual([]);
    expect(codes({ business: { startedOn: '2025-08-31' }, businessDate: '2026-02-27', borrower: { birthDate: '1985-01-01' } })).toEqual([
      'BUSINESS_TOO_YOUNG',
    ]);
  });

  it('BUSINESS_TOO_YOUNG: a start date after the business date, and no business at all', () => {
    expect(check({ business: { startedOn: '2026-07-01' } })[0].message).toBe(
      'Business starts on 2026-07-01, after 2026-06-15; the programme requires at least 6 months of trading',
    );
    expect(check({ business: null })).toEqual([
      { code: 'BUSINESS_TOO_YOUNG', message: 'Borrower has no business on record; the programme requires one running at least 6 months' },
      { code: 'NIB_REQUIRED', message: 'The programme requires a business registration number (NIB) and the business has none' },
    ]);
    expect(codes({ business: null, rules: { minBusinessAgeMonths: 0, requireNib: false } })).toEqual([]);
  });

  it('NIB_REQUIRED: only when the product requires it', () => {
    expect(codes({ business: { nib: null } })).toEqual(['NIB_REQUIRED']);
    expect(codes({ business: { nib: '' } })).toEqual(['NIB_REQUIRED']);
    expect(codes({ business: { nib: null }, rules: { requireNib: false } })).toEqual([]);
  });

  it('AMOUNT_OUT_OF_RANGE: the bounds are inclusive', () => {
    expect(codes({ amount: Money.of('1000000') })).toEqual([]);
    expect(codes({ amount: Money.of('10000000') })).toEqual([]);
    expect(check({ amount: Money.of('999999.99') })).toEqual([
      { code: 'AMOUNT_OUT_OF_RANGE', message: "Amount Rp999.999,99 is outside the product's range of Rp1.000.000 to Rp10.000.000" },
    ]);
    expect(codes({ amount: Money.of('10000000.01') })).toEqual(['AMOUNT_OUT_OF_RANGE']);
  });

  it('TENOR_OUT_OF_RANGE: the bounds are inclusive', () => {
    expect(codes({ tenor: 3 })).toEqual([]);
    expect(codes({ tenor: 24 })).toEqual([]);
    expect(check({ tenor: 2 })).toEqual([{ code: 'TENOR_OUT_OF_RANGE', message: "Tenor of 2 installments is outside the product's range of 3 to 24" }]);
    expect(codes({ tenor: 25 })).toEqual(['TENOR_OUT_OF_RANGE']);
  });
});

describe('checkEligibility, several rules at once', () => {
  it('lists every failed rule, in a fixed order', () => {
    expect(
      codes({
        borrower: { districtCode: '51.03.01', birthDate: '2006-01-01' },
        business: { startedOn: '2026-05-01', nib: null },
        activeLoans: 1,
        amount: Money.of('20000000'),
        tenor: 36,
      }),
    ).toEqual(['REGION_NOT_ELIGIBLE', 'ACTIVE_LOAN_EXISTS', 'AGE_OUT_OF_RANGE', 'BUSINESS_TOO_YOUNG', 'NIB_REQUIRED', 'AMOUNT_OUT_OF_RANGE', 'TENOR_OUT_OF_RANGE']);
  });

  it('a borrower failing three rules gets exactly those three', () => {
    expect(codes({ borrower: { districtCode: '35.27.01' }, business: { startedOn: '2026-03-01', nib: null } })).toEqual([
      'REGION_NOT_ELIGIBLE',
      'BUSINESS_TOO_YOUNG',
      'NIB_REQUIRED',
    ]);
  });
});

describe('checkEligibility properties', () => {
  const day = fc.date({ min: new Date('1940-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('age grows by exactly one on each birthday and never goes down', () => {
    fc.assert(
      fc.property(day, day, (birth, on) => {
        const a = ageOn(birth, on);
        const next = new Date(`${on}T00:00:00Z`);
        next.setUTCDate(next.getUTCDate() + 1);
        const b = ageOn(birth, next.toISOString().slice(0, 10));
        return b === a || b === a + 1;
      }),
    );
  });

  it('whole months: from + n months <= to < from + (n + 1) months', () => {
    fc.assert(
      fc.property(day, day, (from, to) => {
        const n = wholeMonthsBetween(from, to);
        const start = LocalDate.parse(from);
        const end = LocalDate.parse(to);
        return !start.plusMonths(n).isAfter(end) && start.plusMonths(n + 1).isAfter(end) && (n >= 0) === (from <= to);
      }),
    );
  });

  it('only the rules that are broken are reported, each by its own input', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), (region, nib, young, amount) => {
        const got = codes({
          borrower: { districtCode: region ? '35.27.01' : '35.26.05' },
          business: { nib: nib ? null : '9120001234567', startedOn: young ? '2026-02-01' : '2020-02-01' },
          amount: Money.of(amount ? '50000000' : '2000000'),
        });
        const want = [region && 'REGION_NOT_ELIGIBLE', young && 'BUSINESS_TOO_YOUNG', nib && 'NIB_REQUIRED', amount && 'AMOUNT_OUT_OF_RANGE'].filter(Boolean);
        expect(got).toEqual(want);
      }),
    );
  });
});
