import { Decimal } from 'decimal.js';
import { Money } from './money.js';
import { MoneyError } from './money-errors.js';

const ONE_RUPIAH = Money.of(1n);

/**
 * Splits `total` in proportion to `weights` by the largest-remainder method, in multiples of
 * `unit` (default Rp1: amounts are whole rupiah in this programme; pass Money.of('0.01') to
 * allocate to the sen).
 *
 * Guarantees:
 * - the parts sum to `total` exactly;
 * - each part is floor(quota) or floor(quota) + 1 units, quota = units x weight / sum of weights;
 * - leftover units go to the largest fractional remainders, ties to the earlier index, so the
 *   result depends only on the inputs (no float, no sort instability);
 * - a total that is not a multiple of `unit` (e.g. Rp100,50 at unit Rp1) leaves a sub-unit
 *   residue; it goes to the part first in that same order, so only one part is off the unit grid;
 * - a negative total is allocated as its absolute value and negated (parts are <= 0);
 *   for a non-negative total and non-negative weights no part is negative, and a part with
 *   weight 0 is exactly 0.
 *
 * Weights may be Decimal (ratios, any precision) or Money (e.g. outstanding balances); they
 * are used exactly (scaled to integers), never rounded to a float.
 */
export function allocateByWeights(total: Money, weights: readonly Decimal[] | readonly Money[], unit: Money = ONE_RUPIAH): Money[] {
  if (!Money.isMoney(unit) || !unit.isPositive()) {
    throw new MoneyError('MONEY_INVALID_UNIT', `must be a positive amount (got ${String(unit)})`, 'allocation unit');
  }
  const w = toScaledIntegers(weights);
  const weightSum = w.reduce((a, b) => a + b, 0n);
  if (weightSum === 0n) {
    throw new MoneyError('MONEY_INVALID_WEIGHTS', 'must include at least one weight greater than 0', 'weights');
  }

  const negative = total.isNegative();
  const totalSen = negative ? -total.toSen() : total.toSen();
  const unitSen = unit.toSen();
  const units = totalSen / unitSen;
  const residueSen = totalSen % unitSen;

  const shares = new Array<bigint>(w.length);
  const remainders = new Array<bigint>(w.length);
  let given = 0n;
  for (let i = 0; i < w.length; i++) {
    const num = units * w[i];
    shares[i] = num / weightSum;
    remainders[i] = num % weightSum;
    given += shares[i];
  }

  // Remainders share the denominator weightSum, so comparing numerators is exact.
  const order = w.map((_, i) => i).filter((i) => w[i] > 0n);
  order.sort((a, b) => (remainders[a] === remainders[b] ? a - b : remainders[a] > remainders[b] ? -1 : 1));

  // At most one per weighted part: sum of remainders / weightSum < number of weighted parts.
  let left = units - given;
  for (let k = 0; left > 0n; k++, left--) shares[order[k]] += 1n;

  const sen = shares.map((s) => s * unitSen);
  if (residueSen !== 0n) sen[order[0]] += residueSen;
  return sen.map((s) => Money.fromSen(negative ? -s : s));
}

/** Weights as integers over a common power of ten, so the allocation needs no division precision. */
function toScaledIntegers(weights: readonly Decimal[] | readonly Money[]): bigint[] {
  if (!Array.isArray(weights) || weights.length === 0) {
    throw new MoneyError('MONEY_INVALID_WEIGHTS', 'must be a non-empty list', 'weights');
  }
  const plain = (weights as readonly (Decimal | Money)[]).map((x, i) => {
    let d: Decimal;
    if (Money.isMoney(x)) d = x.toDecimal();
    else if (Decimal.isDecimal(x)) d = x;
    else throw new MoneyError('MONEY_INVALID_WEIGHTS', `must all be Decimal or Money (weight ${i} is not)`, 'weights');
    if (!d.isFinite() || (d.isNegative() && !d.isZero())) {
      throw new MoneyError('MONEY_INVALID_WEIGHTS', `must all be finite and not negative (weight ${i} is "${d.toString()}")`, 'weights');
    }
    return d.toFixed();
  });
  const scale = Math.max(...plain.map((s) => (s.includes('.') ? s.length - s.indexOf('.') - 1 : 0)));
  return plain.map((s) => {
    const [whole, frac = ''] = s.replace(/^-/, '').split('.');
    return BigInt(whole + frac.padEnd(scale, '0'));
  });
}
