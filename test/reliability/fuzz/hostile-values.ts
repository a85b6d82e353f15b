// Hostile inputs for the OpenAPI fuzzer: what a careless or malicious client sends in place of a value.
import fc from 'fast-check';

/** Deeply nested JSON, as text: JSON.parse copes, recursive validators and transformers may not. */
export const deepJson = (depth: number, open = '{"a":', close = '}') => `${open.repeat(depth)}1${close.repeat(depth)}`;

/** Money and numbers the contract refuses: JSON numbers, exponents, too many decimals, junk. */
const moneyish: unknown[] = [
  5000000,
  1e21,
  -1,
  0,
  0.1,
  '1e6',
  '5E+6',
  '0x10',
  '1,000',
  '1.000,50',
  ' 5000 ',
  '-0',
  '+5',
  '00012',
  '1.234',
  '1.',
  '.5',
  'NaN',
  'Infinity',
  '9'.repeat(40),
  '99999999999999999.99',
  '１２３', // full-width digits
  '٣٤٥', // Arabic-Indic digits
];

const stringy: unknown[] = [
  '',
  ' ',
  "' OR '1'='1",
  "'; DROP TABLE loan; --",
  '1; SELECT pg_sleep(5)',
  '" OR ""="',
  '\\',
  '%',
  '%00',
  '\u0000',
  'a\u0000b',
  '\uffff',
  '\ud800', // a lone surrogate
  '𝕃𝕦𝕞𝕓𝕦𝕟𝕘 🌾',
  'İıßẞ',
  '\u202eRTL',
  'Ｓｉｔｉ',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}',
  '${7*7}',
  '../../../../etc/passwd',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'true',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '99999-01-01',
  '2026-1-5',
  '2026-01-15T00:00:00Z',
  'ACTIVE\n',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'x'.repeat(10_000),
];

const structural: unknown[] = [
  null,
  true,
  false,
  [],
  {},
  [null],
  { $gt: '' },
  { __proto__: { admin: true } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
  Array.from({ length: 2000 }, (_, i) => i),
  Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i])),
  -2147483649,
  2 ** 53 + 1,
  1.5,
  -0.0,
];

/** Any hostile value, in place of a field's value. */
export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(...moneyish),
    fc.constantFrom(...stringy),
    fc.constantFrom(...structural),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer(),
    fc.double(),
    fc.jsonValue({ maxDepth: 4 }),
  );

/** Hostile text for a path segment or a query value (before URL encoding). */
export const hostileText = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(
      'not-a-uuid',
      "1' OR '1'='1",
      '1;DROP TABLE loan',
      '..',
      '%2e%2e%2f',
      '%',
      '%E0%A4%A',
      '%00',
      '00000000-0000-0000-0000-000000000000',
      '00000000-0000-4000-8000-00000000000G',
      '{id}',
      ':id',
      '-1',
      '1e9',
      '999999999999999999999',
      '<script>',
      '𝕏',
      'x'.repeat(3000),
    ),
    fc.string({ unit: 'binary', maxLength: 30 }),
  );
