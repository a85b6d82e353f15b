import { DomainError } from '#platform/errors';
import { parseMt940Statement } from './mt940-statement.js';

const SAMPLE = [
  ':20:STMT20260215',
  ':25:0011223344',
  ':28C:00001/001',
  ':60F:C260115IDR500000000,00',
  ':61:2601150115D1000000,00NTRFJTM1001',
  ':86:Pencairan DSB-2026-000001',
  ':61:2602140214C334000,NTRFVA20260214',
  ':86:SETORAN VA 8808000000000001',
  ':62F:C260214IDR499334000,00',
].join('\r\n');

describe('parseMt940Statement', () => {
  it('reads :25:, :60F:, :61:, :86:, :62F: with amounts from the text', () => {
    const s = parseMt940Statement(SAMPLE);
    expect(s.account).toBe('0011223344');
    expect(s.openingBalance?.toString()).toBe('500000000.00');
    expect(s.closingBalance?.toString()).toBe('499334000.00');
    expect(s.lines.map((l) => [l.lineNo, l.valueDate, l.direction, l.amount.toString(), l.reference, l.description])).toEqual([
      [5, '2026-01-15', 'DEBIT', '1000000.00', 'JTM1001', 'Pencairan DSB-2026-000001'],
      [7, '2026-02-14', 'CREDIT', '334000.00', 'VA20260214', 'SETORAN VA 8808000000000001'],
    ]);
  });

  it('refuses a bad :61: line with its number', () => {
    const bad = SAMPLE.replace(':61:2602140214C334000,NTRF', ':61:2602140214C33x000,NTRF');
    try {
      parseMt940Statement(bad);
      throw new Error('expected a refusal');
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).extensions).toMatchObject({ line: 7 });
    }
  });
});
