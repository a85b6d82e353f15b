import { Decimal } from 'decimal.js';
import { Money } from './money.js';
import { MoneyError } from './money-errors.js';
import { codeOf, m } from './spec-helpers.js';


function errorOf(fn: () => unknown): MoneyError {
  try {
    fn();
  } catch (e) {
    if (e instanceof MoneyError) return e;
    throw e;
  }
  throw new Error('expected a MoneyError');
}

describe('Money.parse', () => {
  it.each([
    ['0', '0.00'],
    ['5', '5.00'],
    ['5.5', '5.50'],
    ['5.05', '5.05'],
    ['-5.5', '-5.50'],
    ['-0', '0.00'],
    ['-0.00', '0.00'],
    ['007', '7.00'],
    ['1500000', '1500000.00'],
    ['9999999999999999.99', '9999999999999999.99'],
    ['-9999999999999999.99', '-9999999999999999.99'],
    ['00000000000000000001', '1.00'],
  ])('accepts %j as %s', (input, expected) => {
    expect(Money.parse(input).toString()).toBe(expected);
  });

  it.each<[unknown, string]>([
    [150000, 'MONEY_NOT_A_STRING'],
    [1.5, 'MONEY_NOT_A_STRING'],
    [Number.NaN, 'MONEY_NOT_A_STRING'],
    [null, 'MONEY_NOT_A_STRING'],
    [undefined, 'MONEY_NOT_A_STRING'],
    [true, 'MONEY_NOT_A_STRING'],
    [10n, 'MONEY_NOT_A_STRING'],
    [{}, 'MONEY_NOT_A_STRING'],
    [['5'], 'MONEY_NOT_A_STRING'],
    [new Decimal(5), 'MONEY_NOT_A_STRING'],
    ['', 'MONEY_EMPTY'],
    [' ', 'MONEY_FORMAT'],
    [' 5', 'MONEY_FORMAT'],
    ['5 ', 'MONEY_FORMAT'],
    ['5\n', 'MONEY_FORMAT'],
    ['1e3', 'MONEY_FORMAT'],
    ['1E3', 'MONEY_FORMAT'],
    ['1.5e-2', 'MONEY_FORMAT'],
    ['NaN', 'MONEY_FORMAT'],
    ['Infinity', 'MONEY_FORMAT'],
    ['-Infinity', 'MONEY_FORMAT'],
    ['+5', 'MONEY_FORMAT'],
    ['.5', 'MONEY_FORMAT'],
    ['5.', 'MONEY_FORMAT'],
    ['-', 'MONEY_FORMAT'],
    ['--5', 'MONEY_FORMAT'],
    ['1.500.000', 'MONEY_FORMAT'],
    ['1,500,000', 'MONEY_FORMAT'],
    ['1500000,50', 'MONEY_FORMAT'],
    ['Rp1500000', 'MONEY_FORMAT'],
    ['0x10', 'MONEY_FORMAT'],
    ['１２', 'MONEY_FORMAT'], // full-width digits: \d is ASCII-only in JS
    ['5.001', 'MONEY_TOO_MANY_DECIMALS'],
    ['5.000', 'MONEY_TOO_MANY_DECIMALS'],
    ['-0.005', 'MONEY_TOO_MANY_DECIMALS'],
    ['10000000000000000', 'MONEY_OUT_OF_RANGE'],
    ['-10000000000000000.00', 'MONEY_OUT_OF_RANGE'],
    ['99999999999999999999999', 'MONEY_OUT_OF_RANGE'],
  ])('rejects %p with %s', (input, code) => {
    expect(codeOf(() => Money.parse(input))).toBe(code);
  });

  it('says what was wrong and what to send', () => {
    expect(errorOf(() => Money.parse(150000)).message).toBe(
      'amount must be a decimal string such as "150000" or "150000.50" (got a JSON number)',
    );
    expect(errorOf(() => Money.parse('5.001')).message).toBe('amount must have at most 2 decimal places (got "5.001")');
    expect(errorOf(() => Money.parse('1e3')).message).toBe(
      'amount must be in plain decimal notation, without an exponent (got "1e3")',
    );
    expect(errorOf(() => Money.parse('5.', 'principal')).reason).toBe(
      'must have digits on both sides of the decimal point (got "5.")',
    );
    expect(errorOf(() => Money.parse(5, 'principal')).message).toMatch(/^principal must be a decimal string/);
  });

  it('truncates a huge input when echoing it', () => {
    const e = errorOf(() => Money.parse('x'.repeat(10_000)));
    expect(e.message.length).toBeLessThan(200);
  });
});

describe('Money.fromDb', () => {
  it('reads the pg numeric strings', () => {
    expect(Money.fromDb('1500000.00').toString()).toBe('1500000.00');
    expect(Money.fromDb('-5.50').toString()).toBe('-5.50');
    expect(Money.fromDb('42').toString()).toBe('42.00');
  });

  it('refuses what a numeric(18,2) column cannot hold, naming the source', () => {
    const e = errorOf(() => Money.fromDb('333333.3333333333'));
    expect(e.code).toBe('MONEY_TOO_MANY_DECIMALS');
    expect(e.message).toMatch(/^database value /);
    expect(codeOf(() => Money.fromDb('NaN'))).toBe('MONEY_FORMAT');
    expect(codeOf(() => Money.fromDb(5 as unknown as string))).toBe('MONEY_NOT_A_STRING');
  });
});

