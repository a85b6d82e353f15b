import { Decimal } from 'decimal.js';
import { Money } from './money.js';
import { MoneyError } from './money-errors.js';
import { decimalTransformer, moneyTransformer } from './money.transformer.js';

describe('moneyTransformer', () => {
  it('reads the driver string into Money and keeps null', () => {
    const v = moneyTransformer.from('1500000.00') as Money;
    expect(Money.isMoney(v)).toBe(true);
    expect(v.toString()).toBe('1500000.00');
    expect(moneyTransformer.from(null)).toBeNull();
    expect(moneyTransformer.from(undefined)).toBeNull();
  });

  it('writes a canonical string, so an unchanged amount is never seen as changed', () => {
    expect(moneyTransformer.to(Money.of('5'))).toBe('5.00');
    expect(moneyTransformer.to(moneyTransformer.from('5.00'))).toBe('5.00');
    expect(moneyTransformer.to('5')).toBe('5.00');
    expect(moneyTransformer.to(new Decimal('5.5'))).toBe('5.50');
    expect(moneyTransformer.to(null)).toBeNull();
    expect(moneyTransformer.to(undefined)).toBeUndefined();
  });

  it('refuses numbers either way and values the column cannot hold', () => {
    expect(() => moneyTransformer.to(5)).toThrow(MoneyError);
    expect(() => moneyTransformer.from(5)).toThrow(MoneyError);
    expect(() => moneyTransformer.to('5.001')).toThrow(MoneyError);
    expect(() => moneyTransformer.from('1.005')).toThrow(/database value must have at most 2 decimal places/);
  });
});

describe('decimalTransformer', () => {
  it('reads numeric strings into Decimal and keeps null', () => {
    const v = decimalTransformer.from('0.333333333333333333') as Decimal;
    expect(v).toBeInstanceOf(Decimal);
    expect(v.toFixed()).toBe('0.333333333333333333');
    expect(decimalTransformer.from(null)).toBeNull();
  });

  it('writes plain notation, never exponents', () => {
    expect(decimalTransformer.to(new Decimal('1e-9'))).toBe('0.000000001');
    expect(decimalTransformer.to(new Decimal('1.5e25'))).toBe('15000000000000000000000000');
    expect(decimalTransformer.to('0.25')).toBe('0.25');
    expect(decimalTransformer.to(null)).toBeNull();
  });

  it('refuses numbers, NaN and garbage', () => {
    expect(() => decimalTransformer.to(0.25)).toThrow(MoneyError);
    expect(() => decimalTransformer.to(new Decimal(NaN))).toThrow(MoneyError);
    expect(() => decimalTransformer.from('NaN')).toThrow(MoneyError);
    expect(() => decimalTransformer.from(0.25)).toThrow(MoneyError);
    expect(() => decimalTransformer.to('abc')).toThrow(MoneyError);
  });
});
