import { parseAmountText, parseSwiftAmount } from './amounts.js';

describe('parseAmountText', () => {
  it.each([
    ['1000000.00', { thousands: '', decimal: '.' }, '1000000.00'],
    ['334000', { thousands: '', decimal: '.' }, '334000.00'],
    ['0.5', { thousands: '', decimal: '.' }, '0.50'],
    ['-1000.25', { thousands: '', decimal: '.' }, '-1000.25'],
    ['1.234.567,89', { thousands: '.', decimal: ',' }, '1234567.89'],
    ['334.000', { thousands: '.', decimal: ',' }, '334000.00'],
    ['1,234,567.89', { thousands: ',', decimal: '.' }, '1234567.89'],
    ['(1,000.00)', { thousands: ',', decimal: '.' }, '-1000.00'],
    ['999999999999999.99', { thousands: '', decimal: '.' }, '999999999999999.99'],
  ] as const)('%s -> %s', (text, style, expected) => {
    expect(parseAmountText(text, style)?.toString()).toBe(expected);
  });

  it.each([
    ['12x.00', { thousands: '', decimal: '.' }],
    ['1.000.00', { thousands: '', decimal: '.' }],
    ['1.23.456,00', { thousands: '.', decimal: ',' }],
    ['1,5', { thousands: '', decimal: '.' }],
    ['1.001', { thousands: '', decimal: '.' }],
    ['', { thousands: '', decimal: '.' }],
  ] as const)('refuses %s', (text, style) => {
    expect(parseAmountText(text, style)).toBeNull();
  });
});

describe('parseSwiftAmount', () => {
  it.each([
    ['334000,00', '334000.00'],
    ['334000,', '334000.00'],
    ['334000', '334000.00'],
    ['12,5', '12.50'],
  ])('%s -> %s', (text, expected) => {
    expect(parseSwiftAmount(text)?.toString()).toBe(expected);
  });

  it.each(['12x,00', '1.000,00', '', ',50'])('refuses %s', (text) => {
    expect(parseSwiftAmount(text)).toBeNull();
  });
});
