// A minimal RFC 4180 writer and reader: CRLF line ends, fields quoted only when they hold a comma, a
// quote, CR or LF, quotes doubled. csv-stringify is not among the installed packages; this is all a
// bank file needs.

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Every record ends with CRLF, the last one too (RFC 4180 allows either; banks' parsers expect it). */
export function toCsv(records: readonly (readonly string[])[]): string {
  return records.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

/** Parses RFC 4180 text (CRLF or LF line ends) into records of fields. A malformed quote throws. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  const endField = () => {
    record.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
        if (i < text.length && !',\r\n'.includes(text[i])) throw new Error(`CSV: text after a closing quote at offset ${i}`);
      } else {
        field += c;
        i++;
      }
    } else if (c === '"' && !fieldStarted && field === '') {
      quoted = true;
      fieldStarted = true;
      i++;
    } else if (c === '"') {
      throw new Error(`CSV: a quote inside an unquoted field at offset ${i}`);
    } else if (c === ',') {
      endField();
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      endRecord();
      i += 2;
    } else if (c === '\n') {
      endRecord();
      i++;
    } else {
      field += c;
      fieldStarted = true;
      i++;
    }
  }
  if (quoted) throw new Error('CSV: an unterminated quoted field');
  // A last record without a line end still counts; an empty text is no record.
  if (fieldStarted || field !== '' || record.length) endRecord();
  return records;
}
