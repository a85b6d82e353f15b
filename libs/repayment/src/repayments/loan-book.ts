// The reads and writes every money movement on a loan shares: the loan's row lock, its installments (the
// few a payment touches, or all of them for a replay), its live repayments, and the rows that record a
// split. Plain SQL: posting is the hot path, and each helper is one statement.
import { Money } from '#money';
import { InvalidStateError, NotFoundError } from '#platform';
import type { EntityManager } from 'typeorm';
import { type AllocationStrategy, allocationStrategyOf, type InstallmentAllocation, type InstallmentBalance } from '../domain/allocate-repayment.js';
import type { BookedPayment } from '../domain/replay-allocations.js';
import type { LoanStatus } from '../entities/loan.entity.js';

export interface LockedLoan {
  id: string;
  number: string;
  programmeId: string;
  status: LoanStatus;
  outstandingPrincipal: Money;
  creditBalance: Money;
  disbursedOn: string;
  strategy: AllocationStrategy;
  /** The value date of the latest live repayment (null when none): a payment dated before it is backdated. */
  latestRepaymentDate: string | null;
  /** The business date, read after the lock in the same statement as latestRepaymentDate (one round trip less per posting). */
  businessDate: string;
}

/** What a repayment-side answer shows of the loan after the change. */
export interface LoanBalances {
  outstandingPrincipal: Money;
  status: LoanStatus;
  /** Overpayments not yet refunded: what the fund owes the borrower. */
  creditBalance: Money;
}

/** A booked repayment with its stored split, as a replay needs it. */
export interface StoredRepayment extends BookedPayment {
  principal: Money;
  lateFee: Money;
  overpayment: Money;
}

export interface Split {
  principal: Money;
  lateFee: Money;
  overpayment: Money;
}

export const ZERO_SPLIT: Split = { principal: Money.zero(), lateFee: Money.zero(), overpayment: Money.zero() };
export const plusSplit = (a: Split, b: Split): Split => ({
  principal: a.principal.plus(b.principal),
  lateFee: a.lateFee.plus(b.lateFee),
  overpayment: a.overpayment.plus(b.overpayment),
});
export const minusSplit = (a: Split, b: Split): Split => ({
  principal: a.principal.minus(b.principal),
  lateFee: a.lateFee.minus(b.lateFee),
  overpayment: a.overpayment.minus(b.overpayment),
});

/** Above every posting order: "after the value date" without naming a transaction. */
export const AFTER_EVERY_SEQ = 9223372036854775807n;

const INSTALLMENT_COLUMNS = `id, number, due_date::text AS due_date, principal_due::text AS principal_due, principal_paid::text AS principal_paid,
  late_fee_due::text AS late_fee_due, late_fee_paid::text AS late_fee_paid, paid_on::text AS paid_on`;

interface InstallmentRow {
  id: string;
  number: number;
  due_date: string;
  principal_due: string;
  principal_paid: string;
  late_fee_due: string;
  late_fee_paid: string;
  paid_on: string | null;
}

const toBalance = (r: InstallmentRow): InstallmentBalance => ({
  id: r.id,
  number: r.number,
  dueDate: r.due_date,
  principalDue: Money.fromDb(r.principal_due),
  principalPaid: Money.fromDb(r.principal_paid),
  lateFeeDue: Money.fromDb(r.late_fee_due),
  lateFeePaid: Money.fromDb(r.late_fee_paid),
  paidOn: r.paid_on,
});

/**
 * Locks the loan's row until the transaction ends: every writer of a loan's payments takes this lock
 * first, so concurrent payments on one loan queue here and each sees the one before it. With `reach`,
 * the installments that amount reaches (REACHED_SQL) come back with the same read: a payment in
 * value-date order then needs no statement of its own for them.
 */
