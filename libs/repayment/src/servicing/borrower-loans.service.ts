import type { Money } from '#money';
import { BusinessDateService, decodeCursor, newestFirst, NotFoundError, type Page, pageLimit, type PageQuery, toPage, TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';
import { Loan, type LoanStatus } from '../entities/loan.entity.js';
import type { LoanSchedule, LoanView } from '../loan-view.js';
import { currentLoanViews, ownSchedule } from './current-schedule.js';

/** What a borrower sees of one of their loans: what they owe, when, and where to pay it. */
export interface BorrowerLoanView {
  id: string;
  number: string;
  status: LoanStatus;
  principal: Money;
  outstandingPrincipal: Money;
  nextDueDate: string | null;
  nextDueAmount: Money | null;
  /** The virtual account to pay into. */
  virtualAccount: string;
  overdueAmount: Money;
  daysPastDue: number;
  disbursedOn: string;
}

const toBorrowerLoanView = (v: LoanView): BorrowerLoanView => ({
  id: v.id,
  number: v.number,
  status: v.status,
  principal: v.principal,
  outstandingPrincipal: v.outstandingPrincipal,
  nextDueDate: v.nextDueDate,
  nextDueAmount: v.nextDueAmount,
  virtualAccount: v.virtualAccount,
  overdueAmount: v.overdueAmount,
  daysPastDue: v.daysPastDue,
  disbursedOn: v.disbursedOn,
});

/**
 * Borrower self-service: a borrower's own loans, in every programme. Another borrower's loan is
 * NOT_FOUND, never FORBIDDEN: its existence is not theirs to learn.
 */
@Injectable()
export class BorrowerLoansService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly businessDate: BusinessDateService,
  ) {}

  /** Newest first, keyset-paginated on (created_at, id). A user without a borrower record has no loans. */
  async list(borrowerId: string | null, q: PageQuery): Promise<Page<BorrowerLoanView>> {
    const em = this.tx.manager;
    const limit = pageLimit(q);
    const after = decodeCursor(q.cursor, 'timestamp');
    if (!borrowerId) return { items: [], nextCursor: null };
    const qb = newestFirst(em.createQueryBuilder(Loan, 'l').where('l.borrower_id = :borrowerId', { borrowerId }), limit, after);
    const page = toPage(await qb.getMany(), limit, (l) => ({ k: l.createdAt.toISOString(), id: l.id }));
    const views = await currentLoanViews(em, page.items, await this.businessDate.current(em));
    return { items: views.map(toBorrowerLoanView), nextCursor: page.nextCursor };
  }

  async schedule(borrowerId: string | null, loanId: string): Promise<LoanSchedule> {
    const schedule = borrowerId ? await ownSchedule(this.tx.manager, borrowerId, loanId) : null;
    if (!schedule) throw new NotFoundError('Loan', loanId);
    return schedule;
  }
}
