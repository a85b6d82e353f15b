// CSV statements: the generic layout of api.md (date,description,reference,debit,credit,balance) and
// the layouts banks actually export, as typed profiles. A profile names its columns, its date format
// and how it writes amounts; anything it cannot read refuses the whole file with the line number.
import { parse } from 'csv-parse/sync';
import { type AmountStyle, parseAmountText } from './amounts.js';
import { type ParsedLine, type ParsedStatement, statementInvalid } from './statement.js';

export type DateFormat = 'YYYY-MM-DD' | 'DD/MM/YYYY' | 'DD-MM-YYYY';

interface ProfileBase {
  delimiter: ',' | ';';
  dateFormat: DateFormat;
  amounts: AmountStyle;
  columns: { date: string; description: string; reference: string; balance?: string };
}

/** Debits and credits in two columns, one of them empty (or zero) on each line. */
export interface DebitCreditProfile extends ProfileBase {
  kind: 'DEBIT_CREDIT';
  debit: string;
  credit: string;
}

/** One signed amount column: negative is money out. */
export interface SignedProfile extends ProfileBase {
  kind: 'SIGNED';
  amount: string;
}

export type CsvProfile = DebitCreditProfile | SignedProfile;

export const CSV_PROFILES = {
  /** api.md's layout: ISO dates, plain decimals with '.', debit and credit columns. */
  GENERIC: {
    kind: 'DEBIT_CREDIT',
    delimiter: ',',
    dateFormat: 'YYYY-MM-DD',
    amounts: { thousands: '', decimal: '.' },
    columns: { date: 'date', description: 'description', reference: 'reference', balance: 'balance' },
    debit: 'debit',
    credit: 'credit',
  },
  /** Bank Jatim internet banking export: ';' separated, dd/mm/yyyy, 1.234.567,89, debit/credit columns. */
  BANK_JATIM: {
    kind: 'DEBIT_CREDIT',
    delimiter: ';',
    dateFormat: 'DD/MM/YYYY',
    amounts: { thousands: '.', decimal: ',' },
    columns: { date: 'Tanggal', description: 'Keterangan', reference: 'Referensi', balance: 'Saldo' },
    debit: 'Debet',
    credit: 'Kredit',
  },
  /** A signed-amount export: dd-mm-yyyy, 1,234,567.89, money out negative. */
  SIGNED: {
    kind: 'SIGNED',
    delimiter: ',',
    dateFormat: 'DD-MM-YYYY',
    amounts: { thousands: ',', decimal: '.' },
    columns: { date: 'date', description: 'description', reference: 'reference', balance: 'balance' },
    amount: 'amount',
  },
} as const satisfies Record<string, CsvProfile>;

export type CsvProfileName = keyof typeof CSV_PROFILES;
export const CSV_PROFILE_NAMES = Object.keys(CSV_PROFILES) as CsvProfileName[];

/** The date in `format` as YYYY-MM-DD, or null when it is not a real calendar day. */
export function readDate(text: string, format: DateFormat): string | null {
  const s = text.trim();
  const m = format === 'YYYY-MM-DD' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : (format === 'DD/MM/YYYY' ? /^(\d{2})\/(\d{2})\/(\d{4})$/ : /^(\d{2})-(\d{2})-(\d{4})$/).exec(s);
  if (!m) return null;
  const [y, mo, d] = format === 'YYYY-MM-DD' ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
  const iso = `${y}-${mo}-${d}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** Reads a CSV statement; the first line is the header. Throws STATEMENT_INVALID naming the bad line. */
export function parseCsvStatement(text: string, profile: CsvProfile = CSV_PROFILES.GENERIC): ParsedStatement {
  let rows: { record: string[]; line: number }[];
  try {
    rows = (parse(text.replace(/^\uFEFF/, ''), { delimiter: profile.delimiter, relax_column_count: true, skip_empty_lines: true, info: true, trim: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[]).map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    throw statementInvalid(line, `not readable as CSV (${(err as Error).message})`);
  }
  if (!rows.length) throw statementInvalid(1, 'the file is empty');
  const header = rows[0].record.map((h) => h.trim());
  const col = (name: string, line: number): number => {
    const i = header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
    if (i < 0) throw statementInvalid(line, `the header has no "${name}" column`);
    return i;
  };
  const headerLine = rows[0].line;
  const iDate = col(profile.columns.date, headerLine);
  const iDesc = col(profile.columns.description, headerLine);
  const iRef = col(profile.columns.reference, headerLine);
  const iBal = profile.columns.balance ? header.findIndex((h) => h.toLowerCase() === profile.columns.balance!.toLowerCase()) : -1;
  const iAmount = profile.kind === 'SIGNED' ? col(profile.amount, headerLine) : -1;
  const iDebit = profile.kind === 'DEBIT_CREDIT' ? col(profile.debit, headerLine) : -1;
  const iCredit = profile.kind === 'DEBIT_CREDIT' ? col(profile.credit, headerLine) : -1;

  const lines: ParsedLine[] = [];
  for (const { record, line } of rows.slice(1)) {
    if (record.length !== header.length) throw statementInvalid(line, `expected ${header.length} fields, found ${record.length}`);
    const valueDate = readDate(record[iDate], profile.dateFormat);
    if (!valueDate) throw statementInvalid(line, `"${record[iDate]}" is not a date in the format ${profile.dateFormat}`);
    const amount = (text: string, what: string) => {
      if (!text.trim()) return null;
      const m = parseAmountText(text, profile.amounts);
      if (!m) throw statementInvalid(line, `${what} "${text}" is not an amount`);
      return m;
    };
    let signed;
    if (iAmount >= 0) {
      signed = amount(record[iAmount], 'amount');
    } else {
      const debit = amount(record[iDebit], 'debit');
      const credit = amount(record[iCredit], 'credit');
      if (debit?.isNegative() || credit?.isNegative()) throw statementInvalid(line, 'debit and credit must not be negative');
      const d = debit && !debit.isZero() ? debit : null;
      const c = credit && !credit.isZero() ? credit : null;
      if (d && c) throw statementInvalid(line, 'a line has either a debit or a credit, not both');
      signed = d ? d.negated() : c;
    }
    if (!signed || signed.isZero()) throw statementInvalid(line, 'the line moves no money');
    const balance = iBal >= 0 ? amount(record[iBal] ?? '', 'balance') : null;
    lines.push({
      lineNo: line,
      valueDate,
      direction: signed.isNegative() ? 'DEBIT' : 'CREDIT',
      amount: signed.abs(),
      reference: record[iRef],
      description: record[iDesc],
      balance,
    });
  }
  if (!lines.length) throw statementInvalid(headerLine, 'the statement has no lines');
  return { account: '', ...balancesFromRunning(lines), lines };
}

/** A CSV has no balance fields: opening is the first running balance before its line, closing the last. */
function balancesFromRunning(lines: ParsedLine[]): Pick<ParsedStatement, 'openingBalance' | 'closingBalance'> {
  const first = lines[0];
  const last = lines[lines.length - 1];
  return {
    openingBalance: first.balance ? (first.direction === 'CREDIT' ? first.balance.minus(first.amount) : first.balance.plus(first.amount)) : null,
    closingBalance: last.balance,
  };
}
