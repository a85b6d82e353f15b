import { Money } from '#money';
import { Product } from './product.entity.js';
import { type ProductRulesDraft, productRuleViolations } from './product-rules.js';
import { productTermsSnapshot, scheduleTermsOf } from './product-terms.js';

const m = (s: string) => Money.of(s);
const valid: ProductRulesDraft = {
  minAmount: m('1000000'),
  maxAmount: m('10000000'),
  minTenor: 3,
  maxTenor: 24,
  roundingUnit: m('1000'),
  reminderOffsetsDays: [-3, 0, 1, 7],
  committeeThreshold: m('5000000'),
  eligibility: { minAge: 21, maxAgeAtMaturity: 60, regionCodes: ['35.26'], minBusinessAgeMonths: 6, requireNib: true, maxActiveLoans: 1 },
};
const fields = (over: Partial<ProductRulesDraft>) => productRuleViolations({ ...valid, ...over }).map((v) => `${v.field}:${v.code}`);

describe('productRuleViolations', () => {
  it('accepts consistent rules, including equal bounds and a threshold at either end', () => {
    expect(fields({})).toEqual([]);
    expect(fields({ minAmount: m('5000000'), maxAmount: m('5000000'), minTenor: 12, maxTenor: 12 })).toEqual([]);
    expect(fields({ committeeThreshold: m('10000000') })).toEqual([]);
    expect(fields({ committeeThreshold: m('1000000') })).toEqual([]);
    for (const unit of ['1', '100', '500', '1000', '5000', '5000.00']) expect(fields({ roundingUnit: m(unit) })).toEqual([]);
  });

  it('names each contradiction', () => {
    expect(fields({ maxAmount: m('999999.99'), committeeThreshold: m('999999') })).toEqual(['maxAmount:AMOUNT_RANGE_REVERSED']);
    expect(fields({ maxTenor: 2 })).toEqual(['maxTenor:TENOR_RANGE_REVERSED']);
    expect(fields({ roundingUnit: m('10000') })).toEqual(['roundingUnit:ROUNDING_UNIT_NOT_ALLOWED']);
    expect(fields({ reminderOffsetsDays: [0, -3] })).toEqual(['reminderOffsetsDays:REMINDER_OFFSETS_NOT_SORTED']);
    expect(fields({ reminderOffsetsDays: [1, 0, 1] })).toEqual(['reminderOffsetsDays:REMINDER_OFFSETS_NOT_UNIQUE']);
    expect(fields({ committeeThreshold: m('10000000.01') })).toEqual(['committeeThreshold:COMMITTEE_THRESHOLD_OUT_OF_RANGE']);
    expect(fields({ eligibility: { ...valid.eligibility, minAge: 60 } })).toEqual(['eligibility.maxAgeAtMaturity:AGE_RANGE_REVERSED']);
  });
});

describe('productTermsSnapshot', () => {
  it('is a plain JSON copy of every rule that later edits of the product cannot reach', () => {
    const product = Object.assign(new Product(), {
      id: 'p1',
      programmeId: 'g1',
      code: 'BKL-MODAL-0',
      name: 'Modal 0%',
      ...valid,
      eligibility: { ...valid.eligibility, regionCodes: ['35.26'] },
      reminderOffsetsDays: [-3, 0, 1, 7],
      frequency: 'MONTHLY' as const,
      roundingMode: 'UP' as const,
      remainderPlacement: 'LAST' as const,
      principalGracePeriods: 1,
      moveDueDatesOffHolidays: true,
      collectibilityTable: 'BPR' as const,
      lateFee: Money.zero(),
      validityDays: 30,
      isActive: true,
      version: 3,
    });
    const terms = productTermsSnapshot(product);
    expect(JSON.parse(JSON.stringify(terms))).toEqual(terms);
    expect(terms).toMatchObject({ productVersion: 3, minAmount: '1000000.00', roundingUnit: '1000.00', lateFee: '0.00', committeeThreshold: '5000000.00' });
    product.eligibility.regionCodes.push('51.03');
    product.reminderOffsetsDays.push(30);
    expect(terms.eligibility.regionCodes).toEqual(['35.26']);
    expect(terms.reminderOffsetsDays).toEqual([-3, 0, 1, 7]);
    const schedule = scheduleTermsOf(terms, m('2000000'), 6);
    expect(schedule).toMatchObject({ tenor: 6, frequency: 'MONTHLY', principalGracePeriods: 1, moveDueDatesOffHolidays: true });
    expect(schedule.roundingUnit.toString()).toBe('1000.00');
    expect(schedule.principal.toString()).toBe('2000000.00');
  });
});
