import fc from 'fast-check';
import { csvField, parseCsv, toCsv } from './csv.js';

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['lf\nonly', '"lf\nonly"'],
    [' spaced ', ' spaced '],
  ])('writes %p as %p', (value, written) => {
    expect(csvField(value)).toBe(written);
  });
});

describe('toCsv', () => {
  it('ends every record, the last one too, with CRLF', () => {
    expect(toCsv([['a', 'b'], ['1', '2,5']])).toBe('a,b\r\n1,"2,5"\r\n');
  });

  it('writes nothing for no records', () => {
    expect(toCsv([])).toBe('');
  });
});

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, embedded line ends and empty fields', () => {
    expect(parseCsv('a,"b,c","d ""e""",\r\n"x\r\ny",,z\r\n')).toEqual([
      ['a', 'b,c', 'd "e"', ''],
      ['x\r\ny', '', 'z'],
    ]);
  });

  it('accepts LF line ends and a last record without one', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads an empty text as no records', () => {
    expect(parseCsv('')).toEqual([]);
  });

  it.each(['"open', 'a"b', '"a"b'])('refuses the malformed %p', (text) => {
    expect(() => parseCsv(text)).toThrow(/CSV/);
  });

  it('reads back exactly what toCsv wrote, whatever the fields hold', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', ',', '"', '\r', '\n', 'é', ';') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }), (records) => {
        // A record of one empty field writes as an empty line, which reads back as that same record.
        expect(parseCsv(toCsv(records))).toEqual(records);
      }),
      { numRuns: 500 },
    );
  });
});
