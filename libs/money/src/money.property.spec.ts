// Invariants of the money library over generated inputs (fast-check). The golden specs pin the
// programme's examples; these say the same rules hold for every amount, count and unit.
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { allocateByWeights } from './allocate-by-weights.js';
import { Money } from './money.js';
import { MoneyError } from './money-errors.js';
import type { RoundingMode } from './rounding.js';
import { splitInstallments } from './split-installments.js';

const MAX_SEN = 10n ** 18n - 1n; // numeric(18,2)

const anyMoney = fc.bigInt({ min: -MAX_SEN, max: MAX_SEN }).map((s) => Money.fromSen(s));
// Loan-sized amounts are where real schedules live; the full range is covered separately.
const loanAmount = fc.oneof(
  fc.bigInt({ min: 1n, max: 100_000_000n }).map((r) => Money.of(r)),
  fc.bigInt({ min: 1n, max: MAX_SEN }).map((s) => Money.fromSen(s)),
);
const programmeUnit = fc.constantFrom('1', '100', '500', '1000', '5000').map((s) => Money.of(s));
const anyUnit = fc.oneof(programmeUnit, fc.bigInt({ min: 1n, max: 10n ** 12n }).map((s) => Money.fromSen(s)));
const mode = fc.constantFrom<RoundingMode>('UP', 'HALF_UP', 'DOWN');

const isMultiple = (x: Money, unit: Money) => x.toSen() % unit.toSen() === 0n;

