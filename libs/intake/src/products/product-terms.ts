// The terms a loan is approved under, frozen: applications and loans store this JSON, so editing the
// product later (which bumps its version) never changes what an existing loan owes or when.
import { Money } from '#money';
import type { Frequency, ScheduleTerms } from '#repayment';
import type { EligibilityRules, Product } from './product.entity.js';

export interface ProductTerms {
  productId: string;
  productCode: string;
  productName: string;
  productVersion: number;
  programmeId: string;
  minAmount: string;
  maxAmount: string;
  minTenor: number;
  maxTenor: number;
  frequency: Frequency;
  roundingUnit: string;
  roundingMode: 'UP' | 'HALF_UP';
  remainderPlacement: 'LAST' | 'FIRST';
  principalGracePeriods: number;
  moveDueDatesOffHolidays: boolean;
  collectibilityTable: 'BANK' | 'BPR';
  lateFee: string;
  reminderOffsetsDays: number[];
  committeeThreshold: string;
  validityDays: number;
  eligibility: EligibilityRules;
}

/** A plain, JSON-safe copy of every rule of `product` (money as decimal strings). */
export function productTermsSnapshot(product: Product): ProductTerms {
  return {
    productId: product.id,
    productCode: product.code,
    productName: product.name,
    productVersion: product.version,
    programmeId: product.programmeId,
    minAmount: product.minAmount.toString(),
    maxAmount: product.maxAmount.toString(),
    minTenor: product.minTenor,
    maxTenor: product.maxTenor,
    frequency: product.frequency,
    roundingUnit: product.roundingUnit.toString(),
    roundingMode: product.roundingMode,
    remainderPlacement: product.remainderPlacement,
    principalGracePeriods: product.principalGracePeriods,
    moveDueDatesOffHolidays: product.moveDueDatesOffHolidays,
    collectibilityTable: product.collectibilityTable,
    lateFee: product.lateFee.toString(),
    reminderOffsetsDays: [...product.reminderOffsetsDays],
    committeeThreshold: product.committeeThreshold.toString(),
    validityDays: product.validityDays,
    eligibility: { ...product.eligibility, regionCodes: [...product.eligibility.regionCodes] },
  };
}

/** What the schedule engine needs from stored terms, for `principal` over `tenor` installments. */
export function scheduleTermsOf(terms: ProductTerms, principal: Money, tenor: number): ScheduleTerms {
  return {
    principal,
    tenor,
    frequency: terms.frequency,
    roundingUnit: Money.of(terms.roundingUnit),
    roundingMode: terms.roundingMode,
    remainderPlacement: terms.remainderPlacement,
    principalGracePeriods: terms.principalGracePeriods,
    moveDueDatesOffHolidays: terms.moveDueDatesOffHolidays,
  };
}
