import { describe, expect, it } from '@jest/globals';
import { csvCell, toCsv } from './csv';

describe('dashboard CSV', () => {
  it('keeps decimal strings and negative numbers as they are', () => {
    expect(csvCell('1500000.00')).toBe('1500000.00');
    expect(csvCell('-616000.00')).toBe('-616000.00');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(null)).toBe('');
  });

  it('quotes separators and defuses formulas', () => {
    expect(csvCell('Bangkalan, Kota')).toBe('"Bangkalan, Kota"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes a byte order mark, a header and CRLF rows', () => {
    expect(toCsv(['a', 'b'], [['1', 'x']])).toBe('\uFEFFa,b\r\n1,x\r\n');
  });
});
