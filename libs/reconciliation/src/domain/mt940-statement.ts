// SWIFT MT940 through mt940js (tags, dates, :86: details). mt940js gives amounts as JS numbers, so
// they are read again from the raw :60F:, :61: and :62F: text (parseSwiftAmount) and paired with its
// transactions in order.
import mt940 from 'mt940js';
import type { Money } from '#money';
import { parseSwiftAmount } from './amounts.js';
import { type ParsedLine, type ParsedStatement, statementInvalid } from './statement.js';

// :61: YYMMDD [MMDD] [R]C|D [funds code letter] amount N|F|S type(3) reference
const FIELD_61 = /^:61:(\d{6})(\d{4})?(R?[CD])([A-Z])?(\d+(?:,\d{0,2})?)([NFS][A-Z0-9]{3})(.*)$/;
const BALANCE = /^:(60[FM]|62[FM]):([CD])(\d{6})([A-Z]{3})(\d+(?:,\d{0,2})?)$/;

interface RawEntry {
  lineNo: number;
  signed: Money;
}

/** The :61: lines and balances, read from the text with their line numbers; refuses a bad one. */
function scan(text: string): { entries: RawEntry[]; opening: Money | null; closing: Money | null } {
  const entries: RawEntry[] = [];
  let opening: Money | null = null;
  let closing: Money | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const lineNo = i + 1;
    if (line.startsWith(':61:')) {
      const m = FIELD_61.exec(line);
      const amount = m ? parseSwiftAmount(m[5]) : null;
      if (!m || !amount) throw statementInvalid(lineNo, 'a :61: statement line that cannot be read (date, C/D mark, amount, type, reference)');
      const credit = m[3] === 'C' || m[3] === 'RD';
      entries.push({ lineNo, signed: credit ? amount : amount.negated() });
    } else if (/^:6[02][FM]:/.test(line)) {
      const m = BALANCE.exec(line);
      const amount = m ? parseSwiftAmount(m[5]) : null;
      if (!m || !amount) throw statementInvalid(lineNo, 'a balance field that cannot be read (C/D mark, date, currency, amount)');
      const signed = m[2] === 'C' ? amount : amount.negated();
      if (m[1].startsWith('60')) opening ??= signed;
      else closing = signed;
    }
  });
  return { entries, opening, closing };
}

interface Mt940Transaction {
  date: Date;
  reference: string;
  bankReference: string;
  details: string;
}
interface Mt940Statement {
  accountIdentification: string;
  transactions: Mt940Transaction[];
}

export function parseMt940Statement(text: string): ParsedStatement {
  const { entries, opening, closing } = scan(text);
  let statements: Mt940Statement[];
  try {
    statements = new mt940.Parser().parse(text) as Mt940Statement[];
  } catch (err) {
    const m = /line (\d+)/i.exec((err as Error).message);
    throw statementInvalid(m ? Number.parseInt(m[1], 10) : 1, `not a readable MT940 statement (${(err as Error).message})`);
  }
  const transactions = statements.flatMap((s) => s.transactions);
  if (!statements.length || !transactions.length) throw statementInvalid(1, 'the statement has no :61: lines');
  if (transactions.length !== entries.length) throw statementInvalid(1, 'the :61: lines and the parsed transactions disagree');
  const lines: ParsedLine[] = transactions.map((t, i) => ({
    lineNo: entries[i].lineNo,
    valueDate: t.date.toISOString().slice(0, 10),
    direction: entries[i].signed.isNegative() ? 'DEBIT' : 'CREDIT',
    amount: entries[i].signed.abs(),
    reference: t.reference === 'NONREF' ? '' : t.reference,
    description: t.details ?? '',
    balance: null,
  }));
  return { account: statements[0].accountIdentification ?? '', openingBalance: opening, closingBalance: closing, lines };
}
