import { Money } from '#money';
import { BusinessDateService, DomainError, NotFoundError, ProgrammesService, TransactionRunner, requestContext } from '#platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AccountCode, CHART } from './domain/chart-of-accounts.js';
import { checkEntry, type LineDraft, normalBalanceOf, type PostableLine, reversingLines } from './domain/journal-entry.js';
import { JournalEntry } from './entities/journal-entry.entity.js';
import { JournalLine } from './entities/journal-line.entity.js';

export interface PostEntryInput {
  programmeId: string;
  valueDate: string;
  kind: string;
  description: string;
  reference?: string | null;
  sourceType?: string;
  sourceId?: string;
  lines: LineDraft[];
}

export interface TrialBalanceRow {
  code: AccountCode;
  name: string;
  debit: Money;
  credit: Money;
  balance: Money;
}

export interface TrialBalance {
  programmeId: string;
  asOf: string;
  accounts: TrialBalanceRow[];
  totalDebit: Money;
  totalCredit: Money;
}

@Injectable()
export class LedgerService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly programmes: ProgrammesService,
    private readonly businessDate: BusinessDateService,
  ) {}

  /**
   * Posts one balanced entry with `em`, i.e. inside the caller's transaction, so the entry commits
   * or rolls back with the business event it records. The database re-checks the balance at commit.
   */
  async post(em: EntityManager, input: PostEntryInput): Promise<JournalEntry> {
    const lines = checkEntry(input.lines);
    return this.insert(em, { ...input, reversesEntryId: null }, lines);
  }

  /** Posts the entry that cancels `entryId`; an entry can be reversed once (unique constraint). */
  async reverse(em: EntityManager, entryId: string, valueDate: string, description: string): Promise<JournalEntry> {
    const original = await em.findOne(JournalEntry, { where: { id: entryId }, relations: { lines: true } });
    if (!original) throw new NotFoundError('Journal entry', entryId);
    // The unique index on reverses_entry_id is the backstop for a race; this gives the clear answer.
    if (await em.existsBy(JournalEntry, { reversesEntryId: entryId }))
      throw new DomainError('CONFLICT', 'LEDGER_ENTRY_ALREADY_REVERSED', `Journal entry ${entryId} has already been reversed`);
    const lines = reversingLines((original.lines ?? []).map((l) => ({ account: l.accountCode, debit: l.debit, credit: l.credit })));
    return this.insert(
      em,
      { programmeId: original.programmeId, valueDate, kind: 'REVERSAL', description, reference: original.reference, sourceType: original.sourceType ?? undefined, sourceId: original.sourceId ?? undefined, reversesEntryId: original.id },
      lines,
    );
  }

  /** The trial balance a request means: the named or default programme, on `asOf` or the business date. */
  async trialBalanceFor(programmeId?: string, asOf?: string): Promise<TrialBalance> {
    const programme = await this.programmes.resolve(programmeId);
    return this.trialBalance(programme.id, asOf ?? (await this.businessDate.current()));
  }

  /** Balances of every account on `asOf` (inclusive), one set-based query. */
  async trialBalance(programmeId: string, asOf: string, em: EntityManager = this.tx.manager): Promise<TrialBalance> {
    const rows: { code: AccountCode; debit: string; credit: string }[] = await em.query(
      `SELECT a.code, coalesce(sum(l.debit), 0)::numeric(18,2)::text AS debit, coalesce(sum(l.credit), 0)::numeric(18,2)::text AS credit
         FROM ledger_account a
         LEFT JOIN journal_line l ON l.account_code = a.code AND l.programme_id = $1 AND l.value_date <= $2
        GROUP BY a.code ORDER BY a.code`,
      [programmeId, asOf],
    );
    const accounts = rows.map((r) => {
      const debit = Money.fromDb(r.debit);
      const credit = Money.fromDb(r.credit);
      return { code: r.code, name: CHART[r.code].name, debit, credit, balance: normalBalanceOf(r.code, debit, credit) };
    });
    return {
      programmeId,
      asOf,
      accounts,
      totalDebit: Money.sum(accounts.map((a) => a.debit)),
      totalCredit: Money.sum(accounts.map((a) => a.credit)),
    };
  }

  /** Normal-direction balances of the given accounts, all dates. */
  async balances(programmeId: string, em: EntityManager = this.tx.manager): Promise<Record<AccountCode, Money>> {
    const tb = await this.trialBalance(programmeId, '9999-12-31', em);
    return Object.fromEntries(tb.accounts.map((a) => [a.code, a.balance])) as Record<AccountCode, Money>;
  }

  /**
   * The entry and its lines in one statement (a data-modifying CTE) that also answers with what the
   * database filled in (id, number, posted_at, line ids): one round trip instead of an insert per table
   * and a re-read, on the path of every repayment (issue 10). The balance triggers still run at commit.
   */
  private async insert(
    em: EntityManager,
    input: Omit<PostEntryInput, 'lines'> & { reversesEntryId: string | null },
    lines: PostableLine[],
  ): Promise<JournalEntry> {
    const createdBy = requestContext.current()?.userId ?? null;
    const [row] = (await em.query(
      `WITH e AS (
         INSERT INTO journal_entry (programme_id, value_date, kind, description, reference, source_type, source_id, reverses_entry_id, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id, number, posted_at),
       l AS (
         INSERT INTO journal_line (entry_id, programme_id, value_date, entry_kind, account_code, debit, credit)
         SELECT e.id, $1, $2, $3, x.account, x.debit, x.credit FROM e, unnest($10::text[], $11::numeric[], $12::numeric[]) WITH ORDINALITY AS x(account, debit, credit, n)
          ORDER BY x.n
         RETURNING id, account_code, debit, credit)
       SELECT e.id, e.number::text AS number, e.posted_at,
              (SELECT json_agg(json_build_object('id', l.id::text, 'account', l.account_code, 'debit', l.debit::text, 'credit', l.credit::text) ORDER BY l.id) FROM l) AS lines
         FROM e`,
      [
        input.programmeId,
        input.valueDate,
        input.kind,
        input.description,
        input.reference ?? null,
        input.sourceType ?? null,
        input.sourceId ?? null,
        input.reversesEntryId,
        createdBy,
        lines.map((l) => l.account),
        lines.map((l) => l.debit.toString()),
        lines.map((l) => l.credit.toString()),
      ],
    )) as { id: string; number: string; posted_at: Date; lines: { id: string; account: AccountCode; debit: string; credit: string }[] }[];
    const entry = Object.assign(new JournalEntry(), {
      id: row.id,
      programmeId: input.programmeId,
      number: row.number,
      valueDate: input.valueDate,
      postedAt: row.posted_at,
      kind: input.kind,
      description: input.description,
      reference: input.reference ?? null,
      sourceType: input.sourceType ?? null,
      sourceId: input.sourceId ?? null,
      reversesEntryId: input.reversesEntryId,
      createdBy,
    });
    entry.lines = row.lines.map((l) =>
      Object.assign(new JournalLine(), {
        id: l.id,
        entryId: row.id,
        programmeId: input.programmeId,
        valueDate: input.valueDate,
        entryKind: input.kind,
        accountCode: l.account,
        debit: Money.fromDb(l.debit),
        credit: Money.fromDb(l.credit),
      }),
    );
    return entry;
  }
}
