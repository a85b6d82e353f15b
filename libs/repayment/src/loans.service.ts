import { ACCOUNTS, type JournalEntry, LedgerService } from '#ledger';
import { Money } from '#money';
import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  BusinessDateService,
  decodeCursor,
  newestFirst,
  NotFoundError,
  type Page,
  pageLimit,
  Programme,
  ProgrammesService,
  toPage,
  TransactionRunner,
} from '#platform';
import { Inject, Injectable } from '@nestjs/common';
import { Brackets, type EntityManager, In, IsNull } from 'typeorm';
import { type Collectibility, COLLECTIBILITY_TABLES, collectibilityBand } from './domain/classify-collectibility.js';
import { generateSchedule } from './domain/generate-schedule.js';
import { loanNumber, loanNumberPrefix, virtualAccountFor } from './domain/loan-number.js';
import type { LoanTerms } from './domain/loan-terms.js';
import { loanStanding, oldestUnpaidDueDateRange } from './domain/loan-standing.js';
import { LoanInstallment } from './entities/loan-installment.entity.js';
import { Loan, type LoanStatus } from './entities/loan.entity.js';
import { type LoanSchedule, type LoanView, toInstallmentView, toLoanView } from './loan-view.js';
import { storedCollectibilities, storedStandingIsCurrent } from './close-of-day/stored-standing.js';
import { creditBalancesOf } from './repayments/loan-book.js';

export interface BookLoanInput {
  programmeId: string;
  applicationId: string;
  borrowerId: string;
  productId: string;
  districtCode: string;
  principal: Money;
  tenor: number;
  /** The application's terms snapshot (intake's ProductTerms), copied onto the loan whole. */
  terms: LoanTerms;
  /** The value date of the transfer: the schedule starts here. */
  disbursedOn: string;
  /** Holiday dates the schedule may move due dates off (read only when the terms say so). */
  holidays: ReadonlySet<string>;
  /** The disbursement's reference, carried by the journal entry and by the bank statement's debit line. */
  reference: string;
}

export interface BookedLoan {
  loan: Loan;
  installments: LoanInstallment[];
  entry: JournalEntry;
}

export interface LoanListFilter {
  /** Defaults to the default programme. */
  programmeId?: string;
  status?: LoanStatus;
  collectibility?: Collectibility;
  districtCode?: string;
  borrowerId?: string;
  /** Exact loan number (the unique index answers it), any case. */
  number?: string;
  limit?: number;
  cursor?: string;
}

