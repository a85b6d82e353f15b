import { Money } from './money.js';
import { MoneyError } from './money-errors.js';
import { assertRoundingMode, divideRounded, type RoundingMode } from './rounding.js';

/** Which installment absorbs the difference between the rounded base and the exact total. */
export type RemainderPlacement = 'LAST' | 'FIRST';

export interface SplitOptions {
  unit: Money;
  mode: RoundingMode;
  remainder: RemainderPlacement;
}

/**
 * The programme's installment rule (api.md "Schedule rules"): base = total / n rounded to a
 * multiple of `unit` with `mode`; every installment is the base except one, which takes
 * total - base x (n - 1), so the parts sum to the total exactly.
 * Lumajang: 1,000,000 over 12 at unit 5,000, UP, LAST -> 11 x 85,000 + 65,000.
 *
 * Throws MONEY_SPLIT_UNIT_TOO_LARGE when any part would be <= 0 (e.g. 100,000 over 3 at unit
 * 50,000: base 50,000 leaves 0 for the last).
 */
export function splitInstallments(total: Money, n: number, opts: SplitOptions): Money[] {
  const { unit, mode, remainder } = opts;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new MoneyError('MONEY_INVALID_COUNT', `must be a whole number of at least 1 (got ${String(n)})`, 'installment count');
  }
  if (!Money.isMoney(unit) || !unit.isPositive()) {
    throw new MoneyError('MONEY_INVALID_UNIT', `must be a positive amount (got ${String(unit)})`, 'rounding unit');
  }
  assertRoundingMode(mode);
  if (remainder !== 'LAST' && remainder !== 'FIRST') {
    throw new MoneyError('MONEY_FORMAT', `must be LAST or FIRST (got ${String(remainder)})`, 'remainder placement');
  }
  if (!total.isPositive()) {
    throw new MoneyError('MONEY_SPLIT_TOTAL_NOT_POSITIVE', `must be greater than 0 to split (got "${total.toString()}")`, 'total');
  }
  if (n === 1) return [total];

  // In sen, as integers: the rounding of total / (n x unit) is then exact by construction.
  const totalSen = total.toSen();
  const unitSen = unit.toSen();
  const baseSen = divideRounded(totalSen, BigInt(n) * unitSen, mode) * unitSen;
  const oddSen = totalSen - baseSen * BigInt(n - 1);
  if (baseSen <= 0n || oddSen <= 0n) {
    throw new MoneyError(
      'MONEY_SPLIT_UNIT_TOO_LARGE',
      `${unit.toString()} is too large to split ${total.toString()} into ${n} installments: ` +
        `base ${Money.fromSen(baseSen).toString()} would leave ${Money.fromSen(oddSen).toString()} ` +
        `for the ${remainder === 'LAST' ? 'last' : 'first'} installment`,
      'rounding unit',
    );
  }
  const base = Money.fromSen(baseSen);
  const odd = Money.fromSen(oddSen);
  const parts = new Array<Money>(n).fill(base);
  parts[remainder === 'LAST' ? n - 1 : 0] = odd;
  return parts;
}
