// The load benchmark's portfolio (issue 10 item 1): N loans across Bangkalan's 18 kecamatan and six
// sectors, some paid ahead, one in five in arrears, one in ten closed, with the ledger and the repayment
// history that a real book of that shape would hold -- all in set-based SQL, no HTTP call per loan.
//
// The loans and schedules come from close-of-day.bench.ts's seedPortfolio (one generator, not two);
// this adds what the read and write paths under load touch: CLOSED loans, each loan's disbursement
// entry, one past repayment per loan that paid anything (transaction, allocations and journal entry),
// the fund's capital, a finance user and borrower users. Balances are checked at the end: the trial
// balance must equal the loans' outstanding principal and the cash the book implies.
import pg from 'pg';
import { seedPortfolio } from '../close-of-day.bench.js';

export interface LoadPortfolio {
  programmeId: string;
  financeUserId: string;
  /** Borrower users (username = `peminjam-<n>`) with one of their ACTIVE loans each, for the read path. */
  borrowers: { userId: string; loanId: string }[];
  /** ACTIVE loans with at least one unpaid installment, for the write path (each posted to once). */
  activeLoanIds: string[];
  loans: number;
  installments: number;
  journalLines: number;
}

export interface GenerateOptions {
  loans: number;
  businessDate: string;
  /** How many borrowers get a login (the read path's distinct callers). */
  borrowerUsers: number;
  /** Every n-th loan is paid in full and CLOSED (default 10). */
  closedEvery?: number;
}

/** Runs `sql` with the two deferred balance triggers off: they would re-check 300,000 entries one by one; checkBooks does it once. */
async function withoutBalanceTriggers(q: (sql: string, p?: unknown[]) => Promise<unknown[]>, work: () => Promise<void>): Promise<void> {
  await q(`ALTER TABLE journal_line DISABLE TRIGGER journal_line_balanced; ALTER TABLE journal_entry DISABLE TRIGGER journal_entry_has_lines`);
  try {
    await work();
  } finally {
    await q(`ALTER TABLE journal_line ENABLE TRIGGER journal_line_balanced; ALTER TABLE journal_entry ENABLE TRIGGER journal_entry_has_lines`);
  }
}

