// Golden boundaries of both kolektibilitas tables (domain.md), and the bands' own consistency.
import fc from 'fast-check';
import { DomainError } from '#platform/errors';
import {
  classifyCollectibility,
  COLLECTIBILITIES,
  COLLECTIBILITY_BANDS,
  COLLECTIBILITY_TABLES,
  collectibilityBand,
  type CollectibilityTable,
} from './classify-collectibility.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    // A validation refusal names its field's own code; others carry theirs at the top.
    if (e instanceof DomainError) return e.fieldErrors?.[0]?.code ?? e.code;
    throw e;
  }
  return undefined;
}

describe('classifyCollectibility', () => {
  // Each row: the first and last day of a grade and the day after, as the POJK tables print them.
  it.each([
    [0, 1],
    [1, 2],
    [30, 2],
    [31, 2],
    [90, 2],
    [91, 3],
    [120, 3],
    [121, 4],
    [180, 4],
    [181, 5],
    [360, 5],
    [361, 5],
    [10_000, 5],
  ])('BANK (POJK 40/2019): %i days past due is Kol %i', (days, kol) => {
    expect(classifyCollectibility('BANK', days)).toBe(kol);
  });

  it.each([
    [0, 1],
    [1, 1],
    [30, 1],
    [31, 2],
    [90, 2],
    [91, 3],
    [120, 3],
    [121, 3],
    [180, 3],
    [181, 4],
    [360, 4],
    [361, 5],
    [10_000, 5],
  ])('BPR (POJK 33/2018): %i days past due is Kol %i', (days, kol) => {
    expect(classifyCollectibility('BPR', days)).toBe(kol);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %p days past due', (days) => {
    expect(codeOf(() => classifyCollectibility('BANK', days))).toBe('DAYS_PAST_DUE_INVALID');
  });

  it.each(['OJK', 'constructor', 'toString'])('refuses the unknown table %p', (table) => {
    expect(codeOf(() => classifyCollectibility(table as CollectibilityTable, 0))).toBe('UNKNOWN_COLLECTIBILITY_TABLE');
  });

  it('never grades better as days past due grow, and BPR is never stricter than BANK', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2000 }), fc.nat({ max: 2000 }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        for (const table of COLLECTIBILITY_TABLES) expect(classifyCollectibility(table, lo)).toBeLessThanOrEqual(classifyCollectibility(table, hi));
        expect(classifyCollectibility('BPR', a)).toBeLessThanOrEqual(classifyCollectibility('BANK', a));
      }),
    );
  });
});

describe('COLLECTIBILITY_BANDS', () => {
  it.each(COLLECTIBILITY_TABLES)('%s covers every day from 0 up, once, grades 1 to 5 in order', (table) => {
    const bands = COLLECTIBILITY_BANDS[table];
    expect(bands.map((b) => b.collectibility)).toEqual([...COLLECTIBILITIES]);
    expect(bands[0].minDays).toBe(0);
    for (let i = 1; i < bands.length; i++) expect(bands[i].minDays).toBe((bands[i - 1].maxDays ?? Number.NaN) + 1);
    expect(bands[bands.length - 1].maxDays).toBeNull();
  });

  it('collectibilityBand gives the range classifyCollectibility agrees with at both ends', () => {
    for (const table of COLLECTIBILITY_TABLES)
      for (const kol of COLLECTIBILITIES) {
        const band = collectibilityBand(table, kol);
        expect(classifyCollectibility(table, band.minDays)).toBe(kol);
        if (band.maxDays !== null) expect(classifyCollectibility(table, band.maxDays)).toBe(kol);
      }
  });

  it('refuses a grade outside 1-5', () => {
    expect(codeOf(() => collectibilityBand('BANK', 6 as never))).toBe('COLLECTIBILITY_INVALID');
  });
});
