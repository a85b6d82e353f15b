// Money conservation, checked over the whole database set-based (issue 11 item 1). One call reads
// every rule below in one REPEATABLE READ snapshot and returns each violation it finds (none: []).
// The reliability suite calls it after every scenario, the model test after every few steps.
//
// The chart (libs/ledger chart-of-accounts): 1100 cash, 1200 loans receivable, 1210 late fees
// receivable, 1900 suspense (credit-balanced: Dr 1100 / Cr 1900 for a credit nobody claims),
// 2100 borrower credits, 3100 fund capital, 4100 late fee income, 5100 loan losses. Each ledger
// account is checked against the rows that the business tables say it must hold, so a service that
// moves one without the other shows up here even though every entry balances.
// Not a rule here: "available cash (cash - pending orders) never below zero". A reversal of a bounced
// repayment takes cash back whatever was ordered since, by design (the money never arrived), so the
// books can legitimately hold more orders than cash; that orders alone never over-commit the fund is
// checked where it can be, by the model (each order against its own available cash) and the concurrency
// race. Confirmation checks cash and refunds the available cash, so neither takes it below zero.
// INVARIANTS_PROFILE=1 prints each rule's time (the whole check takes a few ms on a test database).
import type { DataSource, EntityManager } from 'typeorm';

export interface InvariantViolation {
  /** The rule's name (stable: the detection spec asserts on it). */
  rule: string;
  programmeId: string | null;
  /** What broke it: an entry, loan, installment or transaction id. */
  subject: string | null;
  /** What the rule expected and what the database holds. */
  expected: string | null;
  actual: string | null;
}

interface Rule {
  name: string;
  /** Returns rows of (programme_id, subject, expected, actual); $1 is the programme filter or null. */
  sql: string;
}

// $1: the programme to check, or null for every programme.
const P = (alias: string) => `($1::uuid IS NULL OR ${alias}.programme_id = $1::uuid)`;

/** Net debit balance (debit - credit) per programme and account. */
const BALANCES = `
  SELECT p.id AS programme_id, a.code,
         coalesce((SELECT sum(l.debit) - sum(l.credit) FROM journal_line l WHERE l.programme_id = p.id AND l.account_code = a.code), 0) AS net
    FROM programme p CROSS JOIN ledger_account a`;

/** Late fees that a committed close-of-day partition assessed on installments but whose day has not yet posted them (Dr 1210 / Cr 4100 at the day's end). */
const PENDING_LATE_FEES = `
  SELECT f.key::uuid AS programme_id, sum(f.value::numeric) AS amount
    FROM close_of_day_partition cp
    JOIN close_of_day_day d ON d.day = cp.day AND d.status = 'RUNNING'
    CROSS JOIN LATERAL jsonb_each_text(cp.late_fees) f
   WHERE cp.status = 'COMPLETED'
   GROUP BY f.key`;

/**
 * A ledger account's balance per programme (debit-normal: net; credit-normal: -net) against what the
 * business rows say it must hold: `expected` is an SQL expression of `p.id`, with the late fees a
 * closing day has not posted yet as `pending` when asked for.
 */
const ACCOUNT_SQL = (code: string, side: 'debit' | 'credit', expected: string, { pending = false } = {}) => `
      WITH b AS (${BALANCES})${pending ? `, pending AS (${PENDING_LATE_FEES})` : ''}, s AS (
        SELECT p.id AS programme_id, ${expected} AS expected,
               (SELECT ${side === 'credit' ? '-net' : 'net'} FROM b WHERE b.programme_id = p.id AND b.code = '${code}') AS actual
          FROM programme p)
      SELECT programme_id, null AS subject, expected::text, actual::text FROM s WHERE ${P('s')} AND expected <> actual`;

/** Each loan's live repayments (not reversed): what they paid, by part. */
const LIVE_REPAYMENTS = `
  SELECT loan_id, sum(principal) AS principal, sum(late_fee) AS late_fee, sum(overpayment) AS overpayment
    FROM loan_transaction WHERE kind = 'REPAYMENT' AND reversal_transaction_id IS NULL GROUP BY loan_id`;

