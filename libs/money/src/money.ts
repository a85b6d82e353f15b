import { Decimal } from 'decimal.js';
import { describeValue, MoneyError } from './money-errors.js';
import { assertRoundingMode, decimalRounding, type RoundingMode } from './rounding.js';

// A private Decimal constructor, so that another module changing the global Decimal precision
// (default: 20 significant digits) cannot make money arithmetic inexact. 40 digits keep every
// operation below exact: amounts have at most 18 digits, times() a safe integer adds at most 16.
// Clones share Decimal.prototype, so values we hand out still pass `instanceof Decimal`.
const D = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

const ZERO = new D(0);
const HUNDRED = new D(100);

/** numeric(18,2): 16 integer digits. */
const MAX_INTEGER_DIGITS = 16;
const RANGE_TEXT = 'between -9999999999999999.99 and 9999999999999999.99';

const PLAIN_DECIMAL = /^-?\d+(\.\d{1,2})?$/;
export const MONEY_EXAMPLE_TEXT = 'must be a decimal string such as "150000" or "150000.50"';

/**
 * Checks a string against the only notation money may arrive in, and throws a MoneyError whose
 * reason says what is wrong with it. Request bodies are where most bad input comes from, so the
 * reasons aim at the mistakes clients actually make (a JSON number, "1e6", "1.500.000", "5.").
 */
function assertMoneyString(s: string, subject: string): void {
  if (PLAIN_DECIMAL.test(s)) {
    let start = s.charCodeAt(0) === 45 /* - */ ? 1 : 0;
    const dot = s.indexOf('.');
    const intEnd = dot < 0 ? s.length : dot;
    if (intEnd - start > MAX_INTEGER_DIGITS) {
      while (start < intEnd - 1 && s.charCodeAt(start) === 48 /* 0 */) start++;
      if (intEnd - start > MAX_INTEGER_DIGITS) {
        throw new MoneyError('MONEY_OUT_OF_RANGE', `must be ${RANGE_TEXT} (got ${describeValue(s)})`, subject);
      }
    }
    return;
  }
  const got = `(got ${describeValue(s)})`;
  if (s === '') throw new MoneyError('MONEY_EMPTY', `${MONEY_EXAMPLE_TEXT} (got an empty string)`, subject);
  if (/\s/.test(s)) throw new MoneyError('MONEY_FORMAT', `must not contain spaces ${got}`, subject);
  if (/^[+-]?(nan|infinity|inf)$/i.test(s)) throw new MoneyError('MONEY_FORMAT', `must be a finite amount ${got}`, subject);
  if (/^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(s)) {
    throw new MoneyError('MONEY_FORMAT', `must be in plain decimal notation, without an exponent ${got}`, subject);
  }
  if (s.startsWith('+')) throw new MoneyError('MONEY_FORMAT', `must not start with a plus sign ${got}`, subject);
  if (/^-?\d+\.\d{3,}$/.test(s)) {
    throw new MoneyError('MONEY_TOO_MANY_DECIMALS', `must have at most 2 decimal places ${got}`, subject);
  }
  if (/^-?(\.\d+|\d+\.)$/.test(s)) {
    throw new MoneyError('MONEY_FORMAT', `must have digits on both sides of the decimal point ${got}`, subject);
  }
  if (/^-?[\d.,]+$/.test(s)) {
    throw new MoneyError(
      'MONEY_FORMAT',
      `must use "." as the decimal point and no thousands separators, e.g. "1500000.50" ${got}`,
      subject,
    );
  }
  throw new MoneyError('MONEY_FORMAT', `${MONEY_EXAMPLE_TEXT} ${got}`, subject);
}

function assertInRange(d: Decimal, subject: string): void {
  // Decimal's exponent is floor(log10(|d|)), so e >= 16 means |d| >= 10^16.
  if (!d.isZero() && d.e >= MAX_INTEGER_DIGITS) {
    throw new MoneyError('MONEY_OUT_OF_RANGE', `must be ${RANGE_TEXT} (got "${d.toFixed()}")`, subject);
  }
}

/**
 * An amount of rupiah with at most 2 decimals (sen) that fits numeric(18,2). Immutable; every
 * operation that could leave that range throws MONEY_OUT_OF_RANGE instead of producing a value the
 * database would refuse later, far from the cause.
 */
export class Money {
  private static readonly ZERO_MONEY = new Money(ZERO);

  private constructor(private readonly value: Decimal) {}

  /** Untrusted input (request bodies, files): only plain decimal strings are money. */
  static parse(input: unknown, subject = 'amount'): Money {
    if (typeof input !== 'string') {
      throw new MoneyError('MONEY_NOT_A_STRING', `${MONEY_EXAMPLE_TEXT} (got ${describeValue(input)})`, subject);
    }
    assertMoneyString(input, subject);
    return Money.wrap(new D(input));
  }

  /**
   * A numeric string from the pg driver. Checked anyway: a SUM()/AVG() over numeric can come back
   * with more than 2 decimals, and that should fail here rather than be rounded silently.
   */
  static fromDb(s: string): Money {
    return Money.parse(s, 'database value');
  }

