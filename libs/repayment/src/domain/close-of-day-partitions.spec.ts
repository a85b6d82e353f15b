import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { borrowerRanges, rangeOf } from './close-of-day-partitions.js';

describe('borrower ranges of a close-of-day partition', () => {
  it('one partition covers every id', () => {
    expect(borrowerRanges(1)).toEqual([{ partition: 0, from: '00000000-0000-0000-0000-000000000000', to: null }]);
  });

  it('splits the id space into equal, contiguous ranges', () => {
    expect(borrowerRanges(4)).toEqual([
      { partition: 0, from: '00000000-0000-0000-0000-000000000000', to: '40000000-0000-0000-0000-000000000000' },
      { partition: 1, from: '40000000-0000-0000-0000-000000000000', to: '80000000-0000-0000-0000-000000000000' },
      { partition: 2, from: '80000000-0000-0000-0000-000000000000', to: 'c0000000-0000-0000-0000-000000000000' },
      { partition: 3, from: 'c0000000-0000-0000-0000-000000000000', to: null },
    ]);
  });

  it('refuses a count it cannot split into', () => {
    expect(() => borrowerRanges(0)).toThrow(RangeError);
    expect(() => borrowerRanges(1.5)).toThrow(RangeError);
  });

  it('property: ranges are contiguous and every id falls into exactly one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 256 }), fc.array(fc.uuid(), { minLength: 1, maxLength: 20 }), (count, ids) => {
        const ranges = borrowerRanges(count);
        expect(ranges).toHaveLength(count);
        expect(ranges[0].from).toBe('00000000-0000-0000-0000-000000000000');
        expect(ranges.at(-1)!.to).toBeNull();
        for (let i = 1; i < ranges.length; i++) {
          expect(ranges[i].from).toBe(ranges[i - 1].to);
          expect(ranges[i].from > ranges[i - 1].from).toBe(true);
        }
        for (const id of ids) {
          const holders = ranges.filter((r) => id.toLowerCase() >= r.from && (r.to === null || id.toLowerCase() < r.to));
          expect(holders).toHaveLength(1);
          expect(rangeOf(id, ranges)).toBe(holders[0]);
        }
      }),
    );
  });

  it('spreads random ids roughly evenly', () => {
    const ranges = borrowerRanges(8);
    const counts = new Array<number>(8).fill(0);
    for (let i = 0; i < 8000; i++) counts[rangeOf(randomUUID(), ranges).partition]++;
    for (const c of counts) expect(c).toBeGreaterThan(800);
  });
});
