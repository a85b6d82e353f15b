// Bulk-transfer files (domain.md "Money rails"): no bank publishes a layout for its bulk credit, so the
// column layout is configuration per bank code. A batch keeps the layout it was made with, so its
// file renders byte for byte the same (and keeps its SHA-256) after a layout here changes.
import { Money } from '#money';
import { DomainError } from '#platform/errors';
import { toCsv } from './csv.js';

export const BANK_FILE_FIELDS = ['sequence', 'reference', 'bankCode', 'accountNumber', 'accountName', 'amount', 'currency', 'description'] as const;
export type BankFileField = (typeof BANK_FILE_FIELDS)[number];

export interface BankFileLayout {
  /** Versioned name, kept on the batch: GENERIC_V1, BANK_JATIM_V1. */
  name: string;
  /** The first record names the columns. */
  header: boolean;
  columns: readonly { title: string; field: BankFileField }[];
  /** DECIMAL_2: "5000000.00"; WHOLE_RUPIAH: "5000000" (a batch with sen in an amount is refused). */
  amountFormat: 'DECIMAL_2' | 'WHOLE_RUPIAH';
  /** Names and descriptions in capitals, as many core banking systems store them. */
  upperCase: boolean;
  /** When set, a last record: the label, the number of transfers, the total, then empty fields. */
  controlTotalLabel: string | null;
}

/** reference, bank code, account number, account name, amount, description: what any bank can map. */
export const GENERIC_LAYOUT: BankFileLayout = {
  name: 'GENERIC_V1',
  header: true,
  columns: [
    { title: 'reference', field: 'reference' },
    { title: 'bank_code', field: 'bankCode' },
    { title: 'account_number', field: 'accountNumber' },
    { title: 'account_name', field: 'accountName' },
    { title: 'amount', field: 'amount' },
    { title: 'description', field: 'description' },
  ],
  amountFormat: 'DECIMAL_2',
  upperCase: false,
  controlTotalLabel: null,
};

/**
 * Bank Jatim's bulk credit upload as the programme's treasurer fills it in: numbered rows, whole
 * rupiah, capitals, and a closing TOTAL record the bank checks the rows against.
 */
export const BANK_JATIM_LAYOUT: BankFileLayout = {
  name: 'BANK_JATIM_V1',
  header: true,
  columns: [
    { title: 'NO', field: 'sequence' },
    { title: 'KODE_BANK', field: 'bankCode' },
    { title: 'NO_REKENING', field: 'accountNumber' },
    { title: 'NAMA_PENERIMA', field: 'accountName' },
    { title: 'NOMINAL', field: 'amount' },
    { title: 'MATA_UANG', field: 'currency' },
    { title: 'BERITA', field: 'description' },
    { title: 'REFERENSI', field: 'reference' },
  ],
  amountFormat: 'WHOLE_RUPIAH',
  upperCase: true,
  controlTotalLabel: 'TOTAL',
};

/** By the bank code of the bank that receives the file; banks not listed get the generic layout. */
export const BANK_FILE_LAYOUTS: Readonly<Record<string, BankFileLayout>> = {
  '114': BANK_JATIM_LAYOUT,
};

export const layoutForBank = (bankCode: string): BankFileLayout =>
  Object.hasOwn(BANK_FILE_LAYOUTS, bankCode) ? BANK_FILE_LAYOUTS[bankCode] : GENERIC_LAYOUT;

export interface BankFileLine {
  reference: string;
  bankCode: string;
  accountNumber: string;
  accountName: string;
  amount: Money;
  description: string;
}

/** The references of lines whose amount the layout cannot write (sen in a WHOLE_RUPIAH file). */
export function unwritableAmounts(layout: BankFileLayout, lines: readonly BankFileLine[]): string[] {
  return layout.amountFormat === 'WHOLE_RUPIAH' ? lines.filter((l) => !l.amount.toString().endsWith('.00')).map((l) => l.reference) : [];
}

function formatAmount(layout: BankFileLayout, amount: Money): string {
  const s = amount.toString();
  if (layout.amountFormat === 'DECIMAL_2') return s;
  if (!s.endsWith('.00'))
    throw new DomainError('UNPROCESSABLE', 'BANK_FILE_AMOUNT_NOT_WHOLE', `Layout ${layout.name} writes whole rupiah only; ${s} has sen`);
  return s.slice(0, -3);
}

/** The file's text: header, one record per line in the given order, the control total when asked. */
export function renderBankFile(layout: BankFileLayout, lines: readonly BankFileLine[]): string {
  const text = (s: string) => (layout.upperCase ? s.toUpperCase() : s);
  const cell = (l: BankFileLine, index: number, field: BankFileField): string => {
    switch (field) {
      case 'sequence':
        return String(index + 1);
      case 'reference':
        return l.reference;
      case 'bankCode':
        return l.bankCode;
      case 'accountNumber':
        return l.accountNumber;
      case 'accountName':
        return text(l.accountName);
      case 'amount':
        return formatAmount(layout, l.amount);
      case 'currency':
        return 'IDR';
      case 'description':
        return text(l.description);
    }
  };
  const records: string[][] = [];
  if (layout.header) records.push(layout.columns.map((c) => c.title));
  lines.forEach((l, i) => records.push(layout.columns.map((c) => cell(l, i, c.field))));
  if (layout.controlTotalLabel !== null) {
    const total = formatAmount(layout, Money.sum(lines.map((l) => l.amount)));
    const control = [layout.controlTotalLabel, String(lines.length), total];
    while (control.length < layout.columns.length) control.push('');
    records.push(control);
  }
  return toCsv(records);
}
