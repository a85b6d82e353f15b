// The ledger on a real PostgreSQL: the database itself keeps the journal append-only and balanced, and
// LedgerService's trial balance agrees with an in-memory model of the same postings (fast-check).
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { ACCOUNTS, type AccountCode, CHART, type JournalEntry, LedgerService, type LineDraft } from '#ledger';
import { Money } from '#money';
import { AuditService, BusinessDateService, DomainError, ProgrammesService, TransactionRunner } from '#platform';
import fc from 'fast-check';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../migrations/data-source.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const CODES = Object.keys(CHART) as AccountCode[];
const DATES = ['2026-01-15', '2026-02-15', '2026-03-15'] as const;
const LAST_DATE = DATES[DATES.length - 1];

let db: TestDatabase;
let ds: DataSource;
let tx: TransactionRunner;
let ledger: LedgerService;
let defaultProgrammeId: string;

/** One raw pg client per call: what psql, a DBA or a compromised service would use. */
async function withClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const count = async (sql: string, params: unknown[] = []): Promise<number> => {
  const [row] = (await ds.query(`SELECT count(*)::int AS n FROM (${sql}) AS x`, params)) as { n: number }[];
  return row.n;
};

/** A programme of its own, so one test's postings never show up in another's balances. */
async function newProgramme(): Promise<string> {
  const code = `T${randomBytes(6).toString('hex').toUpperCase()}`;
  const [row] = (await ds.query(`INSERT INTO programme (code, name) VALUES ($1, $2) RETURNING id`, [code, `Test programme ${code}`])) as { id: string }[];
  return row.id;
}

const capital = (programmeId: string, amount: string, reference = `APBD-${randomBytes(4).toString('hex')}`) =>
  tx.run((em) =>
    ledger.post(em, {
      programmeId,
      valueDate: DATES[0],
      kind: 'FUND_CAPITAL',
      description: 'Fund capital (APBD)',
      reference,
      lines: [
        { account: ACCOUNTS.CASH, debit: Money.of(amount) },
        { account: ACCOUNTS.FUND_CAPITAL, credit: Money.of(amount) },
      ],
    }),
  );

beforeAll(async () => {
  db = await createTestDatabase();
  ds = new DataSource(dataSourceOptions(db.url, 4));
  await ds.initialize();
  tx = new TransactionRunner(ds);
  const programmes = new ProgrammesService(tx, new AuditService());
  ledger = new LedgerService(tx, programmes, new BusinessDateService(tx));
  defaultProgrammeId = (await programmes.resolve(undefined)).id;
});

afterAll(async () => {
  if (ds?.isInitialized) await ds.destroy();
  await db?.drop();
});

