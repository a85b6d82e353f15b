// The programme's intake rules (issue 3 item 8): every rule an application breaks, all at once, so the
// officer can tell the business owner everything that stands in the way in one visit.
import { Money } from '#money';
import { ageOn, wholeMonthsBetween } from './calendar-age.js';

export const INELIGIBILITY_CODES = [
  'REGION_NOT_ELIGIBLE',
  'ACTIVE_LOAN_EXISTS',
  'AGE_OUT_OF_RANGE',
  'BUSINESS_TOO_YOUNG',
  'NIB_REQUIRED',
  'AMOUNT_OUT_OF_RANGE',
  'TENOR_OUT_OF_RANGE',
] as const;
export type IneligibilityCode = (typeof INELIGIBILITY_CODES)[number];

export interface IneligibilityReason {
  code: IneligibilityCode;
  message: string;
}

export interface EligibilityCheckInput {
  /** The product's eligibility rules (Product.eligibility). */
  rules: {
    minAge: number;
    maxAgeAtMaturity: number;
    /** Regency (35.26) or kecamatan (35.26.01) codes; an empty list admits no one. */
    regionCodes: readonly string[];
    minBusinessAgeMonths: number;
    requireNib: boolean;
    maxActiveLoans: number;
  };
  ranges: { minAmount: Money; maxAmount: Money; minTenor: number; maxTenor: number };
  amount: Money;
  tenor: number;
  borrower: { birthDate: string; districtCode: string };
  /** null when the borrower has no business on record: too young by definition, and no NIB. */
  business: { startedOn: string; nib: string | null } | null;
  /** Applications and loans that count against maxActiveLoans (see COUNTS_AS_ACTIVE_LOAN). */
  activeLoans: number;
  businessDate: string;
  /** The last due date if disbursed on the business date. */
  maturityDate: string;
}

/** `region` covers `code` when it is the code itself or an ancestor on whole segments (35.26 covers 35.26.01, not 35.260). */
export function regionCovers(region: string, code: string): boolean {
  return code === region || code.startsWith(`${region}.`);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Every failed rule, in a fixed order; an empty list means eligible. */
export function checkEligibility(input: EligibilityCheckInput): IneligibilityReason[] {
  const { rules, ranges, borrower, business } = input;
  const reasons: IneligibilityReason[] = [];
  const fail = (code: IneligibilityCode, message: string) => reasons.push({ code, message });

  if (!rules.regionCodes.some((r) => regionCovers(r, borrower.districtCode)))
    fail(
      'REGION_NOT_ELIGIBLE',
      `Borrower lives in district ${borrower.districtCode}, outside the programme's regions (${rules.regionCodes.join(', ') || 'none configured'})`,
    );

  if (input.activeLoans >= rules.maxActiveLoans)
    fail(
      'ACTIVE_LOAN_EXISTS',
      `Borrower already has ${input.activeLoans} open application${input.activeLoans === 1 ? '' : 's'} or active loan${input.activeLoans === 1 ? '' : 's'} in this programme; the programme allows at most ${rules.maxActiveLoans}`,
    );

  const ageToday = ageOn(borrower.birthDate, input.businessDate);
  if (ageToday < rules.minAge)
    fail('AGE_OUT_OF_RANGE', `Borrower is ${ageToday} on ${input.businessDate}; the programme requires at least ${rules.minAge}`);
  const ageAtMaturity = ageOn(borrower.birthDate, input.maturityDate);
  if (ageAtMaturity > rules.maxAgeAtMaturity)
    fail(
      'AGE_OUT_OF_RANGE',
      `Borrower will be ${ageAtMaturity} at maturity (${input.maturityDate}); the programme allows at most ${rules.maxAgeAtMaturity}`,
    );

  if (!business) {
    if (rules.minBusinessAgeMonths > 0)
      fail('BUSINESS_TOO_YOUNG', `Borrower has no business on record; the programme requires one running at least ${plural(rules.minBusinessAgeMonths, 'month')}`);
  } else {
    const months = wholeMonthsBetween(business.startedOn, input.businessDate);
    if (months < rules.minBusinessAgeMonths)
      fail(
        'BUSINESS_TOO_YOUNG',
        months < 0
          ? `Business starts on ${business.startedOn}, after ${input.businessDate}; the programme requires at least ${plural(rules.minBusinessAgeMonths, 'month')} of trading`
          : `Business has run ${plural(months, 'whole month')} (since ${business.startedOn}); the programme requires at least ${rules.minBusinessAgeMonths}`,
      );
  }

  if (rules.requireNib && !business?.nib)
    fail('NIB_REQUIRED', 'The programme requires a business registration number (NIB) and the business has none');

  if (input.amount.lt(ranges.minAmount) || input.amount.gt(ranges.maxAmount))
    fail(
      'AMOUNT_OUT_OF_RANGE',
      `Amount ${input.amount.format()} is outside the product's range of ${ranges.minAmount.format()} to ${ranges.maxAmount.format()}`,
    );

  if (input.tenor < ranges.minTenor || input.tenor > ranges.maxTenor)
    fail('TENOR_OUT_OF_RANGE', `Tenor of ${plural(input.tenor, 'installment')} is outside the product's range of ${ranges.minTenor} to ${ranges.maxTenor}`);

  return reasons;
}
