// Consistency of a product's rules across fields: what a per-field DTO check cannot see. Pure, so the
// create and edit paths (and their specs) share it.
import { Money } from '#money';
import type { FieldViolation } from '#platform/errors';
import type { EligibilityRules } from './product.entity.js';

/** The rounding units api.md allows (rupiah). */
export const ROUNDING_UNITS = ['1', '100', '500', '1000', '5000'] as const;

export const REMINDER_OFFSET_MIN = -30;
export const REMINDER_OFFSET_MAX = 90;

export interface ProductRulesDraft {
  minAmount: Money;
  maxAmount: Money;
  minTenor: number;
  maxTenor: number;
  roundingUnit: Money;
  reminderOffsetsDays: number[];
  committeeThreshold: Money;
  eligibility: EligibilityRules;
}

const ALLOWED_UNITS = ROUNDING_UNITS.map((u) => Money.of(u));

/**
 * Every broken cross-field rule, one entry per field (api.md: a 400 VALIDATION_FAILED names each bad
 * field). Region codes are checked against the region table by the service.
 */
export function productRuleViolations(p: ProductRulesDraft): FieldViolation[] {
  const out: FieldViolation[] = [];
  const add = (field: string, code: string, message: string) => out.push({ field, code, message });

  if (p.maxAmount.lt(p.minAmount)) add('maxAmount', 'AMOUNT_RANGE_REVERSED', `maxAmount ${p.maxAmount} must not be below minAmount ${p.minAmount}`);
  if (p.maxTenor < p.minTenor) add('maxTenor', 'TENOR_RANGE_REVERSED', `maxTenor ${p.maxTenor} must not be below minTenor ${p.minTenor}`);
  if (!ALLOWED_UNITS.some((u) => u.eq(p.roundingUnit)))
    add('roundingUnit', 'ROUNDING_UNIT_NOT_ALLOWED', `roundingUnit must be one of ${ROUNDING_UNITS.join(', ')}`);

  const offsets = p.reminderOffsetsDays;
  if (new Set(offsets).size !== offsets.length)
    add('reminderOffsetsDays', 'REMINDER_OFFSETS_NOT_UNIQUE', 'reminderOffsetsDays must not repeat a day');
  else if (offsets.some((d, i) => i > 0 && d < offsets[i - 1]))
    add('reminderOffsetsDays', 'REMINDER_OFFSETS_NOT_SORTED', 'reminderOffsetsDays must be in ascending order, e.g. [-3, 0, 1, 7]');

  // Against a reversed range the threshold cannot be judged: maxAmount's entry already says what is wrong.
  if (p.minAmount.lte(p.maxAmount) && (p.committeeThreshold.lt(p.minAmount) || p.committeeThreshold.gt(p.maxAmount)))
    add(
      'committeeThreshold',
      'COMMITTEE_THRESHOLD_OUT_OF_RANGE',
      `committeeThreshold must be within [minAmount, maxAmount] = [${p.minAmount}, ${p.maxAmount}]`,
    );

  const e = p.eligibility;
  if (e.maxAgeAtMaturity <= e.minAge)
    add('eligibility.maxAgeAtMaturity', 'AGE_RANGE_REVERSED', `eligibility.maxAgeAtMaturity ${e.maxAgeAtMaturity} must be above minAge ${e.minAge}`);
  return out;
}
