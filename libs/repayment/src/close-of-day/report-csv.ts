// CSV exports of the reports: RFC 4180 with CRLF (csv-stringify), a UTF-8 byte order mark so that
// spreadsheet programs read names with accents right, and free text that a spreadsheet would run as a
// formula (=, +, -, @ first) prefixed with an apostrophe.
import { stringify } from 'csv-stringify/sync';

export interface CsvFile {
  fileName: string;
  bytes: Buffer;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** For free text only (names): numbers and codes are written as they are. */
export const csvText = (s: string | null | undefined): string => (s == null ? '' : FORMULA_START.test(s) ? `'${s}` : s);

export function csvFile(fileName: string, header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): CsvFile {
  const records = [header, ...rows].map((r) => r.map((v) => (v === null ? '' : String(v))));
  const text = stringify(records, { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
  return { fileName, bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]) };
}