describe('the journal and the audit log are append-only, whoever connects', () => {
  let entry: JournalEntry;
  let auditId: string;

  beforeAll(async () => {
    entry = await capital(defaultProgrammeId, '1000000.00');
    await tx.run((em) => new AuditService().record(em, { action: 'TEST', entityType: 'journal_entry', entityId: entry.id, actorId: null, after: { ok: true } }));
    const [row] = (await ds.query(`SELECT max(id)::text AS id FROM audit_log`)) as { id: string }[];
    auditId = row.id;
  });

  function statement(table: string, op: string): string {
    const where = { journal_line: `entry_id = '${entry.id}'`, journal_entry: `id = '${entry.id}'`, audit_log: `id = ${auditId}` }[table];
    const set = { journal_line: 'debit = debit + 1', journal_entry: `description = 'rewritten'`, audit_log: `action = 'HIDDEN'` }[table];
    if (op === 'UPDATE') return `UPDATE ${table} SET ${set} WHERE ${where}`;
    if (op === 'DELETE') return `DELETE FROM ${table} WHERE ${where}`;
    // CASCADE, so a refusal comes from the trigger and not from journal_line's foreign key to journal_entry.
    return `TRUNCATE ${table} CASCADE`;
  }

  it.each(['journal_line', 'journal_entry', 'audit_log'].flatMap((t) => ['UPDATE', 'DELETE', 'TRUNCATE'].map((op) => [t, op])))(
    'refuses %s %s from a raw client',
    async (table, op) => {
      const err = await withClient((c) => c.query(statement(table, op))).then(
        () => undefined,
        (e: unknown) => e as pg.DatabaseError,
      );
      expect(err).toBeDefined();
      expect(err!.code).toBe('42501'); // insufficient_privilege, raised by refuse_change()
      expect(err!.message).toBe(`${table} is append-only: ${op} refused`);
    },
  );

  it('left every row as it was', async () => {
    const lines = (await ds.query(`SELECT account_code, debit::text, credit::text FROM journal_line WHERE entry_id = $1 ORDER BY id`, [entry.id])) as unknown[];
    expect(lines).toEqual([
      { account_code: '1100', debit: '1000000.00', credit: '0.00' },
      { account_code: '3100', debit: '0.00', credit: '1000000.00' },
    ]);
    const [e] = (await ds.query(`SELECT description FROM journal_entry WHERE id = $1`, [entry.id])) as { description: string }[];
    expect(e.description).toBe('Fund capital (APBD)');
    const [a] = (await ds.query(`SELECT action FROM audit_log WHERE id = $1`, [auditId])) as { action: string }[];
    expect(a.action).toBe('TEST');
  });

  it('refuses an UPDATE that changes nothing too (no way to touch a row at all)', async () => {
    await expect(withClient((c) => c.query(`UPDATE journal_line SET debit = debit WHERE entry_id = $1`, [entry.id]))).rejects.toThrow(/append-only/);
  });
});

describe('the database refuses an unbalanced entry at COMMIT', () => {
  /** Inserts an entry and its lines with raw SQL in one transaction; resolves to where it failed. */
  async function rawEntry(programmeId: string, lines: [string, string, string][]): Promise<{ failedAt: 'insert' | 'commit' | null; error?: pg.DatabaseError; entryId: string }> {
    return withClient(async (c) => {
      await c.query('BEGIN');
      const [{ id }] = (
        await c.query<{ id: string }>(`INSERT INTO journal_entry (programme_id, value_date, kind, description) VALUES ($1, $2, 'TEST', 'raw') RETURNING id`, [programmeId, DATES[0]])
      ).rows;
      try {
        for (const [account, debit, credit] of lines) {
          await c.query(`INSERT INTO journal_line (entry_id, programme_id, value_date, entry_kind, account_code, debit, credit) VALUES ($1, $2, $3, 'TEST', $4, $5, $6)`, [
            id,
            programmeId,
            DATES[0],
            account,
            debit,
            credit,
          ]);
        }
      } catch (error) {
        await c.query('ROLLBACK');
        return { failedAt: 'insert', error: error as pg.DatabaseError, entryId: id };
      }
      try {
        await c.query('COMMIT');
        return { failedAt: null, entryId: id };
      } catch (error) {
        return { failedAt: 'commit', error: error as pg.DatabaseError, entryId: id };
      }
    });
  }

  const leftovers = async (entryId: string) =>
    (await count(`SELECT 1 FROM journal_entry WHERE id = $1`, [entryId])) + (await count(`SELECT 1 FROM journal_line WHERE entry_id = $1`, [entryId]));

  it('accepts each insert of an unbalanced entry, then fails the COMMIT and keeps nothing', async () => {
    const programmeId = await newProgramme();
    const result = await rawEntry(programmeId, [
      ['1100', '100.00', '0'],
      ['3100', '0', '99.99'],
    ]);
    expect(result.failedAt).toBe('commit');
    expect(result.error?.code).toBe('23514'); // check_violation
    expect(result.error?.message).toMatch(/is not postable: debit 100\.00, credit 99\.99, 2 lines/);
    expect(await leftovers(result.entryId)).toBe(0);
    const tb = await ledger.trialBalance(programmeId, LAST_DATE);
    expect(tb.totalDebit.isZero() && tb.totalCredit.isZero()).toBe(true);
  });

  it('fails the COMMIT of an entry with a single line', async () => {
    const result = await rawEntry(await newProgramme(), [['1100', '5.00', '0']]);
    expect(result.failedAt).toBe('commit');
    expect(result.error?.message).toMatch(/1 lines/);
    expect(await leftovers(result.entryId)).toBe(0);
  });

  it('commits the same entry once it balances (the trigger checks the whole entry, not each row)', async () => {
    const result = await rawEntry(await newProgramme(), [
      ['1100', '100.00', '0'],
      ['3100', '0', '60.00'],
      ['2100', '0', '40.00'],
    ]);
    expect(result.failedAt).toBeNull();
    expect(await count(`SELECT 1 FROM journal_line WHERE entry_id = $1`, [result.entryId])).toBe(3);
  });

  it('refuses a line with both sides, or a negative amount, at the INSERT (CHECK constraints)', async () => {
    const programmeId = await newProgramme();
    const both = await rawEntry(programmeId, [
      ['1100', '5.00', '5.00'],
      ['3100', '0', '0'],
    ]);
    expect(both.failedAt).toBe('insert');
    expect(both.error?.code).toBe('23514');
    const negative = await rawEntry(programmeId, [
      ['1100', '-5.00', '0'],
      ['3100', '0', '-5.00'],
    ]);
    expect(negative.failedAt).toBe('insert');
    expect(await leftovers(both.entryId)).toBe(0);
    expect(await leftovers(negative.entryId)).toBe(0);
  });
});