export async function lockLoan(em: EntityManager, loanId: string): Promise<LockedLoan>;
export async function lockLoan(em: EntityManager, loanId: string, reach: Money): Promise<LockedLoan & { reached: InstallmentBalance[] }>;
export async function lockLoan(em: EntityManager, loanId: string, reach?: Money): Promise<LockedLoan & { reached?: InstallmentBalance[] }> {
  const [row] = (await em.query(
    `SELECT id, number, programme_id, status, outstanding_principal::text AS outstanding_principal, credit_balance::text AS credit_balance,
            disbursed_on::text AS disbursed_on, terms_snapshot -> 'allocationStrategy' AS strategy
       FROM loan WHERE id = $1 FOR UPDATE`,
    [loanId],
  )) as {
    id: string;
    number: string;
    programme_id: string;
    status: LoanStatus;
    outstanding_principal: string;
    credit_balance: string;
    disbursed_on: string;
    strategy: unknown;
  }[];
  if (!row) throw new NotFoundError('Loan', loanId);
  // A statement of its own, after the lock: a subquery of the locking SELECT would read the snapshot from
  // before the wait, and miss the repayment whose transaction held the lock.
  const after = (await em.query(
    reach
      ? `SELECT s.latest_value_date, s.business_date, r.* FROM (${AFTER_LOCK_SQL}) s LEFT JOIN LATERAL (${REACHED_SQL}) r ON true ORDER BY r.ord`
      : AFTER_LOCK_SQL,
    reach ? [loanId, reach.toString()] : [loanId],
  )) as ({ latest_value_date: string | null; business_date: string } & Partial<InstallmentRow>)[];
  const loan: LockedLoan = {
    id: row.id,
    number: row.number,
    programmeId: row.programme_id,
    status: row.status,
    outstandingPrincipal: Money.fromDb(row.outstanding_principal),
    creditBalance: Money.fromDb(row.credit_balance),
    disbursedOn: row.disbursed_on,
    strategy: allocationStrategyOf({ allocationStrategy: row.strategy ?? undefined }),
    latestRepaymentDate: after[0].latest_value_date,
    businessDate: after[0].business_date,
  };
  if (!reach) return loan;
  // No installment reached (nothing unpaid) still answers the one row of the two dates, with nulls.
  return { ...loan, reached: after.filter((r) => r.id != null).map((r) => toBalance(r as InstallmentRow)) };
}

const AFTER_LOCK_SQL = `SELECT (SELECT value_date::text FROM loan_transaction
                                 WHERE loan_id = $1 AND kind = 'REPAYMENT' AND reversal_transaction_id IS NULL
                                 ORDER BY value_date DESC LIMIT 1) AS latest_value_date,
                               (SELECT date::text FROM business_date WHERE id = 1) AS business_date`;

/**
 * The unpaid installments of loan $1's current schedule that amount $2 reaches, numbered oldest first in
 * `ord`: those with less than the amount owed on the ones before them (all, when it covers everything owed).
 */
const REACHED_SQL = `SELECT ${INSTALLMENT_COLUMNS}, row_number() OVER (ORDER BY due_date, schedule_version, number) AS ord
       FROM (SELECT i.*, coalesce(sum(i.principal_due - i.principal_paid + i.late_fee_due - i.late_fee_paid)
                      OVER (ORDER BY i.due_date, i.schedule_version, i.number ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS owed_before
               FROM loan_installment i
              WHERE i.loan_id = $1 AND i.superseded_at IS NULL AND i.payment_status <> 'PAID') x
      WHERE owed_before < $2::numeric`;

/** The programme a loan belongs to, without a lock (to take the fund's lock before the loan's). */
export async function programmeOfLoan(em: EntityManager, loanId: string): Promise<string> {
  const [row] = (await em.query(`SELECT programme_id FROM loan WHERE id = $1`, [loanId])) as { programme_id: string }[];
  if (!row) throw new NotFoundError('Loan', loanId);
  return row.programme_id;
}

export function assertAcceptsRepayments(loan: LockedLoan): void {
  if (loan.status !== 'ACTIVE')
    throw new InvalidStateError(
      loan.status === 'WRITTEN_OFF'
        ? `Loan ${loan.number} is WRITTEN_OFF: money received on it is a recovery, not a repayment`
        : `Loan ${loan.number} is ${loan.status}: it takes no more repayments`,
    );
}

/** The whole current schedule, oldest first: what a replay works on. */
export async function currentInstallments(em: EntityManager, loanId: string): Promise<InstallmentBalance[]> {
  const rows = (await em.query(
    `SELECT ${INSTALLMENT_COLUMNS} FROM loan_installment WHERE loan_id = $1 AND superseded_at IS NULL ORDER BY due_date, schedule_version, number`,
    [loanId],
  )) as InstallmentRow[];
  return rows.map(toBalance);
}