  /**
   * Construction from code. A string follows parse()'s rules; a bigint is whole rupiah; a Decimal
   * must already have at most 2 decimals (this never rounds: rounding happens only where a caller
   * names a mode). JS numbers are refused at runtime too, for callers that got past the types.
   */
  static of(d: Decimal | string | bigint): Money {
    if (typeof d === 'string') return Money.parse(d);
    if (typeof d === 'bigint') {
      const v = new D(d.toString());
      assertInRange(v, 'amount');
      return Money.wrap(v);
    }
    if (Decimal.isDecimal(d)) {
      if (!d.isFinite()) throw new MoneyError('MONEY_FORMAT', `must be a finite amount (got "${d.toString()}")`);
      if (d.decimalPlaces() > 2) {
        throw new MoneyError('MONEY_TOO_MANY_DECIMALS', `must have at most 2 decimal places (got "${d.toFixed()}")`);
      }
      const v = new D(d);
      assertInRange(v, 'amount');
      return Money.wrap(v);
    }
    throw new MoneyError(
      'MONEY_NOT_A_STRING',
      `must be a Decimal, a decimal string or a bigint, never a JS number (got ${describeValue(d)})`,
    );
  }

  /** Whole sen (1/100 rupiah) as an exact integer, for integer arithmetic such as splitting. */
  static fromSen(sen: bigint): Money {
    const v = new D(sen.toString()).div(HUNDRED);
    assertInRange(v, 'amount');
    return Money.wrap(v);
  }

  static zero(): Money {
    return Money.ZERO_MONEY;
  }

  static isMoney(x: unknown): x is Money {
    return x instanceof Money;
  }

  static sum(items: readonly Money[]): Money {
    let acc: Decimal = ZERO;
    for (const m of items) acc = acc.plus(m.value);
    return Money.checked(acc);
  }

  static min(a: Money, b: Money): Money {
    return a.lte(b) ? a : b;
  }

  static max(a: Money, b: Money): Money {
    return a.gte(b) ? a : b;
  }

  private static wrap(d: Decimal): Money {
    // -0 would print as "-0.00" in some paths and compare oddly in others.
    return d.isZero() ? Money.ZERO_MONEY : new Money(d);
  }

  private static checked(d: Decimal): Money {
    assertInRange(d, 'result');
    return Money.wrap(d);
  }

  plus(o: Money): Money {
    return Money.checked(this.value.plus(o.value));
  }

  minus(o: Money): Money {
    return Money.checked(this.value.minus(o.value));
  }

  /** Multiplies by a count (installments, units). Fractions would need a rounding mode: use roundTo. */
  times(n: number): Money {
    if (!Number.isSafeInteger(n)) {
      throw new MoneyError('MONEY_NOT_AN_INTEGER_FACTOR', `factor must be a safe integer (got ${String(n)})`, 'money');
    }
    return Money.checked(this.value.times(n));
  }

  negated(): Money {
    return Money.wrap(this.value.negated());
  }

  abs(): Money {
    return this.value.isNegative() ? this.negated() : this;
  }

  cmp(o: Money): -1 | 0 | 1 {
    return this.value.cmp(o.value) as -1 | 0 | 1;
  }

  eq(o: Money): boolean {
    return this.value.eq(o.value);
  }

  gt(o: Money): boolean {
    return this.value.gt(o.value);
  }

  gte(o: Money): boolean {
    return this.value.gte(o.value);
  }

  lt(o: Money): boolean {
    return this.value.lt(o.value);
  }

  lte(o: Money): boolean {
    return this.value.lte(o.value);
  }

  isZero(): boolean {
    return this.value.isZero();
  }

  isPositive(): boolean {
    return this.value.isPositive() && !this.value.isZero();
  }

  isNegative(): boolean {
    return this.value.isNegative() && !this.value.isZero();
  }

  /** To a multiple of `unit` (1, 100, 500, 1000, 5000 ...). See RoundingMode for the modes. */
  roundTo(unit: Money, mode: RoundingMode): Money {
    if (!unit.isPositive()) {
      throw new MoneyError('MONEY_INVALID_UNIT', `must be greater than 0 (got "${unit.toString()}")`, 'rounding unit');
    }
    assertRoundingMode(mode);
    // toNearest divides to an integer quotient with exact rounding (no precision loss) and
    // multiplies back; with our 40-digit context the product is exact too.
    return Money.checked(this.value.toNearest(unit.value, decimalRounding(mode)));
  }

  toSen(): bigint {
    return BigInt(this.toString().replace('.', ''));
  }

  /** A copy: callers may do ratio arithmetic on it without touching this Money. */
  toDecimal(): Decimal {
    return new D(this.value);
  }

  /** Plain decimal, always 2 decimals: "333000.00", "-5.50". */
  toString(): string {
    return this.value.toFixed(2);
  }

  toJSON(): string {
    return this.toString();
  }

  /**
   * "Rp1.500.000" on screens (sen shown only when present: "Rp1.500.000,50"), formal documents
   * always with sen: "Rp1.500.000,00". Negatives: "-Rp1.500.000". Never rounds.
   */
  format(opts?: { formal?: boolean }): string {
    const s = this.toString();
    const negative = s.charCodeAt(0) === 45;
    const body = negative ? s.slice(1) : s;
    const dot = body.indexOf('.');
    const whole = body.slice(0, dot).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    const sen = body.slice(dot + 1);
    const tail = opts?.formal === true || sen !== '00' ? `,${sen}` : '';
    return `${negative ? '-' : ''}Rp${whole}${tail}`;
  }

  /**
   * `a + b`, `a > b` or `'Rp' + a` on Money objects would silently compare or concatenate strings;
   * fail instead. String(m) and template literals still work (they use toString).
   */
  valueOf(): never {
    throw new MoneyError(
      'MONEY_IMPLICIT_CONVERSION',
      'cannot be converted implicitly: use plus/minus/cmp/eq for arithmetic and toString()/format() for text',
      'money',
    );
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Money(${this.toString()})`;
  }
}
