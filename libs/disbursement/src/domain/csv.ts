// RFC 4180 through csv-stringify and csv-parse, with the options bank files need in one place. The
// bytes are part of a batch's identity (its stored SHA-256), so the writer's options must not drift.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * Every record ends with CRLF, the last one too (RFC 4180 allows either; banks' parsers expect it).
 * Fields are quoted only when they hold a comma, a quote, CR or LF, quotes doubled: csv-stringify
 * quotes a lone CR or LF only when asked (`quoted_match`), and a reader splitting on LF needs it.
 */
export function toCsv(records: readonly (readonly string[])[]): string {
  return stringify([...records], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/**
 * Parses RFC 4180 text with CRLF or LF line ends (a lone CR is field text) into records of fields,
 * records of any length. A malformed quote throws csv-parse's CsvError.
 */
export function parseCsv(text: string): string[][] {
  return parse(text, { record_delimiter: ['\r\n', '\n'], relax_column_count: true });
}