const REPAYMENT_COLUMNS = `id, seq::text AS seq, amount::text AS amount, value_date::text AS value_date, principal::text AS principal,
  late_fee::text AS late_fee, overpayment::text AS overpayment, reference`;

interface RepaymentRow {
  id: string;
  seq: string;
  amount: string;
  value_date: string;
  principal: string;
  late_fee: string;
  overpayment: string;
  reference: string;
}

async function withAllocations(em: EntityManager, rows: RepaymentRow[]): Promise<(StoredRepayment & { reference: string })[]> {
  const allocations = await allocationsOf(
    em,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    seq: BigInt(r.seq),
    amount: Money.fromDb(r.amount),
    valueDate: r.value_date,
    principal: Money.fromDb(r.principal),
    lateFee: Money.fromDb(r.late_fee),
    overpayment: Money.fromDb(r.overpayment),
    reference: r.reference,
    allocations: allocations.get(r.id) ?? [],
  }));
}

/** The live repayments after (valueDate, seq) in replay order, each with its allocations. */
export async function repaymentsAfter(em: EntityManager, loanId: string, valueDate: string, seq: bigint): Promise<StoredRepayment[]> {
  const rows = (await em.query(
    `SELECT ${REPAYMENT_COLUMNS} FROM loan_transaction
      WHERE loan_id = $1 AND kind = 'REPAYMENT' AND reversal_transaction_id IS NULL AND (value_date, seq) > ($2::date, $3::bigint)
      ORDER BY value_date, seq`,
    [loanId, valueDate, seq.toString()],
  )) as RepaymentRow[];
  return withAllocations(em, rows);
}

/** Stored allocations per transaction id, by installment number within each. */
export async function allocationsOf(em: EntityManager, transactionIds: string[]): Promise<Map<string, InstallmentAllocation[]>> {
  const out = new Map<string, InstallmentAllocation[]>();
  if (!transactionIds.length) return out;
  const rows = (await em.query(
    `SELECT transaction_id, installment_id, installment_number, principal::text AS principal, late_fee::text AS late_fee
       FROM repayment_allocation WHERE transaction_id = ANY($1::uuid[]) ORDER BY transaction_id, installment_number`,
    [transactionIds],
  )) as { transaction_id: string; installment_id: string; installment_number: number; principal: string; late_fee: string }[];
  for (const r of rows) {
    const a: InstallmentAllocation = { installmentId: r.installment_id, installmentNumber: r.installment_number, principal: Money.fromDb(r.principal), lateFee: Money.fromDb(r.late_fee) };
    const list = out.get(r.transaction_id);
    if (list) list.push(a);
    else out.set(r.transaction_id, [a]);
  }
  return out;
}

/** Writes the paid amounts of the installments that changed, one statement. */
export async function writeInstallments(em: EntityManager, changed: readonly InstallmentBalance[]): Promise<void> {
  if (!changed.length) return;
  await em.query(updateInstallmentsSql(1), installmentColumns(changed));
}

/** The UPDATE of installments' paid amounts from the four arrays of installmentColumns, from parameter $n on. */
const updateInstallmentsSql = (n: number) => `UPDATE loan_installment i SET principal_paid = v.pp, late_fee_paid = v.fp, paid_on = v.po
       FROM unnest($${n}::uuid[], $${n + 1}::numeric[], $${n + 2}::numeric[], $${n + 3}::date[]) AS v(id, pp, fp, po)
      WHERE i.id = v.id`;

/** The parameters of an installment write: ids, principal paid, late fee paid, paid on. */
const installmentColumns = (changed: readonly InstallmentBalance[]) => [
  changed.map((i) => i.id),
  changed.map((i) => i.principalPaid.toString()),
  changed.map((i) => i.lateFeePaid.toString()),
  changed.map((i) => i.paidOn),
];