describe('Money.of', () => {
  it('takes code constants, bigint rupiah and Decimals with at most 2 decimals', () => {
    expect(Money.of('1000').toString()).toBe('1000.00');
    expect(Money.of(1000n).toString()).toBe('1000.00');
    expect(Money.of(-3n).toString()).toBe('-3.00');
    expect(Money.of(new Decimal('12.3')).toString()).toBe('12.30');
    expect(Money.of(new Decimal('12.300000')).toString()).toBe('12.30');
  });

  it('never rounds a Decimal and refuses numbers at runtime', () => {
    expect(codeOf(() => Money.of(new Decimal('1').div(3)))).toBe('MONEY_TOO_MANY_DECIMALS');
    expect(codeOf(() => Money.of(new Decimal(NaN)))).toBe('MONEY_FORMAT');
    expect(codeOf(() => Money.of(new Decimal(Infinity)))).toBe('MONEY_FORMAT');
    expect(codeOf(() => Money.of(new Decimal('1e16')))).toBe('MONEY_OUT_OF_RANGE');
    expect(codeOf(() => Money.of(10n ** 16n))).toBe('MONEY_OUT_OF_RANGE');
    expect(codeOf(() => Money.of(5 as unknown as string))).toBe('MONEY_NOT_A_STRING');
  });

  it('is not affected by the global Decimal precision', () => {
    const saved = Decimal.precision;
    Decimal.set({ precision: 5 });
    try {
      const a = Money.of('9999999999999999.99');
      expect(a.minus(Money.of('0.01')).toString()).toBe('9999999999999999.98');
      expect(Money.of('1234567.89').times(1000).toString()).toBe('1234567890.00');
    } finally {
      Decimal.set({ precision: saved });
    }
  });
});

describe('sen', () => {
  it('converts to and from whole sen exactly', () => {
    expect(Money.of('1234.56').toSen()).toBe(123456n);
    expect(Money.of('-0.05').toSen()).toBe(-5n);
    expect(Money.fromSen(123456n).toString()).toBe('1234.56');
    expect(Money.fromSen(-1n).toString()).toBe('-0.01');
    expect(Money.fromSen(999999999999999999n).toString()).toBe('9999999999999999.99');
    expect(codeOf(() => Money.fromSen(10n ** 18n))).toBe('MONEY_OUT_OF_RANGE');
  });
});

describe('arithmetic', () => {
  
  it('adds, subtracts, multiplies by counts', () => {
    expect(m('0.10').plus(m('0.20')).toString()).toBe('0.30');
    expect(m('100').minus(m('100.01')).toString()).toBe('-0.01');
    expect(m('85000').times(11).toString()).toBe('935000.00');
    expect(m('85000').times(0).toString()).toBe('0.00');
    expect(m('1.25').times(-2).toString()).toBe('-2.50');
  });

  it('refuses fractional and unsafe factors', () => {
    expect(codeOf(() => m('1').times(1.5))).toBe('MONEY_NOT_AN_INTEGER_FACTOR');
    expect(codeOf(() => m('1').times(Number.NaN))).toBe('MONEY_NOT_AN_INTEGER_FACTOR');
    expect(codeOf(() => m('1').times(2 ** 53))).toBe('MONEY_NOT_AN_INTEGER_FACTOR');
  });

  it('refuses results outside numeric(18,2)', () => {
    const big = m('9999999999999999.99');
    expect(codeOf(() => big.plus(m('0.01')))).toBe('MONEY_OUT_OF_RANGE');
    expect(codeOf(() => big.negated().minus(m('0.01')))).toBe('MONEY_OUT_OF_RANGE');
    expect(codeOf(() => big.times(2))).toBe('MONEY_OUT_OF_RANGE');
    expect(codeOf(() => Money.sum([big, big]))).toBe('MONEY_OUT_OF_RANGE');
    // Only the final sum has to fit.
    expect(Money.sum([big, big, big.negated()]).toString()).toBe('9999999999999999.99');
  });

  it('negates, takes absolute values and never produces -0', () => {
    expect(m('5').negated().toString()).toBe('-5.00');
    expect(m('-5').abs().toString()).toBe('5.00');
    expect(m('0').negated().toString()).toBe('0.00');
    expect(m('0').negated().isNegative()).toBe(false);
    expect(m('-0.01').roundTo(m('1'), 'UP').toString()).toBe('0.00');
  });

  it('sums, with zero for an empty list', () => {
    expect(Money.sum([]).toString()).toBe('0.00');
    expect(Money.sum([m('1.10'), m('2.20'), m('-0.30')]).toString()).toBe('3.00');
    expect(Money.zero().isZero()).toBe(true);
  });

  it('compares', () => {
    expect(m('1').cmp(m('2'))).toBe(-1);
    expect(m('2').cmp(m('2.00'))).toBe(0);
    expect(m('3').cmp(m('2'))).toBe(1);
    expect(m('2').eq(m('2.00'))).toBe(true);
    expect(m('2').gt(m('1.99'))).toBe(true);
    expect(m('2').gte(m('2'))).toBe(true);
    expect(m('2').lt(m('2.01'))).toBe(true);
    expect(m('2').lte(m('2'))).toBe(true);
    expect(m('0').isPositive()).toBe(false);
    expect(m('0').isNegative()).toBe(false);
    expect(m('0.01').isPositive()).toBe(true);
    expect(m('-0.01').isNegative()).toBe(true);
    expect(Money.min(m('1'), m('2')).toString()).toBe('1.00');
    expect(Money.max(m('1'), m('2')).toString()).toBe('2.00');
  });

  it('is immutable', () => {
    const a = m('10');
    a.plus(m('5'));
    a.negated();
    const d = a.toDecimal();
    expect(a.toString()).toBe('10.00');
    expect(d).toBeInstanceOf(Decimal);
    expect(d.toFixed(2)).toBe('10.00');
  });

  it('refuses implicit conversion, which would compare or concatenate strings', () => {
    const a = m('10');
    const b = m('9');
    expect(codeOf(() => (a as unknown as number) > (b as unknown as number))).toBe('MONEY_IMPLICIT_CONVERSION');
    expect(codeOf(() => (a as unknown as number) + 1)).toBe('MONEY_IMPLICIT_CONVERSION');
    expect(`${a}`).toBe('10.00');
    expect(String(a)).toBe('10.00');
  });

  it('is equal by value for jest', () => {
    expect(m('5.5')).toEqual(m('5.50'));
    expect(m('5.5')).not.toEqual(m('5.51'));
  });
});

