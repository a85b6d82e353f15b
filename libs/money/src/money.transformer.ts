import { Decimal } from 'decimal.js';
import type { ValueTransformer } from 'typeorm';
import { Money } from './money.js';
import { describeValue, MoneyError } from './money-errors.js';

/**
 * numeric(18,2) column <-> Money. The pg driver returns numeric as a string, which is exactly
 * what Money.fromDb wants. to() must give the same string for equal amounts ("5.00", never "5" or
 * "5.0"): TypeORM decides whether a column changed by comparing to() of the loaded value with
 * to() of the current one, so any drift would turn every save into an UPDATE.
 */
export const moneyTransformer: ValueTransformer = {
  to(value: unknown): string | null | undefined {
    if (value === null || value === undefined) return value;
    if (Money.isMoney(value)) return value.toString();
    // Find options (`where: { amount: '5000' }`) and raw assignments arrive here as well.
    if (typeof value === 'string' || Decimal.isDecimal(value)) return Money.of(value as string | Decimal).toString();
    throw new MoneyError('MONEY_NOT_A_STRING', `must be Money, a decimal string or a Decimal to be stored (got ${describeValue(value)})`, 'money column value');
  },
  from(value: unknown): Money | null {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') {
      // Someone registered a pg type parser that turns numeric into a JS number: refuse it.
      throw new MoneyError('MONEY_NOT_A_STRING', `must come from the driver as a string (got ${describeValue(value)})`, 'database value');
    }
    return Money.fromDb(value);
  },
};

/**
 * numeric column <-> Decimal, for numbers that are not money (ratios, shares, scores). Written in
 * plain notation because Decimal#toString switches to exponents ("1e-7") for small values.
 */
export const decimalTransformer: ValueTransformer = {
  to(value: unknown): string | null | undefined {
    if (value === null || value === undefined) return value;
    const d = toDecimal(value, 'decimal column value');
    return d.toFixed();
  },
  from(value: unknown): Decimal | null {
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') {
      throw new MoneyError('MONEY_NOT_A_DECIMAL', `must come from the driver as a string (got ${describeValue(value)})`, 'database value');
    }
    return toDecimal(value, 'database value');
  },
};

function toDecimal(value: unknown, subject: string): Decimal {
  let d: Decimal | undefined;
  if (Decimal.isDecimal(value)) d = value as Decimal;
  else if (typeof value === 'string' && /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) d = new Decimal(value);
  if (d === undefined || !d.isFinite()) {
    throw new MoneyError('MONEY_NOT_A_DECIMAL', `must be a finite Decimal or decimal string (got ${describeValue(value)})`, subject);
  }
  return d;
}