describe('chart of accounts', () => {
  it('in the database equals CHART in the code', async () => {
    const rows = (await ds.query(`SELECT code, name, normal_balance FROM ledger_account ORDER BY code`)) as { code: string; name: string; normal_balance: string }[];
    expect(Object.fromEntries(rows.map((r) => [r.code, { name: r.name, normalBalance: r.normal_balance }]))).toEqual(CHART);
    expect(rows.map((r) => r.code)).toEqual([...CODES].sort());
  });

  it("gives each account a type that agrees with its normal balance", async () => {
    const rows = (await ds.query(`SELECT code, type, normal_balance FROM ledger_account`)) as { code: string; type: string; normal_balance: string }[];
    for (const r of rows) {
      expect(`${r.code} ${r.normal_balance}`).toBe(`${r.code} ${['ASSET', 'EXPENSE'].includes(r.type) ? 'DEBIT' : 'CREDIT'}`);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// Property: random postings and reversals; after each, the trial balance matches a model kept with Money.

/** "123", "123.4" or "123.45": the notations a client sends. */
const amountText = fc
  .tuple(fc.bigInt({ min: 0n, max: 5_000_000_000n }), fc.constantFrom(0, 1, 2), fc.nat({ max: 99 }))
  .map(([whole, decimals, frac]) => (decimals === 0 ? `${whole}` : decimals === 1 ? `${whole}.${frac % 10}` : `${whole}.${String(frac).padStart(2, '0')}`))
  .filter((s) => Money.parse(s).isPositive());

const lineSpec = fc.tuple(fc.constantFrom(...CODES), amountText);

type Op =
  | { kind: 'post'; debits: [AccountCode, string][]; credits: [AccountCode, string][]; balancer: AccountCode; date: string }
  | { kind: 'reverse'; pick: number; date: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('post' as const), debits: fc.array(lineSpec, { minLength: 1, maxLength: 3 }), credits: fc.array(lineSpec, { minLength: 1, maxLength: 3 }), balancer: fc.constantFrom(...CODES), date: fc.constantFrom(...DATES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat(), date: fc.constantFrom(...DATES) }) },
);

/** The lines of a post op, balanced by one more line on the short side. */
function draftsOf(op: Extract<Op, { kind: 'post' }>): LineDraft[] {
  const lines: LineDraft[] = [
    ...op.debits.map(([account, a]): LineDraft => ({ account, debit: Money.parse(a) })),
    ...op.credits.map(([account, a]): LineDraft => ({ account, credit: Money.parse(a) })),
  ];
  const gap = Money.sum(op.debits.map(([, a]) => Money.parse(a))).minus(Money.sum(op.credits.map(([, a]) => Money.parse(a))));
  if (gap.isPositive()) lines.push({ account: op.balancer, credit: gap });
  if (gap.isNegative()) lines.push({ account: op.balancer, debit: gap.negated() });
  return lines;
}

interface ModelLine {
  account: AccountCode;
  debit: Money;
  credit: Money;
  date: string;
}

/** Debit and credit totals per account of the model lines on or before `asOf`. */
function modelTotals(lines: ModelLine[], asOf: string): Record<AccountCode, { debit: Money; credit: Money }> {
  const totals = Object.fromEntries(CODES.map((c) => [c, { debit: Money.zero(), credit: Money.zero() }])) as Record<AccountCode, { debit: Money; credit: Money }>;
  for (const l of lines) {
    if (l.date > asOf) continue;
    totals[l.account] = { debit: totals[l.account].debit.plus(l.debit), credit: totals[l.account].credit.plus(l.credit) };
  }
  return totals;
}

async function expectTrialBalanceMatches(programmeId: string, model: ModelLine[], asOf: string): Promise<void> {
  const tb = await ledger.trialBalance(programmeId, asOf);
  expect(tb.totalDebit.toString()).toBe(tb.totalCredit.toString());
  const expected = modelTotals(model, asOf);
  const got = Object.fromEntries(tb.accounts.map((a) => [a.code, [a.debit.toString(), a.credit.toString(), a.balance.toString()]]));
  const want = Object.fromEntries(
    CODES.map((c) => {
      const { debit, credit } = expected[c];
      const balance = CHART[c].normalBalance === 'DEBIT' ? debit.minus(credit) : credit.minus(debit);
      return [c, [debit.toString(), credit.toString(), balance.toString()]];
    }),
  );
  expect(got).toEqual(want);
}

describe('trial balance against a model (property)', () => {
  it('after every posting and reversal, debits equal credits and every account equals the model', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 10 }), async (ops) => {
        const programmeId = await newProgramme();
        const model: ModelLine[] = [];
        const posted: { id: string; reversed: boolean }[] = [];

        for (const op of ops) {
          if (op.kind === 'post') {
            const drafts = draftsOf(op);
            const entry = await tx.run((em) => ledger.post(em, { programmeId, valueDate: op.date, kind: 'TEST', description: 'property', lines: drafts }));
            posted.push({ id: entry.id, reversed: false });
            expect(entry.lines).toHaveLength(drafts.length);
            for (const d of drafts) model.push({ account: d.account, debit: d.debit ?? Money.zero(), credit: d.credit ?? Money.zero(), date: op.date });
          } else {
            if (posted.length === 0) continue;
            const target = posted[op.pick % posted.length];
            const reversal = tx.run((em) => ledger.reverse(em, target.id, op.date, 'property reversal'));
            if (target.reversed) {
              // A second reversal of one entry is refused and changes nothing.
              await expect(reversal).rejects.toMatchObject({ code: 'LEDGER_ENTRY_ALREADY_REVERSED' });
            } else {
              const entry = await reversal;
              target.reversed = true;
              posted.push({ id: entry.id, reversed: false });
              for (const l of entry.lines ?? []) model.push({ account: l.accountCode, debit: l.debit, credit: l.credit, date: op.date });
            }
          }
          await expectTrialBalanceMatches(programmeId, model, LAST_DATE);
        }
        // Value dates are honoured: as of each earlier date only the lines dated on or before it count.
        for (const asOf of ['2026-01-01', ...DATES]) await expectTrialBalanceMatches(programmeId, model, asOf);
      }),
      { numRuns: 30 },
    );
  }, 180_000);

  it('balances() and trialBalanceFor() read the same numbers as trialBalance()', async () => {
    const programmeId = await newProgramme();
    await capital(programmeId, '2500000.50');
    const b = await ledger.balances(programmeId);
    expect(b[ACCOUNTS.CASH].toString()).toBe('2500000.50');
    expect(b[ACCOUNTS.FUND_CAPITAL].toString()).toBe('2500000.50');
    expect(b[ACCOUNTS.LOANS_RECEIVABLE].toString()).toBe('0.00');
    const tb = await ledger.trialBalanceFor(programmeId, LAST_DATE);
    expect(tb.accounts.find((a) => a.code === ACCOUNTS.CASH)?.balance.toString()).toBe('2500000.50');
  });
});

