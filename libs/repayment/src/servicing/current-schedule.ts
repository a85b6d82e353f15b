// Loan views built from the current schedule only (rows a reschedule superseded are history): what
// reschedule, write-off and self-service answer with, through loan-view's own mappers.
import { Money } from '#money';
import { NotFoundError } from '#platform';
import { type EntityManager, In, IsNull } from 'typeorm';
import { loanStanding } from '../domain/loan-standing.js';
import { LoanInstallment } from '../entities/loan-installment.entity.js';
import { Loan } from '../entities/loan.entity.js';
import { type LoanSchedule, type LoanView, toInstallmentView, toLoanView } from '../loan-view.js';

export function currentInstallments(em: EntityManager, loanIds: string[]): Promise<LoanInstallment[]> {
  if (!loanIds.length) return Promise.resolve([]);
  return em.find(LoanInstallment, { where: { loanId: In(loanIds), supersededAt: IsNull() }, order: { loanId: 'ASC', number: 'ASC' } });
}

/** The loans' standing on `businessDate`, from one read of their current installments. */
export async function currentLoanViews(em: EntityManager, loans: Loan[], businessDate: string): Promise<LoanView[]> {
  const byLoan = new Map<string, LoanInstallment[]>(loans.map((l) => [l.id, []]));
  for (const i of await currentInstallments(em, loans.map((l) => l.id))) byLoan.get(i.loanId)?.push(i);
  return loans.map((l) => toLoanView(l, loanStanding(byLoan.get(l.id) ?? [], businessDate, l.collectibilityTable)));
}

export async function currentSchedule(em: EntityManager, loanId: string, businessDate: string): Promise<LoanSchedule> {
  return { installments: (await currentInstallments(em, [loanId])).map((i) => toInstallmentView(i, businessDate)) };
}

/**
 * A borrower's own loan's current schedule on the business date, in one statement (ownership, the date
 * and the installments: the self-service read path under load, issue 10). Null when the loan is not
 * theirs or does not exist.
 */
export async function ownSchedule(em: EntityManager, borrowerId: string, loanId: string): Promise<LoanSchedule | null> {
  const rows = (await em.query(
    `SELECT bd.date::text AS business_date, l.id AS loan_id, i.id, i.number, i.due_date::text AS due_date,
            i.principal_due::text AS principal_due, i.principal_paid::text AS principal_paid, i.late_fee_due::text AS late_fee_due,
            i.late_fee_paid::text AS late_fee_paid, i.payment_status, i.paid_on::text AS paid_on, i.schedule_version
       FROM business_date bd
       LEFT JOIN loan l ON l.id = $1 AND l.borrower_id = $2
       LEFT JOIN loan_installment i ON i.loan_id = l.id AND i.superseded_at IS NULL
      WHERE bd.id = 1
      ORDER BY i.number`,
    [loanId, borrowerId],
  )) as {
    business_date: string;
    loan_id: string | null;
    id: string | null;
    number: number;
    due_date: string;
    principal_due: string;
    principal_paid: string;
    late_fee_due: string;
    late_fee_paid: string;
    payment_status: LoanInstallment['paymentStatus'];
    paid_on: string | null;
    schedule_version: number;
  }[];
  if (!rows.length || !rows[0].loan_id) return null;
  const installments = rows
    .filter((r) => r.id !== null)
    .map((r) =>
      Object.assign(new LoanInstallment(), {
        id: r.id!,
        loanId,
        number: r.number,
        dueDate: r.due_date,
        principalDue: Money.fromDb(r.principal_due),
        principalPaid: Money.fromDb(r.principal_paid),
        lateFeeDue: Money.fromDb(r.late_fee_due),
        lateFeePaid: Money.fromDb(r.late_fee_paid),
        paymentStatus: r.payment_status,
        paidOn: r.paid_on,
        scheduleVersion: r.schedule_version,
        supersededAt: null,
      }),
    );
  return { installments: installments.map((i) => toInstallmentView(i, rows[0].business_date)) };
}

/**
 * The loan's row, locked until the transaction ends: everything that changes a loan's balances or
 * schedule takes this lock first and its installments after, so two such changes never interleave
 * and never deadlock.
 */
export async function lockLoan(em: EntityManager, loanId: string): Promise<Loan> {
  const loan = await em.findOne(Loan, { where: { id: loanId }, lock: { mode: 'pessimistic_write' } });
  if (!loan) throw new NotFoundError('Loan', loanId);
  return loan;
}