describe('money properties', () => {
  it('parse(x.toString()) round-trips', () => {
    fc.assert(
      fc.property(anyMoney, (x) => {
        const back = Money.parse(x.toString());
        expect(back.eq(x)).toBe(true);
        expect(back.toString()).toBe(x.toString());
        expect(Money.parse(JSON.parse(JSON.stringify(x)) as string).eq(x)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('parse accepts exactly the plain decimal strings that fit numeric(18,2)', () => {
    const plain = /^-?\d+(\.\d{1,2})?$/;
    const candidate = fc.oneof(
      fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', '-', '+', 'e', ',', ' '), maxLength: 22 }),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(candidate, (s) => {
        let ok: boolean;
        try {
          Money.parse(s);
          ok = true;
        } catch (e) {
          if (!(e instanceof MoneyError)) throw e;
          ok = false;
        }
        const fits = plain.test(s) && new Decimal(s).abs().lt(new Decimal('1e16'));
        expect(ok).toBe(fits);
      }),
      { numRuns: 5000 },
    );
  });

  it('plus and minus are inverse', () => {
    const half = fc.bigInt({ min: -(MAX_SEN / 2n), max: MAX_SEN / 2n }).map((s) => Money.fromSen(s));
    fc.assert(
      fc.property(half, half, (a, b) => {
        expect(a.plus(b).minus(b).eq(a)).toBe(true);
        expect(a.minus(b).plus(b).eq(a)).toBe(true);
        expect(a.plus(b).eq(b.plus(a))).toBe(true);
        expect(a.plus(b).toSen()).toBe(a.toSen() + b.toSen());
      }),
      { numRuns: 2000 },
    );
  });

  it('roundTo gives a multiple of the unit, within one unit, on the side the mode names', () => {
    fc.assert(
      fc.property(anyMoney, anyUnit, mode, (x, unit, m) => {
        let r: Money;
        try {
          r = x.roundTo(unit, m);
        } catch (e) {
          // Only legitimate when the rounded value really leaves numeric(18,2).
          expect(e).toBeInstanceOf(MoneyError);
          expect((e as MoneyError).code).toBe('MONEY_OUT_OF_RANGE');
          expect(x.abs().toSen() + unit.toSen()).toBeGreaterThan(MAX_SEN);
          return;
        }
        const diff = r.minus(x);
        expect(isMultiple(r, unit)).toBe(true);
        expect(diff.abs().lt(unit)).toBe(true);
        if (m === 'UP') expect(diff.isNegative()).toBe(false);
        if (m === 'DOWN') expect(diff.isPositive()).toBe(false);
        if (m === 'HALF_UP') {
          expect(diff.abs().times(2).lte(unit)).toBe(true);
          // A tie goes away from zero.
          if (diff.abs().times(2).eq(unit)) expect(r.abs().gt(x.abs())).toBe(true);
        }
        if (isMultiple(x, unit)) expect(r.eq(x)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('splitInstallments: parts sum to the total and are all positive, or it throws UNIT_TOO_LARGE', () => {
    fc.assert(
      fc.property(
        loanAmount,
        fc.integer({ min: 1, max: 360 }),
        anyUnit,
        mode,
        fc.constantFrom('LAST' as const, 'FIRST' as const),
        (total, n, unit, m, remainder) => {
          let parts: Money[];
          try {
            parts = splitInstallments(total, n, { unit, mode: m, remainder });
          } catch (e) {
            expect(e).toBeInstanceOf(MoneyError);
            expect((e as MoneyError).code).toBe('MONEY_SPLIT_UNIT_TOO_LARGE');
            // It may only refuse when the rule really yields a part <= 0.
            const base = referenceBase(total, n, unit, m);
            const odd = total.toSen() - base * BigInt(n - 1);
            expect(n > 1 && (base <= 0n || odd <= 0n)).toBe(true);
            return;
          }
          expect(parts).toHaveLength(n);
          expect(Money.sum(parts).eq(total)).toBe(true);
          // Plain checks in the loops: one expect() per part is what made this spec slow.
          expect(parts.every((p) => p.isPositive())).toBe(true);
          if (n > 1) {
            const base = remainder === 'LAST' ? parts[0]! : parts[n - 1]!;
            const odd = remainder === 'LAST' ? parts[n - 1]! : parts[0]!;
            expect(isMultiple(base, unit)).toBe(true);
            expect(base.toSen()).toBe(referenceBase(total, n, unit, m));
            const others = remainder === 'LAST' ? parts.slice(0, n - 1) : parts.slice(1);
            expect(others.every((p) => p.eq(base))).toBe(true);
            expect(odd.eq(total.minus(base.times(n - 1)))).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('allocateByWeights: parts sum to the total, are never negative, and follow the weights', () => {
    const weight = fc.oneof(
      fc.bigInt({ min: 0n, max: 1000n }).map((b) => new Decimal(b.toString())),
      fc.bigInt({ min: 0n, max: 10n ** 30n }).map((b) => new Decimal(b.toString()).div('1e15')),
    );
    const weights = fc.array(weight, { minLength: 1, maxLength: 20 }).filter((ws) => ws.some((w) => !w.isZero()));
    const total = fc.bigInt({ min: 0n, max: MAX_SEN }).map((s) => Money.fromSen(s));
    fc.assert(
      fc.property(total, weights, fc.option(anyUnit, { nil: undefined }), (t, ws, unit) => {
        const parts = allocateByWeights(t, ws, unit);
        const u = unit ?? Money.of('1');
        expect(parts).toHaveLength(ws.length);
        expect(Money.sum(parts).eq(t)).toBe(true);
        const wSum = ws.reduce((a, b) => a.plus(b), new Decimal(0));
        const units = new Decimal(t.toSen().toString()).divToInt(u.toSen().toString());
        let offGrid = 0;
        parts.forEach((p, i) => {
          expect(p.isNegative()).toBe(false);
          if (ws[i]!.isZero()) expect(p.isZero()).toBe(true);
          if (!isMultiple(p, u)) offGrid++;
          // Within one unit (plus the sub-unit residue) of the exact proportional share.
          const quotaUnits = units.times(ws[i]!).div(wSum);
          const gotUnits = new Decimal(p.toSen().toString()).div(u.toSen().toString());
          expect(gotUnits.minus(quotaUnits).abs().lt(2)).toBe(true);
        });
        expect(offGrid).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });

  it('format spells the same amount', () => {
    fc.assert(
      fc.property(anyMoney, fc.boolean(), (x, formal) => {
        const text = x.format({ formal });
        expect(text).toMatch(/^-?Rp\d{1,3}(\.\d{3})*(,\d{2})?$/);
        const back = text.replace('Rp', '').replaceAll('.', '').replace(',', '.');
        expect(Money.parse(back).eq(x)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

/** The programme rule written independently of the implementation: ceil/round/floor in sen. */
function referenceBase(total: Money, n: number, unit: Money, m: RoundingMode): bigint {
  const t = total.toSen();
  const den = BigInt(n) * unit.toSen();
  let q = t / den;
  const r = t % den;
  if (m === 'UP' && r > 0n) q += 1n;
  if (m === 'HALF_UP' && 2n * r >= den) q += 1n;
  return q * unit.toSen();
}