describe('reversals', () => {
  it('reverse() posts the mirror entry, linked to the original, and the accounts net to zero', async () => {
    const programmeId = await newProgramme();
    const original = await capital(programmeId, '750000.25', 'APBD-REV');
    const reversal = await tx.run((em) => ledger.reverse(em, original.id, DATES[1], 'posted to the wrong programme'));
    expect(reversal).toMatchObject({ kind: 'REVERSAL', reversesEntryId: original.id, reference: 'APBD-REV', programmeId, valueDate: DATES[1] });
    expect(reversal.lines?.map((l) => [l.accountCode, l.debit.toString(), l.credit.toString()]).sort()).toEqual([
      ['1100', '0.00', '750000.25'],
      ['3100', '750000.25', '0.00'],
    ]);
    const b = await ledger.balances(programmeId);
    expect(Object.values(b).every((m) => m.isZero())).toBe(true);
  });

  it('refuses to reverse one entry twice (409 LEDGER_ENTRY_ALREADY_REVERSED) and keeps only the first reversal', async () => {
    const programmeId = await newProgramme();
    const original = await capital(programmeId, '1000.00');
    await tx.run((em) => ledger.reverse(em, original.id, DATES[0], 'first'));
    const second = tx.run((em) => ledger.reverse(em, original.id, DATES[0], 'second'));
    await expect(second).rejects.toMatchObject({ kind: 'CONFLICT', code: 'LEDGER_ENTRY_ALREADY_REVERSED' });
    expect(await count(`SELECT 1 FROM journal_entry WHERE reverses_entry_id = $1`, [original.id])).toBe(1);
    expect(await count(`SELECT 1 FROM journal_entry WHERE programme_id = $1`, [programmeId])).toBe(2);
    const b = await ledger.balances(programmeId);
    expect(b[ACCOUNTS.CASH].toString()).toBe('0.00');
  });

  it('refuses to reverse an entry that does not exist with NOT_FOUND', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(tx.run((em) => ledger.reverse(em, missing, DATES[0], 'x'))).rejects.toMatchObject({ kind: 'NOT_FOUND', code: 'NOT_FOUND' });
  });
});

