import type { Money } from '#money';
import type { MatchStatus } from './domain/match-lines.js';
import type { Direction, StatementFormat } from './domain/statement.js';
import type { BankStatementLine, LineResolution } from './entities/bank-statement-line.entity.js';

/** The answer of POST /api/bank-statements (api.md). */
export interface ImportSummary {
  id: string;
  lines: number;
  matched: number;
  unmatched: number;
  mismatched: number;
  repaymentsPosted: number;
  duplicates: number;
}

export interface StatementLineView {
  id: string;
  statementId: string;
  lineNo: number;
  valueDate: string;
  direction: Direction;
  amount: Money;
  reference: string;
  description: string;
  status: MatchStatus;
  reason: string | null;
  loanId: string | null;
  disbursementId: string | null;
  loanTransactionId: string | null;
  loanRecoveryId: string | null;
  suspenseEntryId: string | null;
  resolution: LineResolution | null;
}

export const toLineView = (l: BankStatementLine): StatementLineView => ({
  id: l.id,
  statementId: l.statementId,
  lineNo: l.lineNo,
  valueDate: l.valueDate,
  direction: l.direction,
  amount: l.amount,
  reference: l.reference,
  description: l.description,
  status: l.status,
  reason: l.reason,
  loanId: l.loanId,
  disbursementId: l.disbursementId,
  loanTransactionId: l.loanTransactionId,
  loanRecoveryId: l.loanRecoveryId,
  suspenseEntryId: l.suspenseEntryId,
  resolution: l.resolution,
});

/** A line whose cash movement the ledger's 1100 does not hold, and so explains part of the difference. */
export interface DifferenceItem {
  lineId: string;
  lineNo: number;
  /** Signed as the bank moved it: negative for money out. */
  amount: Money;
  status: MatchStatus;
  reason: string | null;
}

export interface BalanceCheck {
  openingBalance: Money | null;
  closingBalance: Money | null;
  /** Credits minus debits of the lines stored with this statement. */
  linesNet: Money;
  /** Opening + every line of the file = closing; null when the file gives no balances. */
  fileConsistent: boolean | null;
  /** 1100 Cash in the ledger on the statement's last date. */
  ledgerCash: Money;
  /** Closing balance minus ledger cash; null without a closing balance. */
  difference: Money | null;
  explainedBy: DifferenceItem[];
  /** What no line explains: zero when the books and the bank agree. */
  unexplained: Money | null;
}

/** A statement in the list of imports (GET /api/bank-statements): its counts, without the balance check. */
export type StatementSummaryView = Omit<StatementView, 'balanceCheck'>;

export interface StatementView extends ImportSummary {
  programmeId: string;
  format: StatementFormat;
  profile: string | null;
  account: string;
  firstDate: string;
  lastDate: string;
  importedAt: Date;
  balanceCheck: BalanceCheck;
}
