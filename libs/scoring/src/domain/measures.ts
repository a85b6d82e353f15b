// The money figures several factors and rules share: the installment, net income, and what the business
// can carry under the programme's installment cap.
import { Decimal } from 'decimal.js';
import { Money, MoneyError, splitInstallments } from '#money';
import type { ScoringInput } from './scoring-input.js';

export interface Measures {
  /** The largest installment of the schedule for the amount and tenor asked. */
  installment: Money;
  /** Revenue minus expenses; null without a business on record. */
  netIncome: Money | null;
  /** installment / net income x 100; null when net income is not positive. */
  installmentPercent: Decimal | null;
  capPercent: Decimal;
  overCap: boolean;
  /** The largest installment within the cap, rounded down to the product's unit. */
  capInstallment: Money;
  /** capInstallment x tenor: the most the business can repay over the tenor asked. */
  capacityAmount: Money;
  /** capacityAmount kept within the product's range. */
  maxRecommendedAmount: Money;
  /** amount / (monthly revenue x 12) x 100; null without revenue. */
  amountPercentOfAnnualRevenue: Decimal | null;
}

/**
 * The amounts the schedule engine (generateSchedule) would book: it splits with splitInstallments too.
 * A unit too large to split (which the decision refuses as SCHEDULE_UNIT_TOO_LARGE) still gets a
 * score: the base installment, amount / tenor rounded up to the unit, is the fair estimate.
 */
export function largestInstallment(input: Pick<ScoringInput, 'amount' | 'tenor' | 'product'>): Money {
  const { amount, tenor, product } = input;
  try {
    const parts = splitInstallments(amount, tenor, { unit: product.roundingUnit, mode: product.roundingMode, remainder: product.remainderPlacement });
    return parts.reduce((a, b) => Money.max(a, b));
  } catch (e) {
    if (!(e instanceof MoneyError) || e.code !== 'MONEY_SPLIT_UNIT_TOO_LARGE') throw e;
    return Money.of(amount.toDecimal().div(tenor).toDecimalPlaces(2, Decimal.ROUND_UP)).roundTo(product.roundingUnit, 'UP');
  }
}

export function measure(input: ScoringInput, installmentCapPercent: number): Measures {
  const installment = largestInstallment(input);
  const capPercent = new Decimal(installmentCapPercent);
  const netIncome = input.business ? input.business.monthlyRevenue.minus(input.business.monthlyExpenses) : null;
  const positiveNet = netIncome !== null && netIncome.isPositive() ? netIncome : null;
  const installmentPercent = positiveNet ? installment.toDecimal().div(positiveNet.toDecimal()).times(100) : null;

  // Rounded down at the installment, not at the total: the schedule rounds each installment UP to the
  // unit, so only a total built from a whole-unit installment keeps every installment within the cap.
  const capInstallment = positiveNet
    ? Money.of(positiveNet.toDecimal().times(capPercent).div(100).toDecimalPlaces(2, Decimal.ROUND_DOWN)).roundTo(input.product.roundingUnit, 'DOWN')
    : Money.zero();
  const capacityAmount = capInstallment.times(input.tenor);
  const maxRecommendedAmount = Money.min(Money.max(capacityAmount, input.product.minAmount), input.product.maxAmount);

  const revenue = input.business?.monthlyRevenue;
  const amountPercentOfAnnualRevenue = revenue?.isPositive() ? input.amount.toDecimal().div(revenue.times(12).toDecimal()).times(100) : null;

  return {
    installment,
    netIncome,
    installmentPercent,
    capPercent,
    overCap: installmentPercent === null || installmentPercent.gt(capPercent),
    capInstallment,
    capacityAmount,
    maxRecommendedAmount,
    amountPercentOfAnnualRevenue,
  };
}
