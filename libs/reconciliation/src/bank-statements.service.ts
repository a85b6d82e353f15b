import { createHash, randomUUID } from 'node:crypto';
import { DisbursementsService } from '#disbursement';
import { ACCOUNTS, LedgerService } from '#ledger';
import { Money } from '#money';
import {
  AuditService,
  BusinessDateService,
  decodeCursor,
  newestFirst,
  DomainError,
  InvalidStateError,
  NotFoundError,
  type Page,
  pageLimit,
  ProgrammesService,
  requestContext,
  toPage,
  TransactionRunner,
  ValidationError,
} from '#platform';
import { RecoveriesService, RepaymentsService } from '#repayment';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type BalanceCheck, type DifferenceItem, type ImportSummary, type StatementLineView, type StatementSummaryView, type StatementView, toLineView } from './bank-statement-view.js';
import { CSV_PROFILES, type CsvProfileName, parseCsvStatement } from './domain/csv-statement.js';
import { fingerprintLines } from './domain/fingerprint.js';
import { type LineMatch, matchLines, type MatchStatus, type OpenDisbursement, type OpenLoan, tokensOf } from './domain/match-lines.js';
import { parseMt940Statement } from './domain/mt940-statement.js';
import { type ParsedLine, type ParsedStatement, type StatementFormat, statementInvalid } from './domain/statement.js';
import { BankStatementLine } from './entities/bank-statement-line.entity.js';
import { BankStatement } from './entities/bank-statement.entity.js';

export interface ImportStatementInput {
  bytes: Buffer | undefined;
  format: StatementFormat;
  /** A CSV column profile; GENERIC when absent. */
  profile?: CsvProfileName;
  programmeId?: string;
}

export interface StatementLineFilter {
  status?: MatchStatus;
  limit?: number;
  cursor?: string;
}

const INSERT_CHUNK = 1000;

/** DisbursementsService.confirm's refusals that come before any write. */
const CONFIRM_REFUSALS = new Set(['VALUE_DATE_BEFORE_ORDER', 'INSUFFICIENT_FUND', 'INVALID_STATE']);
/** RepaymentsService.post's refusals that come before any write. */
const REPAYMENT_REFUSALS = new Set(['VALUE_DATE_BEFORE_DISBURSEMENT', 'INVALID_STATE']);

/** The reference a repayment carries: the bank's, else the line's fingerprint, so it is never blank. */
const repaymentReference = (line: ParsedLine, fingerprint: string) => (line.reference.trim() || `BS-${fingerprint.slice(0, 16)}`).slice(0, 140);

const summaryOf = (s: BankStatement): StatementSummaryView => ({
  id: s.id,
  programmeId: s.programmeId,
  format: s.format,
  profile: s.profile,
  account: s.account,
  firstDate: s.firstDate,
  lastDate: s.lastDate,
  importedAt: s.createdAt,
  lines: s.lineCount,
  matched: s.matched,
  unmatched: s.unmatched,
  mismatched: s.mismatched,
  repaymentsPosted: s.repaymentsPosted,
  duplicates: s.duplicates,
});

/**
 * Bank statement reconciliation (issue 7). An import is one transaction: the file is read whole (a bad
 * line refuses it all), lines already imported are counted as duplicates, the rest are matched and
 * booked: a matched credit is a VA repayment, a matched debit confirms its pending disbursement, an
 * unmatched credit goes to 1900 Suspense until finance assigns it to a loan or returns it. Imports of
 * one programme are serialised by an advisory lock, so the duplicate check cannot race.
 */