export async function generatePortfolio(client: pg.Client, opts: GenerateOptions): Promise<LoadPortfolio> {
  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => (await client.query(sql, params)).rows as T[];
  const { programmeId } = await seedPortfolio(client, { loans: opts.loans, businessDate: opts.businessDate });
  const closedEvery = opts.closedEvery ?? 10;

  // CLOSED: every n-th loan not in arrears (seedPortfolio's arrears are every 5th), paid in full on its due dates
  // (only those disbursed long enough ago for that to be plausible are paid early, on the business date).
  await q(`ALTER TABLE loan_installment DISABLE TRIGGER loan_installment_oldest_unpaid_change`);
  await q(
    `UPDATE loan_installment i SET principal_paid = principal_due, paid_on = least(i.due_date, $2::date - 1)
       FROM loan l WHERE l.id = i.loan_id AND right(l.number, 9)::int % $1 = 3 AND i.payment_status <> 'PAID'`,
    [closedEvery, opts.businessDate],
  );
  await q(`ALTER TABLE loan_installment ENABLE TRIGGER loan_installment_oldest_unpaid_change`);
  await q(
    `UPDATE loan SET status = 'CLOSED', outstanding_principal = 0, oldest_unpaid_due_date = NULL WHERE right(number, 9)::int % $1 = 3`,
    [closedEvery],
  );

  const [{ id: financeUserId }] = await q<{ id: string }>(
    `INSERT INTO app_user (username, password_hash, full_name, roles) VALUES ('bendahara-load', 'not-a-hash', 'Bendahara (load)', '{finance}') RETURNING id`,
  );

  await withoutBalanceTriggers(q, async () => {
    const [{ total }] = await q<{ total: string }>(`SELECT sum(principal)::text AS total FROM loan`);
    const [{ first }] = await q<{ first: string }>(`SELECT (min(disbursed_on) - 1)::text AS first FROM loan`);
    // The APBD capital: every loan's principal plus a margin, paid in before the first disbursement.
    const [{ id: capitalId }] = await q<{ id: string }>(
      `INSERT INTO journal_entry (programme_id, value_date, kind, description, reference) VALUES ($1, $2, 'FUND_CAPITAL', 'Fund capital (APBD) SP2D load', 'SP2D load') RETURNING id`,
      [programmeId, first],
    );
    await q(
      `INSERT INTO journal_line (entry_id, programme_id, value_date, entry_kind, account_code, debit, credit)
       VALUES ($1, $2, $3, 'FUND_CAPITAL', '1100', $4::numeric + 1000000000, 0), ($1, $2, $3, 'FUND_CAPITAL', '3100', 0, $4::numeric + 1000000000)`,
      [capitalId, programmeId, first, total],
    );
    // Disbursements: Dr 1200 / Cr 1100 per loan, on its disbursement date, as LoansService.book posts them.
    await q(`CREATE TEMP TABLE load_entry AS SELECT id AS loan_id, gen_random_uuid() AS entry_id, gen_random_uuid() AS tx_id, gen_random_uuid() AS repay_entry_id FROM loan`);
    await q(
      `INSERT INTO journal_entry (id, programme_id, value_date, kind, description, reference, source_type, source_id)
       SELECT e.entry_id, l.programme_id, l.disbursed_on, 'DISBURSEMENT', 'Loan ' || l.number || ' disbursed (load)', 'DSB-' || l.number, 'loan', l.id::text
         FROM loan l JOIN load_entry e ON e.loan_id = l.id ORDER BY l.disbursed_on`,
    );
    await q(
      `INSERT INTO journal_line (entry_id, programme_id, value_date, entry_kind, account_code, debit, credit)
       SELECT e.entry_id, l.programme_id, l.disbursed_on, 'DISBURSEMENT', a.code, CASE WHEN a.code = '1200' THEN l.principal ELSE 0 END, CASE WHEN a.code = '1100' THEN l.principal ELSE 0 END
         FROM loan l JOIN load_entry e ON e.loan_id = l.id CROSS JOIN (VALUES ('1200'), ('1100')) a(code)`,
    );
    // One past repayment per loan that paid anything: the sum of what it paid, on the latest date it paid.
    await q(
      `CREATE TEMP TABLE load_paid AS
       SELECT i.loan_id, sum(i.principal_paid) AS paid, max(i.paid_on) AS value_date FROM loan_installment i WHERE i.principal_paid > 0 GROUP BY i.loan_id`,
    );
    await q(
      `INSERT INTO journal_entry (id, programme_id, value_date, kind, description, reference, source_type, source_id)
       SELECT e.repay_entry_id, l.programme_id, p.value_date, 'REPAYMENT', 'Repayment on loan ' || l.number || ' (VA load)', 'load', 'loan_transaction', e.tx_id::text
         FROM load_paid p JOIN loan l ON l.id = p.loan_id JOIN load_entry e ON e.loan_id = l.id ORDER BY p.value_date`,
    );
    await q(
      `INSERT INTO journal_line (entry_id, programme_id, value_date, entry_kind, account_code, debit, credit)
       SELECT e.repay_entry_id, l.programme_id, p.value_date, 'REPAYMENT', a.code, CASE WHEN a.code = '1100' THEN p.paid ELSE 0 END, CASE WHEN a.code = '1200' THEN p.paid ELSE 0 END
         FROM load_paid p JOIN loan l ON l.id = p.loan_id JOIN load_entry e ON e.loan_id = l.id CROSS JOIN (VALUES ('1100'), ('1200')) a(code)`,
    );
    await q(
      `INSERT INTO loan_transaction (id, loan_id, programme_id, kind, amount, value_date, channel, reference, principal, journal_entry_id, created_by)
       SELECT e.tx_id, l.id, l.programme_id, 'REPAYMENT', p.paid, p.value_date, 'VA', 'load', p.paid, e.repay_entry_id, $1
         FROM load_paid p JOIN loan l ON l.id = p.loan_id JOIN load_entry e ON e.loan_id = l.id ORDER BY p.value_date`,
      [financeUserId],
    );
    await q(
      `INSERT INTO repayment_allocation (transaction_id, installment_id, loan_id, installment_number, principal, late_fee)
       SELECT e.tx_id, i.id, i.loan_id, i.number, i.principal_paid, 0
         FROM loan_installment i JOIN load_entry e ON e.loan_id = i.loan_id WHERE i.principal_paid > 0`,
    );
    await q(`DROP TABLE load_entry; DROP TABLE load_paid`);
  });

  // Borrower logins for the read path: the first borrowers (by loan number) with an ACTIVE loan.
  const borrowers = await q<{ userId: string; loanId: string }>(
    `WITH picked AS (
       SELECT DISTINCT ON (l.borrower_id) l.borrower_id, l.id AS loan_id, l.number FROM loan l
        WHERE l.status = 'ACTIVE' ORDER BY l.borrower_id, l.number),
     firsts AS (SELECT * FROM picked ORDER BY number LIMIT $1),
     users AS (
       INSERT INTO app_user (username, password_hash, full_name, roles, borrower_id)
       SELECT 'peminjam-' || right(f.number, 9)::int, 'not-a-hash', 'Peminjam ' || right(f.number, 9)::int, '{borrower}', f.borrower_id FROM firsts f
       RETURNING id, borrower_id)
     SELECT u.id AS "userId", f.loan_id AS "loanId" FROM users u JOIN firsts f ON f.borrower_id = u.borrower_id`,
    [opts.borrowerUsers],
  );
  const active = await q<{ id: string }>(
    `SELECT id FROM loan WHERE status = 'ACTIVE' AND oldest_unpaid_due_date IS NOT NULL ORDER BY md5(id::text)`,
  );
  await checkBooks(client, programmeId);
  const [{ loans, installments, lines }] = await q<{ loans: number; installments: number; lines: number }>(
    `SELECT (SELECT count(*)::int FROM loan) AS loans, (SELECT count(*)::int FROM loan_installment) AS installments, (SELECT count(*)::int FROM journal_line) AS lines`,
  );
  return { programmeId, financeUserId, borrowers, activeLoanIds: active.map((r) => r.id), loans, installments, journalLines: lines };
}

/** The generated book must add up: debits equal credits, and 1200 equals the loans' outstanding principal. */
export async function checkBooks(client: pg.Client, programmeId: string): Promise<void> {
  const [r] = (
    await client.query(
      `SELECT (SELECT sum(debit) - sum(credit) FROM journal_line WHERE programme_id = $1)::text AS imbalance,
              (SELECT sum(debit) - sum(credit) FROM journal_line WHERE programme_id = $1 AND account_code = '1200')::text AS receivable,
              (SELECT sum(outstanding_principal) FROM loan WHERE programme_id = $1)::text AS outstanding,
              (SELECT count(*) FROM loan l WHERE l.outstanding_principal <> l.principal - (SELECT coalesce(sum(principal_paid), 0) FROM loan_installment i WHERE i.loan_id = l.id))::int AS off`,
      [programmeId],
    )
  ).rows as { imbalance: string; receivable: string; outstanding: string; off: number }[];
  if (r.imbalance !== '0.00' || r.receivable !== r.outstanding || r.off !== 0)
    throw new Error(`generated books do not add up: imbalance ${r.imbalance}, 1200 ${r.receivable} vs outstanding ${r.outstanding}, ${r.off} loans off their schedule`);
}
