import { Decimal } from 'decimal.js';
import { describeValue, MoneyError } from './money-errors.js';

/**
 * UP = ceiling (toward +infinity), HALF_UP = nearest with .5 away from zero,
 * DOWN = floor (toward -infinity; the same as toward zero for the positive amounts loans use).
 */
export type RoundingMode = 'UP' | 'HALF_UP' | 'DOWN';

export const ROUNDING_MODES: readonly RoundingMode[] = ['UP', 'HALF_UP', 'DOWN'];

// Modes arrive from product rows and request bodies, so a typo must fail loudly instead of
// silently falling back to some default rounding.
export function assertRoundingMode(mode: unknown): asserts mode is RoundingMode {
  if (!ROUNDING_MODES.includes(mode as RoundingMode)) {
    throw new MoneyError(
      'MONEY_INVALID_ROUNDING_MODE',
      `must be one of ${ROUNDING_MODES.join(', ')} (got ${describeValue(mode)})`,
      'rounding mode',
    );
  }
}

export function decimalRounding(mode: RoundingMode): Decimal.Rounding {
  switch (mode) {
    case 'UP':
      return Decimal.ROUND_CEIL;
    case 'HALF_UP':
      return Decimal.ROUND_HALF_UP;
    case 'DOWN':
      return Decimal.ROUND_FLOOR;
  }
}

/**
 * num / den rounded to an integer with `mode`, exactly. Bigint rather than Decimal because the
 * split must never depend on a precision setting: the quotient of two sen amounts can need more
 * digits than any fixed Decimal precision.
 */
export function divideRounded(num: bigint, den: bigint, mode: RoundingMode): bigint {
  if (den <= 0n) throw new RangeError('divideRounded: den must be positive');
  const q = num / den; // truncates toward zero
  const r = num % den; // has the sign of num
  if (r === 0n) return q;
  switch (mode) {
    case 'UP':
      return r > 0n ? q + 1n : q;
    case 'DOWN':
      return r < 0n ? q - 1n : q;
    case 'HALF_UP': {
      const twice = (r < 0n ? -r : r) * 2n;
      if (twice < den) return q;
      return num < 0n ? q - 1n : q + 1n;
    }
  }
}