/** The installments whose amounts or paidOn differ between two states of one schedule. */
export function changedInstallments(before: readonly InstallmentBalance[], after: readonly InstallmentBalance[]): { changed: InstallmentBalance[]; paid: string[]; reopened: string[] } {
  const old = new Map(before.map((i) => [i.id, i]));
  const changed: InstallmentBalance[] = [];
  const paid: string[] = [];
  const reopened: string[] = [];
  for (const i of after) {
    const o = old.get(i.id);
    if (o && o.principalPaid.eq(i.principalPaid) && o.lateFeePaid.eq(i.lateFeePaid) && o.paidOn === i.paidOn) continue;
    changed.push(i);
    if (i.paidOn !== null && o?.paidOn == null) paid.push(i.id);
    if (i.paidOn === null && o?.paidOn != null) reopened.push(i.id);
  }
  return { changed, paid, reopened };
}

export async function insertAllocations(em: EntityManager, loanId: string, transactionId: string, allocations: readonly InstallmentAllocation[]): Promise<void> {
  if (!allocations.length) return;
  await em.query(
    `INSERT INTO repayment_allocation (transaction_id, installment_id, loan_id, installment_number, principal, late_fee)
     SELECT $1, v.installment_id, $2, v.number, v.principal, v.late_fee
       FROM unnest($3::uuid[], $4::int[], $5::numeric[], $6::numeric[]) AS v(installment_id, number, principal, late_fee)`,
    [
      transactionId,
      loanId,
      allocations.map((a) => a.installmentId),
      allocations.map((a) => a.installmentNumber),
      allocations.map((a) => a.principal.toString()),
      allocations.map((a) => a.lateFee.toString()),
    ],
  );
}

/** Replaces a repayment's allocation rows and stored split after a replay moved it. */
export async function rewriteRepayment(em: EntityManager, loanId: string, transactionId: string, split: Split & { allocations: readonly InstallmentAllocation[] }): Promise<void> {
  await em.query(`DELETE FROM repayment_allocation WHERE transaction_id = $1`, [transactionId]);
  await insertAllocations(em, loanId, transactionId, split.allocations);
  await em.query(`UPDATE loan_transaction SET principal = $2, late_fee = $3, overpayment = $4 WHERE id = $1`, [
    transactionId,
    split.principal.toString(),
    split.lateFee.toString(),
    split.overpayment.toString(),
  ]);
}

export interface NewTransaction {
  id: string;
  loanId: string;
  programmeId: string;
  kind: 'REPAYMENT' | 'REVERSAL' | 'REFUND';
  amount: Money;
  valueDate: string;
  channel: string | null;
  reference: string;
  split: Split;
  reversesTransactionId: string | null;
  journalEntryId: string;
  createdBy: string | null;
}

/** How a transaction moves the loan's balances: principal repaid (negative when a reversal gives it back), credit added or taken back. */
export interface BalanceMove {
  principalRepaid: Money;
  creditAdded: Money;
}

/**
 * Writes a transaction in one statement (the hot path's round trips count, issue 10): the paid amounts
 * of `installments` (the ones it changed), the transaction and its allocation rows, and the loan's
 * balances, oldest unpaid due date and status. Installments an earlier statement of the transaction
 * wrote (a replay, a rebooking) are already in what this one reads.
 *
 * The date is computed here from the installments as this statement leaves them (the ones it writes,
 * with their new status, in place of their old rows), so the oldest-unpaid trigger that fires at the
 * end of the statement finds it right and does not write the loan a second time (migration 1900). The
 * status follows from the same date: CLOSED once nothing is unpaid, ACTIVE again when a reversal
 * reopened an installment; a written-off loan stays so.
 */
