import fc from 'fast-check';
import { nameSearchTerms } from './name-search.js';

describe('nameSearchTerms', () => {
  it.each([
    ['maimunah', ['maimunah']],
    ['  hj   maimunah ', ['hj', 'maimunah']],
    ["Moh. Syafi'i", ['Moh.', "Syafi'i"]],
    ['siti SITI Siti rohmah', ['siti', 'rohmah']],
    ['hj . - maimunah', ['hj', 'maimunah']],
    ['100% _x', ['100%', '_x']],
    ['... ---', []],
  ])('%j -> %j', (query, terms) => {
    expect(nameSearchTerms(query)).toEqual(terms);
  });

  it('gives words of the query, each with a letter or digit, each once whatever its case', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', 'é', '1', '.', "'", ' ', '\t', '%') }), (query) => {
        const terms = nameSearchTerms(query);
        const words = query.split(/\s+/u);
        for (const term of terms) {
          expect(words).toContain(term);
          expect(term).toMatch(/[\p{L}\p{N}]/u);
        }
        expect(new Set(terms.map((t) => t.toLowerCase())).size).toBe(terms.length);
        const wanted = new Set(words.filter((w) => /[\p{L}\p{N}]/u.test(w)).map((w) => w.toLowerCase()));
        expect(new Set(terms.map((t) => t.toLowerCase()))).toEqual(wanted);
      }),
    );
  });
});