describe('post() joins the caller transaction', () => {
  it('leaves no entry and no line when the transaction throws after posting', async () => {
    const programmeId = await newProgramme();
    let postedId: string | undefined;
    const failing = tx.run(async (em) => {
      const entry = await ledger.post(em, {
        programmeId,
        valueDate: DATES[0],
        kind: 'DISBURSEMENT',
        description: 'disbursement that fails later',
        reference: 'ROLLED-BACK',
        lines: [
          { account: ACCOUNTS.LOANS_RECEIVABLE, debit: Money.of('5000000') },
          { account: ACCOUNTS.CASH, credit: Money.of('5000000') },
        ],
      });
      postedId = entry.id;
      // Inside the transaction the entry is visible ...
      expect(await em.query(`SELECT count(*)::int AS n FROM journal_line WHERE entry_id = $1`, [entry.id])).toEqual([{ n: 2 }]);
      throw new Error('the bank file could not be written');
    });
    await expect(failing).rejects.toThrow('the bank file could not be written');
    // ... and after the rollback it is gone, lines and all.
    expect(postedId).toBeDefined();
    expect(await count(`SELECT 1 FROM journal_entry WHERE id = $1 OR reference = 'ROLLED-BACK'`, [postedId])).toBe(0);
    expect(await count(`SELECT 1 FROM journal_line WHERE entry_id = $1 OR programme_id = $2`, [postedId, programmeId])).toBe(0);
    const tb = await ledger.trialBalance(programmeId, LAST_DATE);
    expect(tb.totalDebit.isZero()).toBe(true);
  });

  it('a refused entry (domain check) writes nothing and rolls back what the transaction did before', async () => {
    const programmeId = await newProgramme();
    const failing = tx.run(async (em) => {
      await ledger.post(em, {
        programmeId,
        valueDate: DATES[0],
        kind: 'TEST',
        description: 'first, fine',
        lines: [
          { account: ACCOUNTS.CASH, debit: Money.of('10') },
          { account: ACCOUNTS.FUND_CAPITAL, credit: Money.of('10') },
        ],
      });
      return ledger.post(em, {
        programmeId,
        valueDate: DATES[0],
        kind: 'TEST',
        description: 'second, unbalanced',
        lines: [
          { account: ACCOUNTS.CASH, debit: Money.of('10') },
          { account: ACCOUNTS.FUND_CAPITAL, credit: Money.of('9.99') },
        ],
      });
    });
    await expect(failing).rejects.toBeInstanceOf(DomainError);
    await expect(failing).rejects.toMatchObject({ code: 'LEDGER_ENTRY_UNBALANCED' });
    expect(await count(`SELECT 1 FROM journal_entry WHERE programme_id = $1`, [programmeId])).toBe(0);
  });

  it('nested tx.run calls share one transaction: the outer failure undoes the inner post', async () => {
    const programmeId = await newProgramme();
    const failing = tx.run(async () => {
      await tx.run((em) => capitalIn(em, programmeId));
      throw new Error('outer failure');
    });
    await expect(failing).rejects.toThrow('outer failure');
    expect(await count(`SELECT 1 FROM journal_entry WHERE programme_id = $1`, [programmeId])).toBe(0);
  });

  it('lets only one of two simultaneous reversals of an entry through (unique reverses_entry_id)', async () => {
    const programmeId = await newProgramme();
    const original = await capital(programmeId, '2500.00');
    const results = await Promise.allSettled([
      tx.run((em) => ledger.reverse(em, original.id, DATES[0], 'clerk A')),
      tx.run((em) => ledger.reverse(em, original.id, DATES[0], 'clerk B')),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await count(`SELECT 1 FROM journal_entry WHERE reverses_entry_id = $1`, [original.id])).toBe(1);
  });

  it('refuses at commit an entry with no lines, or with a line off its programme or value date', async () => {
    const programmeId = await newProgramme();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO journal_entry (programme_id, value_date, kind, description) VALUES ($1, '2026-01-05', 'TEST', 'empty')`, [programmeId]);
      await expect(client.query('COMMIT')).rejects.toMatchObject({ code: '23514' });
      await client.query('BEGIN');
      const [{ id }] = (
        await client.query(`INSERT INTO journal_entry (programme_id, value_date, kind, description) VALUES ($1, '2026-01-05', 'TEST', 'stray') RETURNING id`, [programmeId])
      ).rows;
      await client.query(
        `INSERT INTO journal_line (entry_id, programme_id, value_date, entry_kind, account_code, debit, credit)
         VALUES ($1, $2, '2026-01-05', 'TEST', '1100', 10, 0), ($1, $2, '2026-01-06', 'TEST', '3100', 0, 10)`,
        [id, programmeId],
      );
      await expect(client.query('COMMIT')).rejects.toMatchObject({ code: '23514' });
    } finally {
      await client.end();
    }
    expect(await count(`SELECT 1 FROM journal_entry WHERE programme_id = $1`, [programmeId])).toBe(0);
  });
});

function capitalIn(em: Parameters<Parameters<TransactionRunner['run']>[0]>[0], programmeId: string): Promise<JournalEntry> {
  return ledger.post(em, {
    programmeId,
    valueDate: DATES[0],
    kind: 'FUND_CAPITAL',
    description: 'nested',
    lines: [
      { account: ACCOUNTS.CASH, debit: Money.of('1') },
      { account: ACCOUNTS.FUND_CAPITAL, credit: Money.of('1') },
    ],
  });
}
