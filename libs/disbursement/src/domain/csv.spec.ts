import { CsvError } from 'csv-parse/sync';
import fc from 'fast-check';
import { parseCsv, toCsv } from './csv.js';

describe('toCsv', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['lf\nonly', '"lf\nonly"'],
    ['cr\ronly', '"cr\ronly"'],
    [' spaced ', ' spaced '],
    ['semi;colon é', 'semi;colon é'],
  ])('writes the field %p as %p', (value, written) => {
    expect(toCsv([[value]])).toBe(`${written}\r\n`);
  });

  it('ends every record, the last one too, with CRLF', () => {
    expect(toCsv([['a', 'b'], ['1', '2,5']])).toBe('a,b\r\n1,"2,5"\r\n');
  });

  it('writes nothing for no records', () => {
    expect(toCsv([])).toBe('');
  });
});

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, embedded line ends, empty fields and records of different lengths', () => {
    expect(parseCsv('a,"b,c","d ""e""",\r\n"x\r\ny",,z\r\n')).toEqual([
      ['a', 'b,c', 'd "e"', ''],
      ['x\r\ny', '', 'z'],
    ]);
  });

  it('accepts LF line ends and a last record without one; a lone CR is field text', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a\rb\r\nc\n')).toEqual([['a\rb'], ['c']]);
  });

  it('reads an empty text as no records, an empty line as a record of one empty field', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('a\r\n\r\nb\r\n')).toEqual([['a'], [''], ['b']]);
  });

  it.each([
    ['"open', 'CSV_QUOTE_NOT_CLOSED'],
    ['a"b', 'INVALID_OPENING_QUOTE'],
    ['"a"b', 'CSV_INVALID_CLOSING_QUOTE'],
  ])('refuses the malformed %p (%s)', (text, code) => {
    expect(() => parseCsv(text)).toThrow(CsvError);
    expect(() => parseCsv(text)).toThrow(expect.objectContaining({ code }));
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
