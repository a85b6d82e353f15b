// What every statement format is read into before matching: one shape for CSV and MT940.
import { DomainError } from '#platform/errors';
import type { Money } from '#money';

export type Direction = 'CREDIT' | 'DEBIT';

export interface ParsedLine {
  /** 1-based line of the file the transaction came from (its :61: line for MT940). */
  lineNo: number;
  valueDate: string;
  direction: Direction;
  /** Always positive; the direction says which way the money went. */
  amount: Money;
  reference: string;
  description: string;
  balance: Money | null;
}

export interface ParsedStatement {
  /** The fund's own account the statement is for, when the file names it. */
  account: string;
  openingBalance: Money | null;
  closingBalance: Money | null;
  lines: ParsedLine[];
}

export const STATEMENT_FORMATS = ['CSV', 'MT940'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

/** A file refused whole: the first bad line and why. Nothing from it is stored. */
export const statementInvalid = (line: number, reason: string) =>
  new DomainError('VALIDATION', 'STATEMENT_INVALID', `Line ${line}: ${reason}`, { line, reason });
