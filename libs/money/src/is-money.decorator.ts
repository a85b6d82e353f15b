import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { Money } from './money.js';
import { MoneyError } from './money-errors.js';

export interface IsMoneyOptions {
  /** Greater than 0 (disbursement and repayment amounts). */
  positive?: boolean;
  /** At least 0. This is already the default; say it when the intent should be visible. */
  nonNegative?: boolean;
  /** Accept negative amounts (adjustments). Ignored when `positive` or `nonNegative` is set. */
  allowNegative?: boolean;
  /** Inclusive upper bound, as a money string ("1000000000"). Checked when the decorator is applied. */
  max?: string;
}

/**
 * A request DTO field holding money: a string in plain decimal notation ("150000", "150000.50")
 * that fits numeric(18,2). By default zero is accepted and negatives are not, because almost every
 * amount a client sends is a non-negative quantity; opt in with `allowNegative`.
 * The field stays a string after validation; the service turns it into Money with Money.parse.
 *
 * Constraint name `isMoney`; the message names the property and the broken rule:
 * `amount must be a decimal string such as "150000" or "150000.50" (got a JSON number)`,
 * `amount must be greater than 0`, `amount must be at most 1000000000.00`.
 */
export function IsMoney(opts: IsMoneyOptions = {}, validationOptions?: ValidationOptions): PropertyDecorator {
  const rules = compileRules(opts);
  const each = validationOptions?.each === true;
  return (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'isMoney',
      target: target.constructor,
      propertyName: propertyName as string,
      options: validationOptions,
      constraints: [opts],
      validator: {
        validate: (value: unknown): boolean => brokenRule(value, rules) === null,
        defaultMessage: (args: ValidationArguments): string => {
          // With `each`, class-validator validates items one by one but hands us the whole list here.
          if (each && Array.isArray(args.value)) {
            for (const item of args.value as unknown[]) {
              const reason = brokenRule(item, rules);
              if (reason !== null) return `each value in ${args.property} ${reason}`;
            }
          }
          return `${args.property} ${brokenRule(args.value, rules) ?? 'must be a valid amount'}`;
        },
      },
    });
  };
}

interface Rules {
  floor: 'none' | 'zero' | 'positive';
  max?: Money;
}

function compileRules(opts: IsMoneyOptions): Rules {
  const floor = opts.positive ? 'positive' : opts.nonNegative || !opts.allowNegative ? 'zero' : 'none';
  // A bad bound is a programming error: fail when the DTO module loads, not on the first request.
  const max = opts.max === undefined ? undefined : Money.of(opts.max);
  return { floor, max };
}

/** The reason the value is refused, phrased to follow the field name; null when it is fine. */
function brokenRule(value: unknown, rules: Rules): string | null {
  let m: Money;
  try {
    m = Money.parse(value);
  } catch (e) {
    if (e instanceof MoneyError) return e.reason;
    throw e;
  }
  if (rules.floor === 'positive' && !m.isPositive()) return 'must be greater than 0';
  if (rules.floor === 'zero' && m.isNegative()) return 'must not be negative';
  if (rules.max !== undefined && m.gt(rules.max)) return `must be at most ${rules.max.toString()}`;
  return null;
}