export async function insertTransaction(
  em: EntityManager,
  t: NewTransaction,
  move: BalanceMove,
  allocations: readonly InstallmentAllocation[] = [],
  installments: readonly InstallmentBalance[] = [],
): Promise<LoanBalances> {
  const rows = (await em.query(
    `WITH w AS (${updateInstallmentsSql(21)} RETURNING i.id, i.due_date, i.payment_status, i.superseded_at),
     oldest AS (
       SELECT min(due_date) AS d FROM (
         SELECT due_date FROM loan_installment
          WHERE loan_id = $2 AND payment_status <> 'PAID' AND superseded_at IS NULL AND id NOT IN (SELECT id FROM w)
         UNION ALL
         SELECT due_date FROM w WHERE payment_status <> 'PAID' AND superseded_at IS NULL
       ) u
     ),
     l AS (
       UPDATE loan SET outstanding_principal = outstanding_principal - $19::numeric, credit_balance = credit_balance + $20::numeric,
              oldest_unpaid_due_date = oldest.d,
              status = CASE WHEN status = 'WRITTEN_OFF' THEN status WHEN oldest.d IS NULL THEN 'CLOSED' ELSE 'ACTIVE' END,
              version = version + 1, updated_at = now()
         FROM oldest
        WHERE id = $2
       RETURNING outstanding_principal::text AS outstanding_principal, credit_balance::text AS credit_balance, status
     ),
     t AS (
       INSERT INTO loan_transaction (id, loan_id, programme_id, kind, amount, value_date, channel, reference, principal, late_fee, overpayment,
                                     reverses_transaction_id, journal_entry_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id
     ),
     a AS (
       INSERT INTO repayment_allocation (transaction_id, installment_id, loan_id, installment_number, principal, late_fee)
       SELECT t.id, v.installment_id, $2, v.number, v.principal, v.late_fee
         FROM t, unnest($15::uuid[], $16::int[], $17::numeric[], $18::numeric[]) AS v(installment_id, number, principal, late_fee)
     )
     SELECT * FROM l`,
    [
      t.id,
      t.loanId,
      t.programmeId,
      t.kind,
      t.amount.toString(),
      t.valueDate,
      t.channel,
      t.reference,
      t.split.principal.toString(),
      t.split.lateFee.toString(),
      t.split.overpayment.toString(),
      t.reversesTransactionId,
      t.journalEntryId,
      t.createdBy,
      allocations.map((a) => a.installmentId),
      allocations.map((a) => a.installmentNumber),
      allocations.map((a) => a.principal.toString()),
      allocations.map((a) => a.lateFee.toString()),
      move.principalRepaid.toString(),
      move.creditAdded.toString(),
      ...installmentColumns(installments),
    ],
  )) as { outstanding_principal: string; credit_balance: string; status: LoanStatus }[];
  const r = rows[0];
  return { outstandingPrincipal: Money.fromDb(r.outstanding_principal), status: r.status, creditBalance: Money.fromDb(r.credit_balance) };
}

/** Credit balances of the loans (what the fund owes each borrower), for the loan views. */
export async function creditBalancesOf(em: EntityManager, loanIds: string[]): Promise<Map<string, Money>> {
  if (!loanIds.length) return new Map();
  const rows = (await em.query(`SELECT id, credit_balance::text AS credit_balance FROM loan WHERE id = ANY($1::uuid[])`, [loanIds])) as {
    id: string;
    credit_balance: string;
  }[];
  return new Map(rows.map((r) => [r.id, Money.fromDb(r.credit_balance)]));
}

export interface TransactionRow {
  id: string;
  kind: 'REPAYMENT' | 'REVERSAL' | 'REFUND';
  reference: string;
  reversalTransactionId: string | null;
}

/** One of the loan's transactions, optionally locked; a transaction of another loan is not found. */
export async function findTransaction(em: EntityManager, loanId: string, transactionId: string, lock = false): Promise<TransactionRow> {
  const [row] = (await em.query(
    `SELECT id, kind, reference, reversal_transaction_id FROM loan_transaction WHERE id = $1 AND loan_id = $2${lock ? ' FOR UPDATE' : ''}`,
    [transactionId, loanId],
  )) as { id: string; kind: TransactionRow['kind']; reference: string; reversal_transaction_id: string | null }[];
  if (!row) throw new NotFoundError('Transaction', transactionId);
  return { id: row.id, kind: row.kind, reference: row.reference, reversalTransactionId: row.reversal_transaction_id };
}

/** A live repayment of the loan with its stored split and allocations. */
export async function storedRepayment(em: EntityManager, loanId: string, transactionId: string): Promise<StoredRepayment & { reference: string }> {
  const rows = (await em.query(
    `SELECT ${REPAYMENT_COLUMNS} FROM loan_transaction WHERE id = $1 AND loan_id = $2 AND kind = 'REPAYMENT' AND reversal_transaction_id IS NULL`,
    [transactionId, loanId],
  )) as RepaymentRow[];
  if (!rows.length) throw new InvalidStateError(`Transaction ${transactionId} is not a live repayment of this loan`);
  const [found] = await withAllocations(em, rows);
  return found;
}
