// Keyset pagination: an opaque cursor that round-trips, a clean 400 for one we did not issue, and a
// next cursor only when there is a next page.
import fc from 'fast-check';
import { DomainError, ValidationError } from '../errors/domain-error.js';
import { type Cursor, type CursorKey, decodeCursor, encodeCursor, pageLimit, toPage } from './page.js';

function refusal(cursor: string, key?: CursorKey): ValidationError {
  try {
    decodeCursor(cursor, key);
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return err as ValidationError;
  }
  throw new Error(`cursor ${JSON.stringify(cursor)} was accepted`);
}

interface Row {
  code: string;
  id: string;
}
const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ code: `P${String(i).padStart(3, '0')}`, id: `id-${i}` }));
const cursorOf = (r: Row): Cursor => ({ k: r.code, id: r.id });

describe('cursor', () => {
  it('round-trips through encode and decode', () => {
    const c = { k: '2026-03-02T10:15:00.000Z', id: '6f1c7f0e-6a57-4d43-9d53-1c7c2f0e9b1a' };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
  });

  it('round-trips any key and id, and the cursor is URL-safe (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (k, id) => {
        const cursor = encodeCursor({ k, id });
        expect(cursor).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(decodeCursor(cursor)).toEqual({ k, id });
      }),
      { numRuns: 300 },
    );
  });

  it('is absent when the request has none', () => {
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor('')).toBeUndefined();
  });

  it.each([
    ['garbage', 'not-a-cursor!!'],
    ['base64 of non-JSON', Buffer.from('hello').toString('base64url')],
    ['JSON null', Buffer.from('null').toString('base64url')],
    ['a JSON number', Buffer.from('42').toString('base64url')],
    ['an object without id', Buffer.from(JSON.stringify({ k: 'a' })).toString('base64url')],
    ['an object with a numeric key', Buffer.from(JSON.stringify({ k: 1, id: 'x' })).toString('base64url')],
  ])('refuses %s with VALIDATION_FAILED on the field cursor', (_label, cursor) => {
    const err = refusal(cursor);
    expect(err).toBeInstanceOf(DomainError);
    expect(err.kind).toBe('VALIDATION');
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.fieldErrors).toEqual([{ field: 'cursor', code: 'INVALID_CURSOR', message: expect.any(String) }]);
  });

  it('refuses whatever random text a client makes up (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (garbage) => {
        let decoded: Cursor | undefined;
        try {
          decoded = decodeCursor(garbage);
        } catch (err) {
          expect((err as ValidationError).code).toBe('VALIDATION_FAILED');
          return;
        }
        // The rare text that happens to decode to a cursor must at least be a well-formed one.
        expect(typeof decoded?.k).toBe('string');
        expect(typeof decoded?.id).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});

describe('cursor with a typed key (it goes into a typed SQL parameter)', () => {
  const ID = '8f14e45f-ceea-467f-a8d5-6b2f4a1e9c3d';
  const made = (k: string, id = ID) => encodeCursor({ k, id });

  it.each<[CursorKey, string]>([
    ['timestamp', '2026-11-22T15:04:05.123Z'],
    ['date', '2026-11-22'],
    ['integer', '9223372036854775807'],
  ])('accepts a %s key as the api writes it, with a UUID id', (key, k) => {
    expect(decodeCursor(made(k), key)).toEqual({ k, id: ID });
  });

  it.each<[CursorKey, string, string]>([
    ['timestamp', 'not a time', ID],
    ['timestamp', 'Sun Nov 22 2026 22:04:05 GMT+0700', ID], // Date.parse takes it; PostgreSQL's cast would not
    ['timestamp', '2026-11-22T15:04:05.123Z', 'not-a-uuid'],
    ['date', '2026-11-22T00:00:00Z', ID],
    ['integer', '12a', ID],
    ['integer', '12345678901234567890', ID],
  ])('refuses a %s cursor with key %j and id %j: 400 on the field cursor', (key, k, id) => {
    expect(refusal(made(k, id), key).fieldErrors).toEqual([{ field: 'cursor', code: 'INVALID_CURSOR', message: expect.any(String) }]);
  });

  it('checks nothing beyond the shape without a key (text keys such as product codes)', () => {
    expect(decodeCursor(made('P001', 'id-1'))).toEqual({ k: 'P001', id: 'id-1' });
  });
});

describe('toPage', () => {
  it('with limit + 1 rows returns limit items and a cursor at the last item returned', () => {
    const fetched = rows(11);
    const page = toPage(fetched, 10, cursorOf);
    expect(page.items).toEqual(fetched.slice(0, 10));
    expect(page.nextCursor).not.toBeNull();
    expect(decodeCursor(page.nextCursor!)).toEqual({ k: 'P009', id: 'id-9' });
  });

  it('with exactly limit rows is the last page', () => {
    const fetched = rows(10);
    expect(toPage(fetched, 10, cursorOf)).toEqual({ items: fetched, nextCursor: null });
  });

  it('with fewer rows, or none, is the last page', () => {
    expect(toPage(rows(3), 10, cursorOf)).toEqual({ items: rows(3), nextCursor: null });
    expect(toPage([], 10, cursorOf)).toEqual({ items: [], nextCursor: null });
  });

  it('walks a keyset in pages that cover every row exactly once (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 60 }), fc.integer({ min: 1, max: 12 }), (total, limit) => {
        const all = rows(total);
        const seen: Row[] = [];
        let cursor: string | undefined;
        for (let guard = 0; guard <= total + 1; guard++) {
          const after = decodeCursor(cursor);
          // What a service's `WHERE (code, id) > (:k, :id) ORDER BY code, id LIMIT limit + 1` returns.
          const fetched = all.filter((r) => !after || r.code > after.k).slice(0, limit + 1);
          const page = toPage(fetched, limit, cursorOf);
          seen.push(...page.items);
          if (page.nextCursor === null) break;
          cursor = page.nextCursor;
        }
        expect(seen).toEqual(all);
      }),
    );
  });
});

describe('pageLimit', () => {
  it('defaults to 50 and otherwise takes the query', () => {
    expect(pageLimit({})).toBe(50);
    expect(pageLimit({ limit: 7 })).toBe(7);
  });
});