@Injectable()
export class BankStatementsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly businessDate: BusinessDateService,
    private readonly programmes: ProgrammesService,
    private readonly ledger: LedgerService,
    private readonly repayments: RepaymentsService,
    private readonly disbursements: DisbursementsService,
    private readonly recoveries: RecoveriesService,
  ) {}

  async import(input: ImportStatementInput): Promise<ImportSummary> {
    if (!input.bytes?.length) throw ValidationError.field('file', 'REQUIRED', 'file is required: the statement, as CSV or MT940');
    const text = input.bytes.toString('utf8');
    const parsed: ParsedStatement = input.format === 'MT940' ? parseMt940Statement(text) : parseCsvStatement(text, CSV_PROFILES[input.profile ?? 'GENERIC']);
    return this.tx.run(async (em) => {
      const programme = await this.programmes.resolve(input.programmeId, em);
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('bank_statement:' || $1))`, [programme.id]);
      const today = await this.businessDate.current(em);
      const late = parsed.lines.find((l) => l.valueDate > today);
      if (late) throw statementInvalid(late.lineNo, `dated ${late.valueDate}, after the business date ${today}`);

      // One bank account per programme: the programme stands for the account in the fingerprint, so
      // the same transaction read from a CSV and from an MT940 file is the same line.
      const fingerprints = fingerprintLines(programme.id, parsed.lines);
      const known = new Set<string>(
        ((await em.query(`SELECT fingerprint FROM bank_statement_line WHERE fingerprint = ANY($1)`, [fingerprints])) as { fingerprint: string }[]).map((r) => r.fingerprint),
      );
      const fresh = parsed.lines.map((line, i) => ({ line, fingerprint: fingerprints[i] })).filter((f) => !known.has(f.fingerprint));
      const { disbursements, loans } = await this.openItems(em, programme.id, fresh.map((f) => f.line));
      const matches = matchLines(
        fresh.map((f) => f.line),
        disbursements,
        loans,
      );
      const dates = parsed.lines.map((l) => l.valueDate).sort();
      const statement: BankStatement = em.create(BankStatement, {
        id: randomUUID(),
        programmeId: programme.id,
        format: input.format,
        profile: input.format === 'CSV' ? (input.profile ?? 'GENERIC') : null,
        account: parsed.account,
        fileSha256: createHash('sha256').update(input.bytes!).digest('hex'),
        firstDate: dates[0],
        lastDate: dates[dates.length - 1],
        openingBalance: parsed.openingBalance,
        closingBalance: parsed.closingBalance,
        lineCount: parsed.lines.length,
        matched: 0,
        unmatched: 0,
        mismatched: 0,
        repaymentsPosted: 0,
        duplicates: parsed.lines.length - fresh.length,
        importedBy: requestContext.current()?.userId ?? null,
      });
      await em.insert(BankStatement, statement);

      const disbursementById = new Map(disbursements.map((d) => [d.id, d]));
      const rows: BankStatementLine[] = [];
      for (const [i, { line, fingerprint }] of fresh.entries()) {
        const row = await this.book(em, programme.id, statement.id, line, fingerprint, matches[i], disbursementById);
        if (row.loanTransactionId) statement.repaymentsPosted++;
        rows.push(row);
      }
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) await em.insert(BankStatementLine, rows.slice(i, i + INSERT_CHUNK));
      // Counted from what was booked: a recovery the books refuse leaves its line UNMATCHED in suspense.
      const count = (status: MatchStatus) => rows.filter((r) => r.status === status).length;
      Object.assign(statement, { matched: count('MATCHED'), unmatched: count('UNMATCHED'), mismatched: count('MISMATCHED') });
      await em.update(
        BankStatement,
        { id: statement.id },
        { matched: statement.matched, unmatched: statement.unmatched, mismatched: statement.mismatched, repaymentsPosted: statement.repaymentsPosted },
      );

      const summary: ImportSummary = {
        id: statement.id,
        lines: statement.lineCount,
        matched: statement.matched,
        unmatched: statement.unmatched,
        mismatched: statement.mismatched,
        repaymentsPosted: statement.repaymentsPosted,
        duplicates: statement.duplicates,
      };
      await this.audit.record(em, {
        action: 'BANK_STATEMENT_IMPORTED',
        entityType: 'bank_statement',
        entityId: statement.id,
        after: { ...summary, format: statement.format, profile: statement.profile, fileSha256: statement.fileSha256, programmeId: programme.id },
      });
      return summary;
    });
  }

  /** What one fresh line books, through the services that own each movement, and the row recording it. */
  private async book(
    em: EntityManager,
    programmeId: string,
    statementId: string,
    line: ParsedLine,
    fingerprint: string,
    match: LineMatch,
    disbursements: Map<string, OpenDisbursement>,
  ): Promise<BankStatementLine> {
    const row = em.create(BankStatementLine, {
      id: randomUUID(),
      statementId,
      programmeId,
      lineNo: line.lineNo,
      valueDate: line.valueDate,
      direction: line.direction,
      amount: line.amount,
      reference: line.reference,
      description: line.description,
      balance: line.balance,
      fingerprint,
      status: match.status,
      reason: match.reason,
      loanId: match.loanId,
      disbursementId: match.disbursementId,
      loanTransactionId: null,
      loanRecoveryId: null,
      suspenseEntryId: null,
      resolution: null,
      resolutionEntryId: null,
      resolvedAt: null,
      resolvedBy: null,
    });
    if (line.direction === 'DEBIT') {
      if (match.status === 'MATCHED' && match.disbursementId && disbursements.get(match.disbursementId)?.status === 'PENDING') {
        const refusal = await this.confirm(match.disbursementId, line, fingerprint);
        // The bank paid an order the books cannot confirm on that date: found, but not as ordered.
        if (refusal) Object.assign(row, { status: 'MISMATCHED', reason: refusal });
      }
      return row;
    }
    if (match.status === 'MATCHED' && match.loanId) {
      // A refusal (a recovery beyond what was written off, a date before the disbursement): the cash
      // still came in, so the line falls through to suspense with the refusal's code.
      const booked = match.recovery ? await this.recover(match.loanId, line, fingerprint) : await this.repay(match.loanId, line, fingerprint);
      if (!('refusal' in booked)) {
        if (match.recovery) row.loanRecoveryId = booked.id;
        else row.loanTransactionId = booked.id;
        return row;
      }
      Object.assign(row, { status: 'UNMATCHED', reason: booked.refusal });
    }
    const entry = await this.ledger.post(em, {
      programmeId,
      valueDate: line.valueDate,
      kind: 'SUSPENSE',
      description: `Unidentified bank credit (${row.reason ?? 'NO_MATCH'}): ${line.reference} ${line.description}`.trim().slice(0, 500),
      reference: line.reference || null,
      sourceType: 'bank_statement_line',
      sourceId: row.id,
      lines: [
        { account: ACCOUNTS.CASH, debit: line.amount },
        { account: ACCOUNTS.SUSPENSE, credit: line.amount },
      ],
    });
    row.suspenseEntryId = entry.id;
    return row;
  }

  /**
   * The VA repayment. A credit dated before the loan was disbursed, or to a loan that stopped taking
   * repayments since matching read it, is refused by checks made before anything is written; the cash
   * still came in, so the line goes to suspense with the refusal's code.
   */
  private async repay(loanId: string, line: ParsedLine, fingerprint: string): Promise<{ id: string } | { refusal: string }> {
    try {
      const posted = await this.repayments.post(loanId, { amount: line.amount, valueDate: line.valueDate, channel: 'VA', reference: repaymentReference(line, fingerprint) });
      return { id: posted.transactionId };
    } catch (err) {
      if (err instanceof DomainError && REPAYMENT_REFUSALS.has(err.code)) return { refusal: err.code };
      throw err;
    }
  }

  /**
   * Confirms the order the debit paid. The refusals caught are checked before confirm writes anything
   * (a debit dated before the order, cash the ledger does not have, an order confirmed meanwhile), so
   * the transaction stays usable and the line is left for a person; anything else refuses the import.
   */
  private async confirm(disbursementId: string, line: ParsedLine, fingerprint: string): Promise<string | null> {
    try {
      await this.disbursements.confirm(disbursementId, { valueDate: line.valueDate, bankReference: line.reference.trim() || `BS-${fingerprint.slice(0, 16)}` });
      return null;
    } catch (err) {
      if (err instanceof DomainError && CONFIRM_REFUSALS.has(err.code)) return err.code;
      throw err;
    }
  }

  /**
   * A credit to a written-off loan through the recoveries service (Dr 1100 / Cr 5100). Its refusals are
   * business rules checked before it writes anything, so catching one leaves the transaction usable;
   * the line then goes to suspense with the refusal's code as its reason.
   */
  private async recover(loanId: string, line: ParsedLine, fingerprint: string): Promise<{ id: string } | { refusal: string }> {
    try {
      const recovery = await this.recoveries.record(loanId, { amount: line.amount, valueDate: line.valueDate, channel: 'VA', reference: repaymentReference(line, fingerprint) });
      return { id: recovery.id };
    } catch (err) {
      if (!(err instanceof DomainError) || err.kind === 'NOT_FOUND') throw err;
      return { refusal: err.code };
    }
  }

  /**
   * The open items the fresh lines can match: loans whose VA or number appears in a credit,
   * disbursements named by a debit, and every PENDING order (for the amount-and-date rule).
   */
  private async openItems(em: EntityManager, programmeId: string, lines: ParsedLine[]): Promise<{ disbursements: OpenDisbursement[]; loans: OpenLoan[] }> {
    if (!lines.length) return { disbursements: [], loans: [] };
    const tokens = (dir: 'CREDIT' | 'DEBIT') => [...new Set(lines.filter((l) => l.direction === dir).flatMap((l) => [...tokensOf(l.reference), ...tokensOf(l.description)]))];
    const credit = tokens('CREDIT');
    const debit = tokens('DEBIT');
    const loans = credit.length
      ? ((await em.query(
          `SELECT id, number, virtual_account AS "virtualAccount", status FROM loan
            WHERE programme_id = $1 AND (upper(virtual_account) = ANY($2) OR upper(number) = ANY($2))`,
          [programmeId, credit],
        )) as OpenLoan[])
      : [];
    const rows = (await em.query(
      `SELECT id, reference, bank_reference AS "bankReference", amount::text AS amount, status, ordered_on::text AS "orderedOn" FROM disbursement
        WHERE programme_id = $1 AND (status = 'PENDING' OR upper(reference) = ANY($2) OR upper(bank_reference) = ANY($2))`,
      [programmeId, debit],
    )) as (Omit<OpenDisbursement, 'amount'> & { amount: string })[];
    return { loans, disbursements: rows.map((r) => ({ ...r, amount: Money.fromDb(r.amount) })) };
  }

  /** The programme's imported statements, newest first (the finance desk returns to their unmatched lines). */
  async list(f: { programmeId?: string; limit?: number; cursor?: string }): Promise<Page<StatementSummaryView>> {
    const em = this.tx.manager;
    const programme = await this.programmes.resolve(f.programmeId, em);
    const limit = pageLimit(f);
    const after = decodeCursor(f.cursor, 'timestamp');
    const qb = newestFirst(
      em.createQueryBuilder(BankStatement, 's').where('s.programme_id = :programmeId', { programmeId: programme.id }),
      limit,
      after,
    );
    return toPage((await qb.getMany()).map(summaryOf), limit, (s) => ({ k: s.importedAt.toISOString(), id: s.id }));
  }

  async get(statementId: string): Promise<StatementView> {
    const em = this.tx.manager;
    const s = await em.findOneBy(BankStatement, { id: statementId });
    if (!s) throw new NotFoundError('Bank statement', statementId);
    return { ...summaryOf(s), balanceCheck: await this.balanceCheck(em, s) };
  }

  /**
   * The file's balances against 1100 Cash on the statement's last date. Every line booked through the
   * ledger (repayments, suspense, confirmed disbursements) is in 1100 already; what is not is listed
   * (debits nobody could match, or whose amount differs), and what remains is unexplained.
   */
  private async balanceCheck(em: EntityManager, s: BankStatement): Promise<BalanceCheck> {
    const lines = await em.find(BankStatementLine, { where: { statementId: s.id }, order: { lineNo: 'ASC' } });
    const signed = (l: BankStatementLine) => (l.direction === 'CREDIT' ? l.amount : l.amount.negated());
    const linesNet = Money.sum(lines.map(signed));
    const [cash] = (await em.query(
      `SELECT coalesce(sum(debit) - sum(credit), 0)::text AS cash FROM journal_line WHERE programme_id = $1 AND account_code = $2 AND value_date <= $3`,
      [s.programmeId, ACCOUNTS.CASH, s.lastDate],
    )) as { cash: string }[];
    const ledgerCash = Money.fromDb(cash.cash);
    const explainedBy: DifferenceItem[] = lines
      .filter((l) => l.direction === 'DEBIT' && l.status !== 'MATCHED')
      .map((l) => ({ lineId: l.id, lineNo: l.lineNo, amount: signed(l), status: l.status, reason: l.reason }));
    const difference = s.closingBalance ? s.closingBalance.minus(ledgerCash) : null;
    return {
      openingBalance: s.openingBalance,
      closingBalance: s.closingBalance,
      linesNet,
      // Duplicates are not stored with this statement, so the file's own arithmetic is only checked
      // when every one of its lines is.
      fileConsistent: s.openingBalance && s.closingBalance && s.duplicates === 0 ? s.openingBalance.plus(linesNet).eq(s.closingBalance) : null,
      ledgerCash,
      difference,
      explainedBy,
      unexplained: difference ? difference.minus(Money.sum(explainedBy.map((e) => e.amount))) : null,
    };
  }

  async lines(statementId: string, f: StatementLineFilter): Promise<Page<StatementLineView>> {
    const em = this.tx.manager;
    if (!(await em.existsBy(BankStatement, { id: statementId }))) throw new NotFoundError('Bank statement', statementId);
    const limit = pageLimit(f);
    const after = decodeCursor(f.cursor, 'integer');
    const qb = em
      .createQueryBuilder(BankStatementLine, 'l')
      .where('l.statement_id = :statementId', { statementId })
      .orderBy('l.line_no', 'ASC')
      .addOrderBy('l.id', 'ASC')
      .limit(limit + 1);
    if (f.status) qb.andWhere('l.status = :status', { status: f.status });
    if (after) qb.andWhere('(l.line_no, l.id) > (:k::int, :id::uuid)', { k: after.k, id: after.id });
    return toPage((await qb.getMany()).map(toLineView), limit, (l) => ({ k: String(l.lineNo), id: l.id }));
  }

  /**
   * A suspense credit that finance identified: 1900 is cleared back into cash (Dr 1900 / Cr 1100) and
   * the repayment is posted as any VA repayment (Dr 1100 / Cr 1200 ...), so the loan's books read the
   * same whichever way its money arrived; net, Dr 1900 / Cr 1200.
   */
  async assign(lineId: string, loanId: string): Promise<StatementLineView> {
    return this.tx.run(async (em) => {
      const line = await this.lockSuspenseLine(em, lineId);
      const [loan] = (await em.query(`SELECT programme_id FROM loan WHERE id = $1`, [loanId])) as { programme_id: string }[];
      if (!loan) throw new NotFoundError('Loan', loanId);
      if (loan.programme_id !== line.programmeId)
        throw new DomainError('UNPROCESSABLE', 'LOAN_OF_ANOTHER_PROGRAMME', 'The loan belongs to another programme than the statement', { loanId });
      const cleared = await this.ledger.post(em, {
        programmeId: line.programmeId,
        valueDate: line.valueDate,
        kind: 'SUSPENSE_CLEARED',
        description: `Suspense credit of line ${line.lineNo} assigned to a loan`,
        reference: line.reference || null,
        sourceType: 'bank_statement_line',
        sourceId: line.id,
        lines: [
          { account: ACCOUNTS.SUSPENSE, debit: line.amount },
          { account: ACCOUNTS.CASH, credit: line.amount },
        ],
      });
      const posted = await this.repayments.post(loanId, {
        amount: line.amount,
        valueDate: line.valueDate,
        channel: 'VA',
        reference: (line.reference.trim() || `BS-${line.fingerprint.slice(0, 16)}`).slice(0, 140),
      });
      return this.resolve(em, line, 'BANK_LINE_ASSIGNED', { resolution: 'ASSIGNED', resolutionEntryId: cleared.id, loanId, loanTransactionId: posted.transactionId }, {});
    });
  }

  /** Not the programme's money: it goes back to the sender (Dr 1900 / Cr 1100). */
  async returnToSender(lineId: string, reason: string): Promise<StatementLineView> {
    return this.tx.run(async (em) => {
      const line = await this.lockSuspenseLine(em, lineId);
      const entry = await this.ledger.post(em, {
        programmeId: line.programmeId,
        valueDate: await this.businessDate.current(em),
        kind: 'SUSPENSE_RETURNED',
        description: `Suspense credit of line ${line.lineNo} returned to sender: ${reason}`.slice(0, 500),
        reference: line.reference || null,
        sourceType: 'bank_statement_line',
        sourceId: line.id,
        lines: [
          { account: ACCOUNTS.SUSPENSE, debit: line.amount },
          { account: ACCOUNTS.CASH, credit: line.amount },
        ],
      });
      return this.resolve(em, line, 'BANK_LINE_RETURNED', { resolution: 'RETURNED', resolutionEntryId: entry.id }, { reason });
    });
  }

  private async lockSuspenseLine(em: EntityManager, lineId: string): Promise<BankStatementLine> {
    const line = await em.findOne(BankStatementLine, { where: { id: lineId }, lock: { mode: 'pessimistic_write' } });
    if (!line) throw new NotFoundError('Bank statement line', lineId);
    if (!line.suspenseEntryId) throw new InvalidStateError(`Line ${line.lineNo} is not in suspense: only an unmatched credit can be assigned or returned`);
    if (line.resolution) throw new InvalidStateError(`Line ${line.lineNo} was already ${line.resolution.toLowerCase()}`);
    return line;
  }

  private async resolve(
    em: EntityManager,
    line: BankStatementLine,
    action: string,
    change: Pick<BankStatementLine, 'resolution' | 'resolutionEntryId'> & Partial<Pick<BankStatementLine, 'loanId' | 'loanTransactionId'>>,
    extra: Record<string, unknown>,
  ): Promise<StatementLineView> {
    const before = toLineView(line);
    const resolvedBy = requestContext.current()?.userId ?? null;
    await em.update(BankStatementLine, { id: line.id }, { ...change, resolvedAt: () => 'now()', resolvedBy });
    const after = toLineView({ ...line, ...change });
    await this.audit.record(em, { action, entityType: 'bank_statement_line', entityId: line.id, before, after: { ...after, ...extra } });
    return after;
  }
}
