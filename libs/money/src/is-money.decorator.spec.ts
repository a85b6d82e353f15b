import { validate } from 'class-validator';
import { IsMoney } from './is-money.decorator.js';
import { MoneyError } from './money-errors.js';

class AnyAmount {
  @IsMoney()
  amount: unknown;
}

class Positive {
  @IsMoney({ positive: true, max: '1000000000' })
  amount: unknown;
}

class Signed {
  @IsMoney({ allowNegative: true })
  adjustment: unknown;
}

class Many {
  @IsMoney({ positive: true }, { each: true })
  amounts: unknown;
}

class Custom {
  @IsMoney({}, { message: 'bad money' })
  amount: unknown;
}

async function messages<T extends object>(cls: new () => T, props: Record<string, unknown>): Promise<string[]> {
  const dto = Object.assign(new cls(), props);
  const errors = await validate(dto);
  return errors.flatMap((e) => Object.entries(e.constraints ?? {}).map(([name, msg]) => `${name}: ${msg}`));
}

describe('@IsMoney', () => {
  it.each(['0', '150000', '150000.50', '9999999999999999.99'])('accepts %j by default', async (v) => {
    expect(await messages(AnyAmount, { amount: v })).toEqual([]);
  });

  it.each<[unknown, string]>([
    [150000, 'amount must be a decimal string such as "150000" or "150000.50" (got a JSON number)'],
    [undefined, 'amount must be a decimal string such as "150000" or "150000.50" (got nothing)'],
    [null, 'amount must be a decimal string such as "150000" or "150000.50" (got null)'],
    ['', 'amount must be a decimal string such as "150000" or "150000.50" (got an empty string)'],
    ['1e6', 'amount must be in plain decimal notation, without an exponent (got "1e6")'],
    ['1.005', 'amount must have at most 2 decimal places (got "1.005")'],
    ['1.500.000', 'amount must use "." as the decimal point and no thousands separators, e.g. "1500000.50" (got "1.500.000")'],
    ['-5', 'amount must not be negative'],
    ['10000000000000000', 'amount must be between -9999999999999999.99 and 9999999999999999.99 (got "10000000000000000")'],
  ])('rejects %p by default: %s', async (v, expected) => {
    expect(await messages(AnyAmount, { amount: v })).toEqual([`isMoney: ${expected}`]);
  });

  it('positive and max', async () => {
    expect(await messages(Positive, { amount: '0' })).toEqual(['isMoney: amount must be greater than 0']);
    expect(await messages(Positive, { amount: '-1' })).toEqual(['isMoney: amount must be greater than 0']);
    expect(await messages(Positive, { amount: '1000000000.01' })).toEqual([
      'isMoney: amount must be at most 1000000000.00',
    ]);
    expect(await messages(Positive, { amount: '1000000000' })).toEqual([]);
    expect(await messages(Positive, { amount: '0.01' })).toEqual([]);
  });

  it('allowNegative', async () => {
    expect(await messages(Signed, { adjustment: '-5.50' })).toEqual([]);
    expect(await messages(Signed, { adjustment: -5.5 })).toEqual([
      'isMoney: adjustment must be a decimal string such as "150000" or "150000.50" (got a JSON number)',
    ]);
  });

  it('each: names the first bad item', async () => {
    expect(await messages(Many, { amounts: ['1', '2.50'] })).toEqual([]);
    expect(await messages(Many, { amounts: ['1', '0', 3] })).toEqual(['isMoney: each value in amounts must be greater than 0']);
  });

  it('a custom message wins', async () => {
    expect(await messages(Custom, { amount: 5 })).toEqual(['isMoney: bad money']);
  });

  it('a bad max fails when the DTO is declared, not on the first request', () => {
    expect(() => IsMoney({ max: '1e9' })).toThrow(MoneyError);
  });
});
