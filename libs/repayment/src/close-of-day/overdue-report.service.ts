import { Money } from '#money';
import { openBorrowerPhone } from '#notifications';
import { BusinessDateService, decodeCursor, FieldEncryptionService, type Page, pageLimit, type PageQuery, ProgrammesService, toPage, TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { classifyCollectibility, type Collectibility, type CollectibilityTable } from '../domain/classify-collectibility.js';
import { daysPastDueSql } from './collectibility-sql.js';
import { csvFile, type CsvFile, csvText } from './report-csv.js';
import { storedStandingIsCurrent } from './stored-standing.js';

export interface OverdueQuery extends PageQuery {
  programmeId?: string;
  districtCode?: string;
  /** Only loans at least this many days past due (default 1: every loan with something overdue). */
  minDaysPastDue?: number;
}

/** One line of the collectors' list. */
export interface OverdueLoan {
  loanId: string;
  loanNumber: string;
  borrowerId: string;
  borrowerName: string;
  phone: string;
  districtCode: string;
  districtName: string;
  daysPastDue: number;
  /** Unpaid principal and late fees of installments due before the business date. */
  overdueAmount: Money;
  outstandingPrincipal: Money;
  collectibility: Collectibility;
  oldestUnpaidDueDate: string;
  /** The latest repayment still standing (not reversed); null when the borrower never paid. */
  lastPaymentOn: string | null;
  lastPaymentAmount: Money | null;
}

interface Row {
  id: string;
  number: string;
  borrower_id: string;
  full_name: string;
  phone_encrypted: string;
  district_code: string;
  district_name: string | null;
  dpd: number;
  oldest: string;
  overdue: string;
  outstanding: string;
  collectibility_table: CollectibilityTable;
  stored_kol: Collectibility;
  last_on: string | null;
  last_amount: string | null;
}

export const OVERDUE_CSV_HEADER = [
  'loanNumber',
  'borrowerName',
  'phone',
  'districtCode',
  'districtName',
  'daysPastDue',
  'overdueAmount',
  'outstandingPrincipal',
  'collectibility',
  'oldestUnpaidDueDate',
  'lastPaymentOn',
  'lastPaymentAmount',
] as const;

/**
 * The collectors' list: active loans with something overdue on the business date, the longest overdue
 * first, with whom to call and what to ask for. Live from the installments, like GET /api/loans/:id.
 */
@Injectable()
export class OverdueReportService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly businessDate: BusinessDateService,
    private readonly programmes: ProgrammesService,
    private readonly cipher: FieldEncryptionService,
  ) {}

  async list(q: OverdueQuery): Promise<Page<OverdueLoan> & { asOf: string }> {
    const em = this.tx.manager;
    const limit = pageLimit(q);
    const after = decodeCursor(q.cursor, 'date');
    const { asOf, rows } = await this.rows(em, q, { limit: limit + 1, after });
    const page = toPage(rows, limit, (r) => ({ k: r.oldestUnpaidDueDate, id: r.loanId }));
    return { asOf, ...page };
  }

  /** Every line (no paging): what collectors print or open in a spreadsheet. */
  async csv(q: OverdueQuery): Promise<CsvFile> {
    const { asOf, rows } = await this.rows(this.tx.manager, q, {});
    return csvFile(
      `overdue-${asOf}.csv`,
      OVERDUE_CSV_HEADER,
      rows.map((r) => [
        r.loanNumber,
        csvText(r.borrowerName),
        r.phone,
        r.districtCode,
        csvText(r.districtName),
        r.daysPastDue,
        r.overdueAmount.toString(),
        r.outstandingPrincipal.toString(),
        r.collectibility,
        r.oldestUnpaidDueDate,
        r.lastPaymentOn,
        r.lastPaymentAmount?.toString() ?? null,
      ]),
    );
  }

  private async rows(
    em: EntityManager,
    q: OverdueQuery,
    page: { limit?: number; after?: { k: string; id: string } },
  ): Promise<{ asOf: string; rows: OverdueLoan[] }> {
    const programme = await this.programmes.resolve(q.programmeId, em);
    const asOf = await this.businessDate.current(em);
    const stored = await storedStandingIsCurrent(em, asOf);
    const minDays = Math.max(1, q.minDaysPastDue ?? 1);
    const params: unknown[] = [programme.id, asOf, minDays];
    const where = [`l.programme_id = $1`, `l.status = 'ACTIVE'`, `l.oldest_unpaid_due_date <= $2::date - $3::int`];
    if (q.districtCode) {
      params.push(q.districtCode);
      where.push(`l.district_code = $${params.length}`);
    }
    if (page.after) {
      params.push(page.after.k, page.after.id);
      where.push(`(l.oldest_unpaid_due_date, l.id) > ($${params.length - 1}::date, $${params.length}::uuid)`);
    }
    let limit = '';
    if (page.limit) {
      params.push(page.limit);
      limit = `LIMIT $${params.length}`;
    }
    const rows = (await em.query(
      `SELECT l.id, l.number, l.borrower_id, b.full_name, b.phone_encrypted, l.district_code, r.name AS district_name,
              ${daysPastDueSql('l.oldest_unpaid_due_date', '$2::date')} AS dpd, l.oldest_unpaid_due_date::text AS oldest,
              (SELECT coalesce(sum(i.principal_due - i.principal_paid + i.late_fee_due - i.late_fee_paid), 0)
                 FROM loan_installment i
                WHERE i.loan_id = l.id AND i.superseded_at IS NULL AND i.payment_status <> 'PAID' AND i.due_date < $2::date)::numeric(18,2)::text AS overdue,
              l.outstanding_principal::text AS outstanding, l.collectibility_table, l.collectibility AS stored_kol,
              last.value_date AS last_on, last.amount AS last_amount
         FROM loan l
         JOIN borrower b ON b.id = l.borrower_id
         LEFT JOIN region r ON r.code = l.district_code
         LEFT JOIN LATERAL (
           SELECT t.value_date::text AS value_date, t.amount::text AS amount FROM loan_transaction t
            WHERE t.loan_id = l.id AND t.kind = 'REPAYMENT' AND t.reversal_transaction_id IS NULL
            ORDER BY t.value_date DESC, t.seq DESC LIMIT 1
         ) last ON true
        WHERE ${where.join(' AND ')}
        ORDER BY l.oldest_unpaid_due_date, l.id
        ${limit}`,
      params,
    )) as Row[];
    return {
      asOf,
      rows: rows.map((r) => ({
        loanId: r.id,
        loanNumber: r.number,
        borrowerId: r.borrower_id,
        borrowerName: r.full_name,
        phone: openBorrowerPhone(this.cipher, r.borrower_id, r.phone_encrypted),
        districtCode: r.district_code,
        districtName: r.district_name ?? r.district_code,
        daysPastDue: r.dpd,
        overdueAmount: Money.fromDb(r.overdue),
        outstandingPrincipal: Money.fromDb(r.outstanding),
        collectibility: stored ? r.stored_kol : classifyCollectibility(r.collectibility_table, r.dpd),
        oldestUnpaidDueDate: r.oldest,
        lastPaymentOn: r.last_on,
        lastPaymentAmount: r.last_amount === null ? null : Money.fromDb(r.last_amount),
      })),
    };
  }
}