describe('roundTo', () => {
    it.each([
    ['83333.33', '5000', 'UP', '85000.00'],
    ['83333.33', '5000', 'HALF_UP', '85000.00'],
    ['83333.33', '5000', 'DOWN', '80000.00'],
    ['333333.33', '1000', 'UP', '334000.00'],
    ['333333.33', '1000', 'HALF_UP', '333000.00'],
    ['333500', '1000', 'HALF_UP', '334000.00'],
    ['333499.99', '1000', 'HALF_UP', '333000.00'],
    ['-333500', '1000', 'HALF_UP', '-334000.00'],
    ['-333333.33', '1000', 'UP', '-333000.00'],
    ['-333333.33', '1000', 'DOWN', '-334000.00'],
    ['334000', '1000', 'UP', '334000.00'],
    ['0.01', '1', 'UP', '1.00'],
    ['0.49', '1', 'HALF_UP', '0.00'],
    ['12.34', '0.05', 'HALF_UP', '12.35'],
    ['1250', '500', 'HALF_UP', '1500.00'],
    ['9999999999999999.99', '1', 'DOWN', '9999999999999999.00'],
  ])('%s to %s %s = %s', (value, unit, mode, expected) => {
    expect(m(value).roundTo(m(unit), mode as 'UP').toString()).toBe(expected);
  });

  it('refuses a unit that is not positive, an unknown mode and a result out of range', () => {
    expect(codeOf(() => m('1').roundTo(m('0'), 'UP'))).toBe('MONEY_INVALID_UNIT');
    expect(codeOf(() => m('1').roundTo(m('-1'), 'UP'))).toBe('MONEY_INVALID_UNIT');
    expect(codeOf(() => m('1').roundTo(m('1'), 'CEILING' as 'UP'))).toBe('MONEY_INVALID_ROUNDING_MODE');
    expect(codeOf(() => m('9999999999999999.99').roundTo(m('1'), 'UP'))).toBe('MONEY_OUT_OF_RANGE');
  });
});

describe('text', () => {
  
  it('toString and toJSON are plain decimals with 2 places', () => {
    expect(m('333000').toString()).toBe('333000.00');
    expect(m('-5.5').toString()).toBe('-5.50');
    expect(m('10000000000000').toString()).toBe('10000000000000.00');
    expect(JSON.stringify({ amount: m('1500000') })).toBe('{"amount":"1500000.00"}');
  });

  it.each([
    ['1500000', 'Rp1.500.000', 'Rp1.500.000,00'],
    ['1500000.5', 'Rp1.500.000,50', 'Rp1.500.000,50'],
    ['0', 'Rp0', 'Rp0,00'],
    ['0.05', 'Rp0,05', 'Rp0,05'],
    ['999', 'Rp999', 'Rp999,00'],
    ['1000', 'Rp1.000', 'Rp1.000,00'],
    ['-1500000', '-Rp1.500.000', '-Rp1.500.000,00'],
    ['9999999999999999.99', 'Rp9.999.999.999.999.999,99', 'Rp9.999.999.999.999.999,99'],
  ])('formats %s as %s / %s', (value, screen, formal) => {
    expect(m(value).format()).toBe(screen);
    expect(m(value).format({ formal: true })).toBe(formal);
  });
});