/** Loan accounts: booking (inside the disbursement's transaction) and what staff read about them. */
@Injectable()
export class LoansService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    private readonly businessDate: BusinessDateService,
    private readonly programmes: ProgrammesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Books the loan with `em`, i.e. inside the caller's transaction: the account with its number and
   * virtual account, the schedule from the engine starting at the value date, the journal entry
   * Dr 1200 Loans receivable / Cr 1100 Cash at bank, and the audit row.
   */
  async book(em: EntityManager, input: BookLoanInput): Promise<BookedLoan> {
    const t = input.terms;
    const schedule = generateSchedule({
      principal: input.principal,
      tenor: input.tenor,
      frequency: t.frequency,
      roundingUnit: Money.of(t.roundingUnit),
      roundingMode: t.roundingMode,
      remainderPlacement: t.remainderPlacement,
      principalGracePeriods: t.principalGracePeriods,
      moveDueDatesOffHolidays: t.moveDueDatesOffHolidays,
      disbursementDate: input.disbursedOn,
      holidays: input.holidays,
    });
    const programme = await em.findOneByOrFail(Programme, { id: input.programmeId });
    // The borrower's business sector, frozen on the loan (see Loan.sector), in the same round trip as the number.
    const [{ seq, sector }] = (await em.query(
      `SELECT nextval('loan_number_seq')::text AS seq, (SELECT sector FROM business WHERE borrower_id = $1) AS sector`,
      [input.borrowerId],
    )) as { seq: string; sector: string | null }[];
    const number = loanNumber(loanNumberPrefix(programme.code), input.disbursedOn.slice(0, 4), seq);
    const inserted = await em.insert(Loan, {
      number,
      programmeId: input.programmeId,
      applicationId: input.applicationId,
      borrowerId: input.borrowerId,
      productId: input.productId,
      districtCode: input.districtCode,
      sector,
      principal: input.principal,
      outstandingPrincipal: input.principal,
      tenor: input.tenor,
      status: 'ACTIVE',
      collectibilityTable: t.collectibilityTable,
      termsSnapshot: t,
      disbursedOn: input.disbursedOn,
      virtualAccount: virtualAccountFor(this.config.VA_PREFIX, number),
    });
    const loanId = (inserted.identifiers[0] as { id: string }).id;
    await em.insert(
      LoanInstallment,
      schedule.map((i) => ({
        loanId,
        number: i.number,
        dueDate: i.dueDate,
        principalDue: i.principal,
        principalPaid: Money.zero(),
        lateFeeDue: Money.zero(),
        lateFeePaid: Money.zero(),
        paidOn: null,
      })),
    );
    const entry = await this.ledger.post(em, {
      programmeId: input.programmeId,
      valueDate: input.disbursedOn,
      kind: 'DISBURSEMENT',
      description: `Loan ${number} disbursed (${input.reference})`,
      reference: input.reference,
      sourceType: 'loan',
      sourceId: loanId,
      lines: [
        { account: ACCOUNTS.LOANS_RECEIVABLE, debit: input.principal },
        { account: ACCOUNTS.CASH, credit: input.principal },
      ],
    });
    const loan = await em.findOneByOrFail(Loan, { id: loanId });
    const installments = await em.find(LoanInstallment, { where: { loanId, supersededAt: IsNull() }, order: { number: 'ASC' } });
    await this.audit.record(em, {
      action: 'LOAN_BOOKED',
      entityType: 'loan',
      entityId: loanId,
      after: {
        ...loan,
        termsSnapshot: undefined,
        journalEntryId: entry.id,
        journalEntryNumber: entry.number,
        reference: input.reference,
        installments: installments.map((i) => ({ number: i.number, dueDate: i.dueDate, principalDue: i.principalDue })),
      },
    });
    return { loan, installments, entry };
  }

  async get(loanId: string): Promise<LoanView> {
    const em = this.tx.manager;
    const loan = await em.findOneBy(Loan, { id: loanId });
    if (!loan) throw new NotFoundError('Loan', loanId);
    const [view] = await this.views([loan], await this.businessDate.current(em), em);
    return view;
  }

  async schedule(loanId: string): Promise<LoanSchedule> {
    const em = this.tx.manager;
    if (!(await em.existsBy(Loan, { id: loanId }))) throw new NotFoundError('Loan', loanId);
    const businessDate = await this.businessDate.current(em);
    const installments = await em.find(LoanInstallment, { where: { loanId, supersededAt: IsNull() }, order: { number: 'ASC' } });
    return { installments: installments.map((i) => toInstallmentView(i, businessDate)) };
  }

  /**
   * Newest first, keyset-paginated on (created_at, id). The grade filter is a range on the indexed
   * oldest-unpaid due date per collectibility table, so it selects what the answers show.
   */
  async list(f: LoanListFilter): Promise<Page<LoanView>> {
    const em = this.tx.manager;
    const programme = await this.programmes.resolve(f.programmeId, em);
    const businessDate = await this.businessDate.current(em);
    const limit = pageLimit(f);
    const after = decodeCursor(f.cursor, 'timestamp');
    const qb = newestFirst(
      em.createQueryBuilder(Loan, 'l').where('l.programme_id = :programmeId', { programmeId: programme.id }),
      limit,
      after,
    );
    if (f.status) qb.andWhere('l.status = :status', { status: f.status });
    if (f.districtCode) qb.andWhere('l.district_code = :districtCode', { districtCode: f.districtCode });
    if (f.borrowerId) qb.andWhere('l.borrower_id = :borrowerId', { borrowerId: f.borrowerId });
    if (f.number) qb.andWhere('l.number = :number', { number: f.number.toUpperCase() });
    if (f.collectibility !== undefined && (await storedStandingIsCurrent(em, businessDate))) {
      // Close-of-day stored each active loan's grade with the one-obligor rule: filter on what the answers show.
      qb.andWhere(`l.status = 'ACTIVE' AND l.collectibility = :kol`, { kol: f.collectibility });
    } else if (f.collectibility !== undefined) {
      const kol = f.collectibility;
      qb.andWhere(
        new Brackets((grade) => {
          for (const table of COLLECTIBILITY_TABLES) {
            const r = oldestUnpaidDueDateRange(collectibilityBand(table, kol), businessDate);
            const p = (name: string) => `${name}_${table}`;
            const date = [
              r.from ? `l.oldest_unpaid_due_date >= :${p('from')}::date` : null,
              r.to ? `l.oldest_unpaid_due_date <= :${p('to')}::date` : null,
            ].filter(Boolean);
            const range = date.length ? date.join(' AND ') : 'TRUE';
            const cond = r.orNone ? `(l.oldest_unpaid_due_date IS NULL OR (${range}))` : `(${range})`;
            grade.orWhere(`(l.collectibility_table = :${p('table')} AND ${cond})`, { [p('table')]: table, [p('from')]: r.from, [p('to')]: r.to });
          }
        }),
      );
    }
    const rows = await qb.getMany();
    const page = toPage(rows, limit, (l) => ({ k: l.createdAt.toISOString(), id: l.id }));
    return { items: await this.views(page.items, businessDate, em), nextCursor: page.nextCursor };
  }

  /** The loans' standing on `businessDate`, from one read of all their installments. */
  private async views(loans: Loan[], businessDate: string, em: EntityManager): Promise<LoanView[]> {
    if (!loans.length) return [];
    const installments = await em.find(LoanInstallment, { where: { loanId: In(loans.map((l) => l.id)), supersededAt: IsNull() } });
    const byLoan = new Map<string, LoanInstallment[]>();
    for (const i of installments) {
      const list = byLoan.get(i.loanId);
      if (list) list.push(i);
      else byLoan.set(i.loanId, [i]);
    }
    const credits = await creditBalancesOf(em, loans.map((l) => l.id));
    // Once close-of-day has closed the day before, active loans show its stored grade (one-obligor rule).
    const stored = await storedCollectibilities(em, loans.map((l) => l.id), businessDate);
    return loans.map((l) => {
      const standing = loanStanding(byLoan.get(l.id) ?? [], businessDate, l.collectibilityTable);
      const kol = stored.get(l.id);
      return toLoanView(l, kol === undefined ? standing : { ...standing, collectibility: kol }, credits.get(l.id));
    });
  }
}
