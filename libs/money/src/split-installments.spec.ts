// Golden schedules from domain.md "Money" and api.md "Schedule rules"; amounts asserted as strings.
import { splitInstallments } from './split-installments.js';
import { codeOf, m, strings } from './spec-helpers.js';



describe('splitInstallments', () => {
  it('Lumajang: Rp1,000,000 over 12, unit 5,000, UP, LAST -> 11 x 85,000 + 65,000', () => {
    const parts = splitInstallments(m('1000000'), 12, { unit: m('5000'), mode: 'UP', remainder: 'LAST' });
    expect(strings(parts)).toEqual([...Array<string>(11).fill('85000.00'), '65000.00']);
  });

  it('Rp1,000,000 over 3, unit 1,000, UP, LAST -> 334,000 + 334,000 + 332,000', () => {
    const parts = splitInstallments(m('1000000'), 3, { unit: m('1000'), mode: 'UP', remainder: 'LAST' });
    expect(strings(parts)).toEqual(['334000.00', '334000.00', '332000.00']);
  });

  it('Fineract style: Rp1,000,000 over 3, unit 1,000, HALF_UP, LAST -> 333,000 + 333,000 + 334,000', () => {
    const parts = splitInstallments(m('1000000'), 3, { unit: m('1000'), mode: 'HALF_UP', remainder: 'LAST' });
    expect(strings(parts)).toEqual(['333000.00', '333000.00', '334000.00']);
  });

  it('FIRST puts the odd installment first', () => {
    expect(strings(splitInstallments(m('1000000'), 3, { unit: m('1000'), mode: 'UP', remainder: 'FIRST' }))).toEqual([
      '332000.00',
      '334000.00',
      '334000.00',
    ]);
    expect(strings(splitInstallments(m('1000000'), 12, { unit: m('5000'), mode: 'UP', remainder: 'FIRST' }))).toEqual([
      '65000.00',
      ...Array<string>(11).fill('85000.00'),
    ]);
  });

  it('an even split has no odd installment', () => {
    expect(strings(splitInstallments(m('5000000'), 10, { unit: m('1000'), mode: 'UP', remainder: 'LAST' }))).toEqual(
      Array<string>(10).fill('500000.00'),
    );
  });

  it('unit 1 and unit 100 and unit 500', () => {
    expect(strings(splitInstallments(m('1000000'), 3, { unit: m('1'), mode: 'UP', remainder: 'LAST' }))).toEqual([
      '333334.00',
      '333334.00',
      '333332.00',
    ]);
    expect(strings(splitInstallments(m('2500000'), 36, { unit: m('100'), mode: 'HALF_UP', remainder: 'LAST' }))).toEqual([
      ...Array<string>(35).fill('69400.00'),
      '71000.00',
    ]);
    expect(strings(splitInstallments(m('1000000'), 6, { unit: m('500'), mode: 'UP', remainder: 'LAST' }))).toEqual([
      ...Array<string>(5).fill('167000.00'),
      '165000.00',
    ]);
  });

  it('keeps sen of a total with sen in the odd installment', () => {
    expect(strings(splitInstallments(m('1000.50'), 2, { unit: m('1'), mode: 'UP', remainder: 'LAST' }))).toEqual([
      '501.00',
      '499.50',
    ]);
  });

  it('a single installment is the whole total, whatever the unit', () => {
    expect(strings(splitInstallments(m('1234.56'), 1, { unit: m('5000'), mode: 'HALF_UP', remainder: 'LAST' }))).toEqual([
      '1234.56',
    ]);
  });

  it('MONEY_SPLIT_UNIT_TOO_LARGE when the odd installment would be 0: 100,000 over 3 at 50,000', () => {
    expect(codeOf(() => splitInstallments(m('100000'), 3, { unit: m('50000'), mode: 'UP', remainder: 'LAST' }))).toBe(
      'MONEY_SPLIT_UNIT_TOO_LARGE',
    );
    expect(codeOf(() => splitInstallments(m('100000'), 3, { unit: m('50000'), mode: 'UP', remainder: 'FIRST' }))).toBe(
      'MONEY_SPLIT_UNIT_TOO_LARGE',
    );
  });

  it('MONEY_SPLIT_UNIT_TOO_LARGE when the odd installment would be negative or the base 0', () => {
    // base 5,000 x 11 = 55,000 > 50,000
    expect(codeOf(() => splitInstallments(m('50000'), 12, { unit: m('5000'), mode: 'UP', remainder: 'LAST' }))).toBe(
      'MONEY_SPLIT_UNIT_TOO_LARGE',
    );
    // HALF_UP of 1,000 / 3 at unit 5,000 is 0
    expect(codeOf(() => splitInstallments(m('1000'), 3, { unit: m('5000'), mode: 'HALF_UP', remainder: 'LAST' }))).toBe(
      'MONEY_SPLIT_UNIT_TOO_LARGE',
    );
  });

  it('says why the unit is too large', () => {
    expect(() => splitInstallments(m('100000'), 3, { unit: m('50000'), mode: 'UP', remainder: 'LAST' })).toThrow(
      'rounding unit 50000.00 is too large to split 100000.00 into 3 installments: base 50000.00 would leave 0.00 for the last installment',
    );
  });

  it('refuses bad arguments with their own codes', () => {
    const opts = { unit: m('1000'), mode: 'UP', remainder: 'LAST' } as const;
    expect(codeOf(() => splitInstallments(m('1000'), 0, opts))).toBe('MONEY_INVALID_COUNT');
    expect(codeOf(() => splitInstallments(m('1000'), 2.5, opts))).toBe('MONEY_INVALID_COUNT');
    expect(codeOf(() => splitInstallments(m('0'), 3, opts))).toBe('MONEY_SPLIT_TOTAL_NOT_POSITIVE');
    expect(codeOf(() => splitInstallments(m('-3000'), 3, opts))).toBe('MONEY_SPLIT_TOTAL_NOT_POSITIVE');
    expect(codeOf(() => splitInstallments(m('1000'), 3, { ...opts, unit: m('0') }))).toBe('MONEY_INVALID_UNIT');
    expect(codeOf(() => splitInstallments(m('1000'), 3, { ...opts, mode: 'NEAREST' as 'UP' }))).toBe(
      'MONEY_INVALID_ROUNDING_MODE',
    );
  });
});