const RULES: Rule[] = [
  {
    name: 'ENTRY_UNBALANCED',
    sql: `
      SELECT e.programme_id, e.id::text AS subject, coalesce(sum(l.debit), 0)::text AS expected, coalesce(sum(l.credit), 0)::text AS actual
        FROM journal_entry e LEFT JOIN journal_line l ON l.entry_id = e.id
       WHERE ${P('e')}
       GROUP BY e.id, e.programme_id
      HAVING coalesce(sum(l.debit), 0) <> coalesce(sum(l.credit), 0) OR count(l.id) < 2
          OR count(*) FILTER (WHERE l.programme_id <> e.programme_id OR l.value_date <> e.value_date) > 0`,
  },
  {
    // Each line carries its entry's kind (migration 1800), which the portfolio report selects repaid lines by.
    name: 'LINE_KIND_MATCHES_ENTRY',
    sql: `
      SELECT l.programme_id, l.id::text AS subject, e.kind AS expected, l.entry_kind AS actual
        FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
       WHERE ${P('l')} AND l.entry_kind IS DISTINCT FROM e.kind`,
  },
  {
    name: 'LEDGER_UNBALANCED',
    sql: `
      SELECT l.programme_id, null AS subject, sum(l.debit)::text AS expected, sum(l.credit)::text AS actual
        FROM journal_line l WHERE ${P('l')} GROUP BY l.programme_id HAVING sum(l.debit) <> sum(l.credit)`,
  },
  {
    // The issue's identity: capital = cash + loans + late fees receivable + losses - credits - late fee income - suspense.
    // 1900 is credit-balanced, so "- suspense" is its credit balance, i.e. + its net debit.
    name: 'FUND_CAPITAL_IDENTITY',
    sql: `
      WITH b AS (${BALANCES}), per AS (
        SELECT programme_id,
               -sum(net) FILTER (WHERE code = '3100') AS capital,
               sum(net) FILTER (WHERE code IN ('1100','1200','1210','5100','1900'))
                 + sum(net) FILTER (WHERE code IN ('2100','4100')) AS identity
          FROM b GROUP BY programme_id)
      SELECT per.programme_id, null AS subject, per.capital::text AS expected, per.identity::text AS actual
        FROM per WHERE ${P('per')} AND per.capital <> per.identity`,
  },
  {
    // Cash at bank from the business rows: capital in, loans out, repayments in (a reversed one came in
    // and went out again), reversals, refunds and returned suspense out, recoveries and suspense in.
    name: 'CASH_MATCHES_MOVEMENTS',
    sql: `
      WITH b AS (${BALANCES}), moves AS (
        SELECT p.id AS programme_id,
               (SELECT -net FROM b WHERE b.programme_id = p.id AND b.code = '3100')
               - coalesce((SELECT sum(principal) FROM loan WHERE programme_id = p.id), 0)
               + coalesce((SELECT sum(CASE kind WHEN 'REPAYMENT' THEN amount ELSE -amount END) FROM loan_transaction WHERE programme_id = p.id), 0)
               + coalesce((SELECT sum(amount) FROM loan_recovery WHERE programme_id = p.id), 0)
               + coalesce((SELECT sum(amount) FROM bank_statement_line WHERE programme_id = p.id AND suspense_entry_id IS NOT NULL), 0)
               - coalesce((SELECT sum(amount) FROM bank_statement_line WHERE programme_id = p.id AND resolution IS NOT NULL), 0) AS expected,
               (SELECT net FROM b WHERE b.programme_id = p.id AND b.code = '1100') AS actual
          FROM programme p)
      SELECT programme_id, null AS subject, expected::text, actual::text FROM moves WHERE ${P('moves')} AND expected <> actual`,
  },
  {
    name: 'LOANS_RECEIVABLE_MATCHES_LOANS',
    sql: ACCOUNT_SQL('1200', 'debit',
      `coalesce((SELECT sum(outstanding_principal) FROM loan WHERE programme_id = p.id), 0)`),
  },
  {
    // Each loan's share of 1200: the lines of the entries that name it (booking, write-off, replay
    // adjustments) or that its transactions carry (repayments, reversals).
    name: 'LOAN_SHARE_OF_1200',
    sql: `
      WITH share AS (
        SELECT x.loan_id, sum(l.debit - l.credit) AS net
          FROM (SELECT e.id AS entry_id, e.source_id::uuid AS loan_id FROM journal_entry e WHERE e.source_type = 'loan'
                UNION SELECT t.journal_entry_id, t.loan_id FROM loan_transaction t) x
          JOIN journal_line l ON l.entry_id = x.entry_id AND l.account_code = '1200'
         GROUP BY x.loan_id)
      SELECT l.programme_id, l.id::text AS subject, l.outstanding_principal::text AS expected, coalesce(s.net, 0)::text AS actual
        FROM loan l LEFT JOIN share s ON s.loan_id = l.id
       WHERE ${P('l')} AND l.outstanding_principal <> coalesce(s.net, 0)`,
  },
  {
    name: 'UNATTRIBUTED_1200_LINE',
    sql: `
      SELECT l.programme_id, e.id::text AS subject, 'a loan' AS expected, coalesce(e.source_type, 'none') || ':' || coalesce(e.source_id, '') AS actual
        FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id
       WHERE ${P('l')} AND l.account_code = '1200'
         AND NOT (e.source_type = 'loan' AND EXISTS (SELECT 1 FROM loan WHERE id::text = e.source_id))
         AND NOT EXISTS (SELECT 1 FROM loan_transaction t WHERE t.journal_entry_id = e.id)`,
  },
  {
    // 1210: late fees charged on current installments and not paid, of loans still on the books,
    // less what committed partitions of a day still closing assessed (posted when the day completes).
    name: 'LATE_FEES_RECEIVABLE_MATCHES_INSTALLMENTS',
    sql: ACCOUNT_SQL('1210', 'debit',
      `coalesce((SELECT sum(i.late_fee_due - i.late_fee_paid) FROM loan_installment i JOIN loan ln ON ln.id = i.loan_id
        WHERE ln.programme_id = p.id AND ln.status <> 'WRITTEN_OFF' AND i.superseded_at IS NULL), 0)
        - coalesce((SELECT amount FROM pending WHERE pending.programme_id = p.id), 0)`, { pending: true }),
  },
  {
    // 4100: every late fee ever assessed. A reschedule moves a row's unpaid fee onto the new schedule,
    // so it counts once: current rows' fees due plus superseded rows' fees paid.
    name: 'LATE_FEE_INCOME_MATCHES_ASSESSED',
    sql: ACCOUNT_SQL('4100', 'credit',
      `coalesce((SELECT sum(CASE WHEN i.superseded_at IS NULL THEN i.late_fee_due ELSE i.late_fee_paid END)
        FROM loan_installment i JOIN loan ln ON ln.id = i.loan_id WHERE ln.programme_id = p.id), 0)
        - coalesce((SELECT amount FROM pending WHERE pending.programme_id = p.id), 0)`, { pending: true }),
  },
  {
    name: 'BORROWER_CREDITS_MATCH_LOANS',
    sql: ACCOUNT_SQL('2100', 'credit',
      `coalesce((SELECT sum(credit_balance) FROM loan WHERE programme_id = p.id), 0)`),
  },
  {
    name: 'SUSPENSE_MATCHES_OPEN_LINES',
    sql: ACCOUNT_SQL('1900', 'credit',
      `coalesce((SELECT sum(amount) FROM bank_statement_line WHERE programme_id = p.id AND suspense_entry_id IS NOT NULL AND resolution IS NULL), 0)`),
  },
  {
    name: 'LOAN_LOSSES_MATCH_WRITE_OFFS',
    sql: ACCOUNT_SQL('5100', 'debit',
      `coalesce((SELECT sum(coalesce(written_off_amount, 0) - recovered_amount) FROM loan WHERE programme_id = p.id), 0)`),
  },
  {
    name: 'RECOVERED_MATCHES_RECOVERIES',
    sql: `
      SELECT l.programme_id, l.id::text AS subject, coalesce(r.total, 0)::text AS expected, l.recovered_amount::text AS actual
        FROM loan l LEFT JOIN (SELECT loan_id, sum(amount) AS total FROM loan_recovery GROUP BY loan_id) r ON r.loan_id = l.id
       WHERE ${P('l')} AND l.recovered_amount <> coalesce(r.total, 0)`,
  },
  {
    name: 'WRITE_OFF_MATCHES_LOAN',
    sql: `
      SELECT l.programme_id, l.id::text AS subject, coalesce(w.principal + w.late_fees, 0)::text AS expected, coalesce(l.written_off_amount, 0)::text AS actual
        FROM loan l LEFT JOIN loan_write_off w ON w.loan_id = l.id
       WHERE ${P('l')} AND ((l.status = 'WRITTEN_OFF') <> (w.loan_id IS NOT NULL) OR coalesce(w.principal + w.late_fees, 0) <> coalesce(l.written_off_amount, 0))`,
  },
  {
    // principal - live repayments' principal - principal written off.
    name: 'OUTSTANDING_MATCHES_REPAYMENTS',
    sql: `
      WITH live AS (${LIVE_REPAYMENTS})
      SELECT l.programme_id, l.id::text AS subject,
             (l.principal - coalesce(r.principal, 0) - coalesce(w.principal, 0))::text AS expected, l.outstanding_principal::text AS actual
        FROM loan l LEFT JOIN live r ON r.loan_id = l.id LEFT JOIN loan_write_off w ON w.loan_id = l.id
       WHERE ${P('l')} AND l.outstanding_principal <> l.principal - coalesce(r.principal, 0) - coalesce(w.principal, 0)`,
  },
  {
    // The schedule carries the principal: current rows' principal due plus what superseded rows had been paid.
    name: 'INSTALLMENTS_SUM_TO_PRINCIPAL',
    sql: `
      SELECT l.programme_id, l.id::text AS subject, l.principal::text AS expected,
             coalesce(sum(CASE WHEN i.superseded_at IS NULL THEN i.principal_due ELSE i.principal_paid END), 0)::text AS actual
        FROM loan l LEFT JOIN loan_installment i ON i.loan_id = l.id
       WHERE ${P('l')}
       GROUP BY l.id
      HAVING l.principal <> coalesce(sum(CASE WHEN i.superseded_at IS NULL THEN i.principal_due ELSE i.principal_paid END), 0)`,
  },
  {
    // Unpaid principal on the current schedule is what the loan still owes (plus, once written off, what was written off: the claim stays).
    name: 'SCHEDULE_MATCHES_OUTSTANDING',
    sql: `
      SELECT l.programme_id, l.id::text AS subject, (l.outstanding_principal + coalesce(w.principal, 0))::text AS expected,
             coalesce(sum(i.principal_due - i.principal_paid), 0)::text AS actual
        FROM loan l LEFT JOIN loan_installment i ON i.loan_id = l.id AND i.superseded_at IS NULL LEFT JOIN loan_write_off w ON w.loan_id = l.id
       WHERE ${P('l')}
       GROUP BY l.id, w.principal
      HAVING l.outstanding_principal + coalesce(w.principal, 0) <> coalesce(sum(i.principal_due - i.principal_paid), 0)`,
  },
  {
    // What days past due are counted from: the earliest due date still unpaid on the current schedule.
    // Repayments set it themselves (insertTransaction) and the trigger only corrects it (migration 1900).
    name: 'OLDEST_UNPAID_MATCHES_SCHEDULE',
    sql: `
      SELECT l.programme_id, l.id::text AS subject, coalesce(min(i.due_date)::text, 'none') AS expected, coalesce(l.oldest_unpaid_due_date::text, 'none') AS actual
        FROM loan l LEFT JOIN loan_installment i ON i.loan_id = l.id AND i.payment_status <> 'PAID' AND i.superseded_at IS NULL
       WHERE ${P('l')}
       GROUP BY l.id
      HAVING l.oldest_unpaid_due_date IS DISTINCT FROM min(i.due_date)`,
  },
  {
    name: 'LOAN_STATUS_MATCHES_BALANCE',
    sql: `
      SELECT l.programme_id, l.id::text AS subject, l.status AS expected, l.outstanding_principal::text AS actual
        FROM loan l
       WHERE ${P('l')} AND ((l.status = 'ACTIVE' AND l.outstanding_principal <= 0) OR (l.status <> 'ACTIVE' AND l.outstanding_principal <> 0))`,
  },
  {
    // An installment's paid amounts are what live repayments allocated to it: a reversed repayment's
    // allocation does not count, and no live one counts twice.
    name: 'INSTALLMENT_PAID_MATCHES_ALLOCATIONS',
    sql: `
      WITH a AS (
        SELECT ra.installment_id, sum(ra.principal) AS principal, sum(ra.late_fee) AS late_fee
          FROM repayment_allocation ra JOIN loan_transaction t ON t.id = ra.transaction_id
         WHERE t.kind = 'REPAYMENT' AND t.reversal_transaction_id IS NULL GROUP BY ra.installment_id)
      SELECT l.programme_id, i.id::text AS subject, coalesce(a.principal, 0) || '/' || coalesce(a.late_fee, 0) AS expected, i.principal_paid || '/' || i.late_fee_paid AS actual
        FROM loan_installment i JOIN loan l ON l.id = i.loan_id LEFT JOIN a ON a.installment_id = i.id
       WHERE ${P('l')} AND (i.principal_paid <> coalesce(a.principal, 0) OR i.late_fee_paid <> coalesce(a.late_fee, 0))`,
  },
  {
    // A repayment's stored split is the sum of its allocation rows, each on an installment of its own loan.
    name: 'TRANSACTION_SPLIT_MATCHES_ALLOCATIONS',
    sql: `
      SELECT t.programme_id, t.id::text AS subject, t.principal || '/' || t.late_fee AS expected,
             coalesce(sum(ra.principal), 0) || '/' || coalesce(sum(ra.late_fee), 0) || ' foreign:' || count(*) FILTER (WHERE i.loan_id <> t.loan_id OR ra.loan_id <> t.loan_id) AS actual
        FROM loan_transaction t
        LEFT JOIN repayment_allocation ra ON ra.transaction_id = t.id LEFT JOIN loan_installment i ON i.id = ra.installment_id
       WHERE ${P('t')} AND t.kind = 'REPAYMENT'
       GROUP BY t.id
      HAVING t.principal <> coalesce(sum(ra.principal), 0) OR t.late_fee <> coalesce(sum(ra.late_fee), 0)
          OR count(*) FILTER (WHERE i.loan_id <> t.loan_id OR ra.loan_id <> t.loan_id) > 0`,
  },
  {
    // Only repayments are allocated: a reversal or refund with allocation rows would pay twice.
    name: 'ALLOCATION_ON_NON_REPAYMENT',
    sql: `
      SELECT t.programme_id, t.id::text AS subject, 'none' AS expected, count(*)::text AS actual
        FROM repayment_allocation ra JOIN loan_transaction t ON t.id = ra.transaction_id
       WHERE ${P('t')} AND t.kind <> 'REPAYMENT' GROUP BY t.id, t.programme_id`,
  },
  {
    name: 'CREDIT_BALANCE_MATCHES_OVERPAYMENTS',
    sql: `
      WITH live AS (${LIVE_REPAYMENTS}),
           refunds AS (SELECT loan_id, sum(amount) AS amount FROM loan_transaction WHERE kind = 'REFUND' GROUP BY loan_id)
      SELECT l.programme_id, l.id::text AS subject, (coalesce(r.overpayment, 0) - coalesce(f.amount, 0))::text AS expected, l.credit_balance::text AS actual
        FROM loan l LEFT JOIN live r ON r.loan_id = l.id LEFT JOIN refunds f ON f.loan_id = l.id
       WHERE ${P('l')} AND l.credit_balance <> coalesce(r.overpayment, 0) - coalesce(f.amount, 0)`,
  },
  {
    // A reversal mirrors the repayment it undoes, and the two point at each other.
    name: 'REVERSAL_MIRRORS_REPAYMENT',
    sql: `
      SELECT v.programme_id, v.id::text AS subject, r.amount || '/' || r.principal || '/' || r.late_fee || '/' || r.overpayment || ' ' || coalesce(r.reversal_transaction_id::text, 'unlinked') AS expected,
             v.amount || '/' || v.principal || '/' || v.late_fee || '/' || v.overpayment || ' ' || v.id AS actual
        FROM loan_transaction v JOIN loan_transaction r ON r.id = v.reverses_transaction_id
       WHERE ${P('v')} AND v.kind = 'REVERSAL'
         AND (r.kind <> 'REPAYMENT' OR r.loan_id <> v.loan_id OR r.reversal_transaction_id IS DISTINCT FROM v.id
              OR (r.amount, r.principal, r.late_fee, r.overpayment) <> (v.amount, v.principal, v.late_fee, v.overpayment))`,
  },
  {
    name: 'TRANSACTION_CASH_LINE',
    sql: `
      SELECT t.programme_id, t.id::text AS subject, t.kind || ' ' || t.amount AS expected,
             coalesce(sum(l.debit - l.credit) FILTER (WHERE l.account_code = '1100'), 0)::text AS actual
        FROM loan_transaction t LEFT JOIN journal_line l ON l.entry_id = t.journal_entry_id
       WHERE ${P('t')}
       GROUP BY t.id
      HAVING coalesce(sum(l.debit - l.credit) FILTER (WHERE l.account_code = '1100'), 0) <> CASE t.kind WHEN 'REPAYMENT' THEN t.amount ELSE -t.amount END`,
  },
  {
    // One journal entry per loan transaction and one transaction per entry: a retried request posts once.
    name: 'TRANSACTION_POSTED_ONCE',
    sql: `
      SELECT e.programme_id, e.source_id AS subject, '1' AS expected, count(*)::text AS actual
        FROM journal_entry e WHERE ${P('e')} AND e.source_type = 'loan_transaction' GROUP BY e.programme_id, e.source_id HAVING count(*) > 1
      UNION ALL
      SELECT t.programme_id, t.journal_entry_id::text, '1', count(*)::text
        FROM loan_transaction t WHERE ${P('t')} GROUP BY t.programme_id, t.journal_entry_id HAVING count(*) > 1`,
  },
  {
    // A bank line books at most one thing, and a transaction or recovery comes from at most one line.
    name: 'BANK_LINE_BOOKED_ONCE',
    sql: `
      SELECT b.programme_id, b.loan_transaction_id::text AS subject, '1' AS expected, count(*)::text AS actual
        FROM bank_statement_line b WHERE ${P('b')} AND b.loan_transaction_id IS NOT NULL GROUP BY b.programme_id, b.loan_transaction_id HAVING count(*) > 1
      UNION ALL
      SELECT b.programme_id, b.loan_recovery_id::text, '1', count(*)::text
        FROM bank_statement_line b WHERE ${P('b')} AND b.loan_recovery_id IS NOT NULL GROUP BY b.programme_id, b.loan_recovery_id HAVING count(*) > 1`,
  },
  {
    // A loan is booked from exactly one confirmed disbursement of its amount, with one booking entry of its principal.
    name: 'LOAN_BOOKED_ONCE',
    sql: `
      SELECT l.programme_id, l.id::text AS subject, l.principal::text || ' x1' AS expected,
             coalesce(string_agg(DISTINCT d.amount::text || '/' || d.status, ','), 'no disbursement') || ' entries:' ||
             (SELECT count(*) FROM journal_entry e WHERE e.source_type = 'loan' AND e.source_id = l.id::text AND e.kind = 'DISBURSEMENT') AS actual
        FROM loan l LEFT JOIN disbursement d ON d.loan_id = l.id
       WHERE ${P('l')}
       GROUP BY l.id
      HAVING count(d.id) <> 1 OR bool_or(d.status <> 'DISBURSED' OR d.amount <> l.principal)
          OR (SELECT count(*) FROM journal_entry e WHERE e.source_type = 'loan' AND e.source_id = l.id::text AND e.kind = 'DISBURSEMENT') <> 1`,
  },
  {
    // A day's late fees are posted once per programme (a resumed close must not post them again).
    name: 'LATE_FEES_POSTED_ONCE_PER_DAY',
    sql: `
      SELECT e.programme_id, e.source_id AS subject, '1' AS expected, count(*)::text AS actual
        FROM journal_entry e WHERE ${P('e')} AND e.kind = 'LATE_FEE_ASSESSMENT' AND e.reverses_entry_id IS NULL
       GROUP BY e.programme_id, e.source_id HAVING count(*) > 1`,
  },
];

