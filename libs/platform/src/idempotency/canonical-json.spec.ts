// The text an idempotency key's request hash is computed over: equal requests must give equal text
// whatever order a client serialises their keys in, and different requests different text.
import fc from 'fast-check';
import { canonicalJson } from './canonical-json.js';

/** A deep copy of `value` with every object's keys in a new order chosen by `order`. */
function reorder(value: unknown, order: (keys: string[]) => string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => reorder(v, order));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const byKey = new Map(entries);
  // fromEntries defines own properties, so a generated "__proto__" key stays a key.
  return Object.fromEntries(order(entries.map(([k]) => k)).map((k) => [k, reorder(byKey.get(k), order)]));
}

/** Fisher-Yates driven by fast-check's random source, so a failing shuffle shrinks and replays. */
const shuffler = fc.infiniteStream(fc.nat()).map((stream) => {
  const it = stream[Symbol.iterator]();
  return (keys: string[]) => {
    const out = [...keys];
    for (let i = out.length - 1; i > 0; i--) {
      const j = (it.next().value as number) % (i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
});

describe('canonicalJson', () => {
  it('gives the same text for the same object with its keys in any order, at every depth (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), shuffler, (value, shuffle) => {
        expect(canonicalJson(reorder(value, shuffle))).toBe(canonicalJson(value));
        expect(canonicalJson(reorder(value, (keys) => [...keys].reverse()))).toBe(canonicalJson(value));
      }),
      { numRuns: 500 },
    );
  });

  it('is valid JSON that parses back to the same value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const normalised = JSON.parse(JSON.stringify(value)) as unknown;
        expect(JSON.parse(canonicalJson(value))).toEqual(normalised);
      }),
      { numRuns: 500 },
    );
  });

  it('sorts keys by code unit at every level', () => {
    expect(canonicalJson({ b: 2, a: 1, B: { z: true, y: null, aa: 'x', a: [] } })).toBe('{"B":{"a":[],"aa":"x","y":null,"z":true},"a":1,"b":2}');
  });

  it('keeps array order: a different order is a different request', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson({ lines: ['a', 'b'] })).not.toBe(canonicalJson({ lines: ['b', 'a'] }));
    expect(canonicalJson([{ b: 1, a: 2 }, { d: 3, c: 4 }])).toBe('[{"a":2,"b":1},{"c":4,"d":3}]');
  });

  it('drops members whose value is undefined, as JSON.stringify does, at every depth', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson({ b: 1 })).toBe(canonicalJson({ b: 1, a: undefined }));
    expect(canonicalJson({ outer: { gone: undefined, kept: null } })).toBe('{"outer":{"kept":null}}');
    // In arrays undefined becomes null, again as JSON.stringify does: positions matter.
    expect(canonicalJson([undefined, 1])).toBe(JSON.stringify([undefined, 1]));
  });

  it('keeps null, which is not the same as absent', () => {
    expect(canonicalJson({ a: null })).toBe('{"a":null}');
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
  });

  it('escapes keys and strings as JSON does', () => {
    const value = { 'quote"key': 'line\nbreak', 'ü': '\u0000' };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });

  it('handles a request body shaped like the money-moving ones, nested', () => {
    const a = { amount: '150000.00', allocation: { principal: '150000.00', lateFee: '0' }, lines: [{ account: '1100', debit: '5' }] };
    const b = { lines: [{ debit: '5', account: '1100' }], allocation: { lateFee: '0', principal: '150000.00' }, amount: '150000.00' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).not.toBe(canonicalJson({ ...b, amount: '150000.01' }));
  });

  it('writes scalars and a missing body as JSON', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('x')).toBe('"x"');
    expect(canonicalJson(12.5)).toBe('12.5');
    expect(canonicalJson(false)).toBe('false');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson([])).toBe('[]');
  });
});
