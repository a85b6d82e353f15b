// Errors raised by the money library. The codes are a stable contract: the problem+json filter and
// the API clients match on them, so rename none of them; add new ones instead.

export const MONEY_ERROR_CODES = [
  'MONEY_NOT_A_STRING',
  'MONEY_EMPTY',
  'MONEY_FORMAT',
  'MONEY_TOO_MANY_DECIMALS',
  'MONEY_OUT_OF_RANGE',
  'MONEY_NOT_AN_INTEGER_FACTOR',
  'MONEY_INVALID_UNIT',
  'MONEY_INVALID_ROUNDING_MODE',
  'MONEY_INVALID_COUNT',
  'MONEY_SPLIT_TOTAL_NOT_POSITIVE',
  'MONEY_SPLIT_UNIT_TOO_LARGE',
  'MONEY_INVALID_WEIGHTS',
  'MONEY_NOT_A_DECIMAL',
  'MONEY_IMPLICIT_CONVERSION',
] as const;

export type MoneyErrorCode = (typeof MONEY_ERROR_CODES)[number];

export class MoneyError extends Error {
  override readonly name = 'MoneyError';

  /**
   * @param code stable machine-readable code
   * @param reason the rule that was broken, phrased to follow a field name
   *   ("must have at most 2 decimal places (got \"1.005\")"), so a validator can say
   *   "<field> <reason>" without parsing the message
   * @param subject what the message talks about ("amount", "database value", a DTO field name)
   */
  constructor(
    readonly code: MoneyErrorCode,
    readonly reason: string,
    subject = 'amount',
  ) {
    super(`${subject} ${reason}`);
  }
}

/** How a rejected input is echoed back in a message: short, and never the whole of a huge string. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
  if (typeof v === 'number') return 'a JSON number';
  if (typeof v === 'bigint') return 'a bigint';
  if (typeof v === 'boolean') return 'a boolean';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}