/** The rules' names, for specs that want to show which rules a scenario exercised. */
export const INVARIANT_RULES = RULES.map((r) => r.name);

type Queryable = Pick<EntityManager, 'query'>;

/**
 * Every violation of the money rules in the database (all programmes, or one). A DataSource is read in
 * one REPEATABLE READ, read-only transaction, so a check taken under load sees one consistent state;
 * an EntityManager (a transaction of the caller's) is read as it is.
 */
export async function checkInvariants(source: DataSource | EntityManager, programmeId?: string): Promise<InvariantViolation[]> {
  if ('createQueryRunner' in source) {
    const runner = source.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        return await runRules(runner, programmeId);
      } finally {
        await runner.query('ROLLBACK');
      }
    } finally {
      await runner.release();
    }
  }
  return runRules(source, programmeId);
}

async function runRules(q: Queryable, programmeId?: string): Promise<InvariantViolation[]> {
  const out: InvariantViolation[] = [];
  // These plans are estimated dear on small tables: compiling them (JIT) costs more than running them (500 ms).
  await q.query('SET LOCAL jit = off');
  for (const rule of RULES) {
    const started = Date.now();
    const rows = (await q.query(rule.sql, [programmeId ?? null])) as { programme_id: string | null; subject: string | null; expected: string | null; actual: string | null }[];
    if (process.env.INVARIANTS_PROFILE) console.log(`${rule.name} ${Date.now() - started} ms`);
    for (const r of rows) out.push({ rule: rule.name, programmeId: r.programme_id, subject: r.subject, expected: r.expected, actual: r.actual });
  }
  return out;
}

/** A readable list for a failing assertion. */
export function describeViolations(violations: InvariantViolation[]): string {
  return violations.map((v) => `${v.rule} programme=${v.programmeId} subject=${v.subject} expected=${v.expected} actual=${v.actual}`).join('\n');
}
