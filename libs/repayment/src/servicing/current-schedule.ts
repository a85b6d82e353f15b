// Loan views built from the current schedule only (rows a reschedule superseded are history): what
// reschedule, write-off and self-service answer with, through loan-view's own mappers.
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
 * The loan's row, locked until the transaction ends: everything that changes a loan's balances or
 * schedule takes this lock first and its installments after, so two such changes never interleave
 * and never deadlock.
 */
export async function lockLoan(em: EntityManager, loanId: string): Promise<Loan> {
  const loan = await em.findOne(Loan, { where: { id: loanId }, lock: { mode: 'pessimistic_write' } });
  if (!loan) throw new NotFoundError('Loan', loanId);
  return loan;
}
