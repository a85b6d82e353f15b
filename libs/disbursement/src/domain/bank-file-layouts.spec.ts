import { Money } from '#money';
import { DomainError } from '#platform/errors';
import { BANK_FILE_LAYOUTS, BANK_JATIM_LAYOUT, type BankFileLine, GENERIC_LAYOUT, layoutForBank, renderBankFile, unwritableAmounts } from './bank-file-layouts.js';
import { BANK_CODES } from './banks.js';
import { parseCsv } from './csv.js';

const line = (over: Partial<BankFileLine> = {}): BankFileLine => ({
  reference: 'DSB-2026-000001',
  bankCode: '114',
  accountNumber: '0011223344',
  accountName: 'Siti Aminah',
  amount: Money.of('5000000'),
  description: 'Pencairan DSB-2026-000001',
  ...over,
});

const lines = [
  line(),
  line({ reference: 'DSB-2026-000002', bankCode: '002', accountNumber: '123456789012345', accountName: "Batik Tulis, Bu O'Neil", amount: Money.of('2500000') }),
];

describe('bank file layouts', () => {
  it('gives Bank Jatim (114) its own layout and every other listed bank the generic one', () => {
    expect(layoutForBank('114')).toBe(BANK_JATIM_LAYOUT);
    for (const code of BANK_CODES.filter((c) => c !== '114')) expect(layoutForBank(code)).toBe(GENERIC_LAYOUT);
    expect(layoutForBank('constructor')).toBe(GENERIC_LAYOUT);
  });

  it.each([GENERIC_LAYOUT, ...Object.values(BANK_FILE_LAYOUTS)])('$name names each field at most once and carries amount, account and reference', (layout) => {
    const fields = layout.columns.map((c) => c.field);
    expect(new Set(fields).size).toBe(fields.length);
    expect(fields).toEqual(expect.arrayContaining(['reference', 'bankCode', 'accountNumber', 'accountName', 'amount']));
  });

  it('renders the generic file: header, one record per transfer in order, amounts with 2 decimals, no control total', () => {
    const text = renderBankFile(GENERIC_LAYOUT, lines);
    expect(text).toBe(
      'reference,bank_code,account_number,account_name,amount,description\r\n' +
        'DSB-2026-000001,114,0011223344,Siti Aminah,5000000.00,Pencairan DSB-2026-000001\r\n' +
        `DSB-2026-000002,002,123456789012345,"Batik Tulis, Bu O'Neil",2500000.00,Pencairan DSB-2026-000001\r\n`,
    );
  });

  it('renders the Bank Jatim file: numbered, capitals, whole rupiah, IDR, and the TOTAL record', () => {
    const records = parseCsv(renderBankFile(BANK_JATIM_LAYOUT, lines));
    expect(records).toEqual([
      ['NO', 'KODE_BANK', 'NO_REKENING', 'NAMA_PENERIMA', 'NOMINAL', 'MATA_UANG', 'BERITA', 'REFERENSI'],
      ['1', '114', '0011223344', 'SITI AMINAH', '5000000', 'IDR', 'PENCAIRAN DSB-2026-000001', 'DSB-2026-000001'],
      ['2', '002', '123456789012345', "BATIK TULIS, BU O'NEIL", '2500000', 'IDR', 'PENCAIRAN DSB-2026-000001', 'DSB-2026-000002'],
      ['TOTAL', '2', '7500000', '', '', '', '', ''],
    ]);
  });

  it('keeps leading zeros of account numbers and bank codes (text, never numbers)', () => {
    const [, first] = parseCsv(renderBankFile(GENERIC_LAYOUT, [line({ bankCode: '002', accountNumber: '000123' })]));
    expect(first.slice(1, 3)).toEqual(['002', '000123']);
  });

  it('writes sen in the generic layout and refuses them in a whole-rupiah one', () => {
    const withSen = [line({ amount: Money.of('1500000.50') })];
    expect(parseCsv(renderBankFile(GENERIC_LAYOUT, withSen))[1][4]).toBe('1500000.50');
    expect(unwritableAmounts(GENERIC_LAYOUT, withSen)).toEqual([]);
    expect(unwritableAmounts(BANK_JATIM_LAYOUT, withSen)).toEqual(['DSB-2026-000001']);
    expect(() => renderBankFile(BANK_JATIM_LAYOUT, withSen)).toThrow(DomainError);
  });

  it('is deterministic: the same lines render to the same bytes', () => {
    expect(renderBankFile(BANK_JATIM_LAYOUT, lines)).toBe(renderBankFile(BANK_JATIM_LAYOUT, lines.map((l) => ({ ...l }))));
  });
});
