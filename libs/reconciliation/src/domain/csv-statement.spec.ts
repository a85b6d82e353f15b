import { DomainError } from '#platform/errors';
import { CSV_PROFILES, parseCsvStatement, readDate } from './csv-statement.js';

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return { code: (err as DomainError).code, line: (err as DomainError).extensions?.line, message: (err as DomainError).message };
  }
  throw new Error('expected a refusal');
};

describe('parseCsvStatement', () => {
  it('reads the generic layout: debit and credit columns, opening balance from the first running balance', () => {
    const s = parseCsvStatement(
      ['date,description,reference,debit,credit,balance', '2026-01-15,"Pencairan, DSB-1",JTM1,1000000.00,,499000000.00', '2026-02-14,VA 8808,VA1,,334000,499334000.00'].join('\n'),
    );
    expect(s.openingBalance?.toString()).toBe('500000000.00');
    expect(s.closingBalance?.toString()).toBe('499334000.00');
    expect(s.lines.map((l) => [l.lineNo, l.valueDate, l.direction, l.amount.toString(), l.reference, l.description])).toEqual([
      [2, '2026-01-15', 'DEBIT', '1000000.00', 'JTM1', 'Pencairan, DSB-1'],
      [3, '2026-02-14', 'CREDIT', '334000.00', 'VA1', 'VA 8808'],
    ]);
  });

  it('reads a bank profile with ; separators, dd/mm/yyyy and 1.234,56 amounts', () => {
    const s = parseCsvStatement(['Tanggal;Keterangan;Referensi;Debet;Kredit;Saldo', '14/02/2026;VA 8808;R1;;1.334.000,50;2.000.000,00'].join('\n'), CSV_PROFILES.BANK_JATIM);
    expect(s.lines.map((l) => [l.valueDate, l.direction, l.amount.toString()])).toEqual([['2026-02-14', 'CREDIT', '1334000.50']]);
  });

  it('reads a signed amount profile: negative is a debit', () => {
    const s = parseCsvStatement(['date,description,reference,amount,balance', '15-01-2026,X,R1,"-1,000,000.00",', '16-01-2026,Y,R2,"250.00",'].join('\n'), CSV_PROFILES.SIGNED);
    expect(s.lines.map((l) => [l.direction, l.amount.toString()])).toEqual([
      ['DEBIT', '1000000.00'],
      ['CREDIT', '250.00'],
    ]);
  });

  it.each([
    ['a bad amount', ['date,description,reference,debit,credit,balance', '2026-01-15,X,R,,1.00,', '2026-01-16,X,R,,1x,'], 3],
    ['a bad date', ['date,description,reference,debit,credit,balance', '2026-02-30,X,R,,1.00,'], 2],
    ['both debit and credit', ['date,description,reference,debit,credit,balance', '2026-01-15,X,R,1.00,1.00,'], 2],
    ['no money', ['date,description,reference,debit,credit,balance', '2026-01-15,X,R,,,'], 2],
    ['a missing field', ['date,description,reference,debit,credit,balance', '2026-01-15,X,R,,1.00,', '2026-01-15,X,R,,1.00'], 3],
    ['a missing column', ['date,description,debit,credit,balance', '2026-01-15,X,,1.00,'], 1],
    ['no lines', ['date,description,reference,debit,credit,balance'], 1],
  ])('refuses the whole file for %s, naming the line', (_what, rows, line) => {
    expect(refusal(() => parseCsvStatement(rows.join('\n')))).toMatchObject({ code: 'STATEMENT_INVALID', line });
  });
});

describe('readDate', () => {
  it('reads each format and refuses days that do not exist', () => {
    expect(readDate('2026-02-28', 'YYYY-MM-DD')).toBe('2026-02-28');
    expect(readDate('28/02/2026', 'DD/MM/YYYY')).toBe('2026-02-28');
    expect(readDate('28-02-2026', 'DD-MM-YYYY')).toBe('2026-02-28');
    expect(readDate('29/02/2026', 'DD/MM/YYYY')).toBeNull();
    expect(readDate('2026-02-28', 'DD/MM/YYYY')).toBeNull();
  });
});
