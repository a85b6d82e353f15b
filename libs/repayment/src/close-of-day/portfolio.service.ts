import { Money } from '#money';
import { BusinessDateService, DomainError, ProgrammesService, TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Collectibility, COLLECTIBILITIES } from '../domain/classify-collectibility.js';
import {
  COLLECTIBILITY_NAMES,
  emptyCollectibility,
  NPL_FROM,
  PAR_THRESHOLDS,
  type PortfolioBalances,
  type PortfolioFigures,
  type PortfolioReport,
  type PortfolioSlice,
  toPortfolioReport,
} from '../domain/portfolio-report.js';
import { collectibilitySql, daysPastDueSql } from './collectibility-sql.js';
import { csvFile, type CsvFile, csvText } from './report-csv.js';
import { PortfolioSnapshot, type StoredSlice } from './portfolio-snapshot.entity.js';

export interface PortfolioQuery {
  programmeId?: string;
  asOf?: string;
}

/** Runs one report query; the live report gives each its own connection. */
type ReportReader = (sql: string, params: unknown[]) => Promise<unknown[]>;

/** A loan whose borrower had no business row when it was booked (possible before intake required one). */
export const UNKNOWN_SECTOR = 'UNKNOWN';

/**
 * What borrowers paid back on their loans, net of reversals: principal and late fees (1200 / 1210)
 * moved by repayments, their reversals and reallocations, and recoveries after a write-off (5100).
 * Overpayments (2100) are owed back, not repaid. The partial index journal_line_repaid (migration
 * 1800) has this as its predicate: change the two together, or the query reads every line.
 */
const REPAID_LINE = `((jl.entry_kind IN ('REPAYMENT', 'REPAYMENT_REVERSAL', 'REPAYMENT_ADJUSTMENT') AND jl.account_code IN ('1200', '1210'))
                      OR (jl.entry_kind = 'RECOVERY' AND jl.account_code = '5100'))`;

/**
 * One programme's report grades each borrower by their worst active loan in any programme (the
 * one-obligor rule): this CTE is that worst grade among their loans in the other programmes. It
 * reads the index ranges either side of $2 (`<>` would read the whole index), so with one
 * programme it reads nothing; the report's own loans are read once, in borrower order, and graded
 * among themselves by a window with no sort.
 */
const elsewhereSql = (dpd: string, own: string) => `elsewhere AS (
         SELECT l.borrower_id, max(${own}) AS own
           FROM loan l CROSS JOIN LATERAL (SELECT ${dpd} AS dpd) d
          WHERE l.status = 'ACTIVE' AND l.disbursed_on <= $1::date AND (l.programme_id < $2 OR l.programme_id > $2)
          GROUP BY l.borrower_id
       ),`;

interface SliceRow {
  programme_id: string;
  grp: number;
  kol: number | null;
  sector: string | null;
  district_code: string | null;
  district_name: string | null;
  loans: number;
  outstanding: string;
  par1: string;
  par30: string;
  par90: string;
  npl: string;
}

// GROUPING(kol, sector, district_code): a bit is set for each column NOT grouped by.
const GROUP_TOTAL = 7;
const GROUP_KOL = 3;
const GROUP_SECTOR = 5;
const GROUP_DISTRICT = 6;

const balancesOf = (r: SliceRow): PortfolioBalances => ({
  activeLoans: r.loans,
  outstandingPrincipal: Money.fromDb(r.outstanding),
  parOutstanding: { '1': Money.fromDb(r.par1), '30': Money.fromDb(r.par30), '90': Money.fromDb(r.par90) },
  nplOutstanding: Money.fromDb(r.npl),
});

const emptyBalances = (): PortfolioBalances => ({
  activeLoans: 0,
  outstandingPrincipal: Money.zero(),
  parOutstanding: { '1': Money.zero(), '30': Money.zero(), '90': Money.zero() },
  nplOutstanding: Money.zero(),
});

const emptyFigures = (asOf: string): PortfolioFigures => ({
  asOf,
  ...emptyBalances(),
  collectibility: emptyCollectibility(),
  disbursedToDate: { count: 0, amount: Money.zero() },
  disbursedOnDay: { count: 0, amount: Money.zero() },
  repaidToDate: Money.zero(),
  repaidOnDay: Money.zero(),
  bySector: [],
  byDistrict: [],
});

const storeSlice = (key: string, b: PortfolioBalances, name?: string): StoredSlice => ({
  key,
  ...(name === undefined ? {} : { name }),
  activeLoans: b.activeLoans,
  outstandingPrincipal: b.outstandingPrincipal.toString(),
  par1Outstanding: b.parOutstanding['1'].toString(),
  par30Outstanding: b.parOutstanding['30'].toString(),
  par90Outstanding: b.parOutstanding['90'].toString(),
  nplOutstanding: b.nplOutstanding.toString(),
});

const readSlice = (s: StoredSlice): PortfolioBalances => ({
  activeLoans: s.activeLoans,
  outstandingPrincipal: Money.fromDb(s.outstandingPrincipal),
  parOutstanding: { '1': Money.fromDb(s.par1Outstanding), '30': Money.fromDb(s.par30Outstanding), '90': Money.fromDb(s.par90Outstanding) },
  nplOutstanding: Money.fromDb(s.nplOutstanding),
});

/**
 * The portfolio report: live (set-based over the loans, as of the business date) or a closed day's
 * snapshot, which close-of-day writes with the same query for the day it closes.
 */
@Injectable()
export class PortfolioService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly businessDate: BusinessDateService,
    private readonly programmes: ProgrammesService,
  ) {}

  async report(q: PortfolioQuery): Promise<PortfolioReport> {
    const em = this.tx.manager;
    const programme = await this.programmes.resolve(q.programmeId, em);
    const today = await this.businessDate.current(em);
    const asOf = q.asOf ?? today;
    if (asOf > today)
      throw new DomainError('UNPROCESSABLE', 'AS_OF_AFTER_BUSINESS_DATE', `asOf ${asOf} is after the business date ${today}: that day has not happened yet`, { businessDate: today });
    if (asOf === today) {
      // Each of the three queries in a read-only transaction of its own, at the same time on three
      // connections (issue 10: they took 250 + 150 + 55 ms one after the other at 100,000 loans). The
      // transaction is there only to turn JIT off: see CloseOfDayDayService.finalize. The one-obligor
      // sort of 100,000 loans spilled to disk at the default 4 MB work_mem.
      const reader: ReportReader = (sql, params) =>
        this.tx.run(async (em) => {
          await em.query(`SET LOCAL jit = off; SET LOCAL work_mem = '32MB'`);
          return em.query(sql, params);
        });
      const figures = (await this.figures(reader, asOf, programme.id)).get(programme.id) ?? emptyFigures(asOf);
      return toPortfolioReport(programme.id, figures, 'LIVE');
    }
    const snapshot = await em.findOneBy(PortfolioSnapshot, { programmeId: programme.id, asOf });
    if (!snapshot)
      throw new DomainError('NOT_FOUND', 'PORTFOLIO_SNAPSHOT_NOT_FOUND', `No portfolio snapshot for ${asOf}: only days closed by close-of-day have one`, { asOf, businessDate: today });
    return toPortfolioReport(programme.id, PortfolioService.fromSnapshot(snapshot), 'SNAPSHOT');
  }

  /** The same report as one CSV table: a row for the total, each grade, the money flows, each sector and kecamatan. */
  async csv(q: PortfolioQuery): Promise<CsvFile> {
    const r = await this.report(q);
    const slice = (group: string, key: string, name: string, s: PortfolioSlice) => [
      r.asOf, group, key, name, s.activeLoans, s.outstandingPrincipal.toString(), s.par['1'], s.par['30'], s.par['90'], s.nplRatio,
    ];
    const flow = (group: string, count: number | null, amount: Money) => [r.asOf, group, '', '', count, amount.toString(), null, null, null, null];
    return csvFile(`portfolio-${r.asOf}.csv`, ['asOf', 'group', 'key', 'name', 'loans', 'amount', 'par1', 'par30', 'par90', 'nplRatio'], [
      slice('TOTAL', '', '', r),
      ...COLLECTIBILITIES.map((k) => [r.asOf, 'COLLECTIBILITY', String(k), COLLECTIBILITY_NAMES[k], r.collectibility[`${k}`].count, r.collectibility[`${k}`].outstanding.toString(), null, null, null, null]),
      flow('DISBURSED_TO_DATE', r.disbursed.count, r.disbursed.amount),
      flow('DISBURSED_ON_DAY', r.onDay.disbursed.count, r.onDay.disbursed.amount),
      flow('REPAID_TO_DATE', null, r.repaid.amount),
      flow('REPAID_ON_DAY', null, r.onDay.repaid.amount),
      ...r.bySector.map((s) => slice('SECTOR', s.sector, '', s)),
      ...r.byDistrict.map((d) => slice('DISTRICT', d.districtCode, csvText(d.districtName), d)),
    ]);
  }

  /** Writes every programme's snapshot of `day` with `em` (close-of-day's transaction). Returns how many. */
  async snapshot(em: EntityManager, day: string): Promise<number> {
    const programmes = (await em.query(`SELECT id FROM programme`)) as { id: string }[];
    const all = await this.figures(em, day);
    const rows = programmes.map(({ id }) => {
      const f = all.get(id) ?? emptyFigures(day);
      return {
        programmeId: id,
        asOf: day,
        activeLoans: f.activeLoans,
        outstandingPrincipal: f.outstandingPrincipal,
        par1Outstanding: f.parOutstanding['1'],
        par30Outstanding: f.parOutstanding['30'],
        par90Outstanding: f.parOutstanding['90'],
        nplOutstanding: f.nplOutstanding,
        collectibility: Object.fromEntries(Object.entries(f.collectibility).map(([k, v]) => [k, { count: v.count, outstanding: v.outstanding.toString() }])),
        bySector: f.bySector.map((s) => storeSlice(s.sector, s)),
        byDistrict: f.byDistrict.map((d) => storeSlice(d.districtCode, d, d.districtName)),
        disbursedCount: f.disbursedOnDay.count,
        disbursedAmount: f.disbursedOnDay.amount,
        disbursedToDateCount: f.disbursedToDate.count,
        disbursedToDateAmount: f.disbursedToDate.amount,
        repaidAmount: f.repaidOnDay,
        repaidToDateAmount: f.repaidToDate,
      };
    });
    if (rows.length) await em.insert(PortfolioSnapshot, rows);
    return rows.length;
  }

  static fromSnapshot(s: PortfolioSnapshot): PortfolioFigures {
    const collectibility = emptyCollectibility();
    for (const [k, v] of Object.entries(s.collectibility)) collectibility[k as `${Collectibility}`] = { count: v.count, outstanding: Money.fromDb(v.outstanding) };
    return {
      asOf: s.asOf,
      activeLoans: s.activeLoans,
      outstandingPrincipal: s.outstandingPrincipal,
      parOutstanding: { '1': s.par1Outstanding, '30': s.par30Outstanding, '90': s.par90Outstanding },
      nplOutstanding: s.nplOutstanding,
      collectibility,
      disbursedToDate: { count: s.disbursedToDateCount, amount: s.disbursedToDateAmount },
      disbursedOnDay: { count: s.disbursedCount, amount: s.disbursedAmount },
      repaidToDate: s.repaidToDateAmount,
      repaidOnDay: s.repaidAmount,
      bySector: s.bySector.map((x) => ({ sector: x.key, ...readSlice(x) })),
      byDistrict: s.byDistrict.map((x) => ({ districtCode: x.key, districtName: x.name ?? x.key, ...readSlice(x) })),
    };
  }

  /**
   * Every programme's figures (or one's) as of `asOf`, from the loans as they stand now: days past due
   * counted to `asOf`, each loan graded by its own table and then by the one-obligor rule over all of
   * the borrower's active loans (in any programme). Three set-based queries, no per-loan work here.
   */
  async figures(from: EntityManager | ReportReader, asOf: string, programmeId?: string): Promise<Map<string, PortfolioFigures>> {
    // With a manager (close-of-day's transaction) the three queries run one after the other on its one
    // connection (pg refuses overlapping queries on a client); with a reader, all at once.
    const queries: (() => Promise<unknown[]>)[] = [];
    const read = (sql: string, params: unknown[]) => queries.push(() => (typeof from === 'function' ? from(sql, params) : from.query(sql, params)));
    const params: unknown[] = programmeId ? [asOf, programmeId] : [asOf];
    // Sector and kecamatan are the loan's own, as booked (loan.sector: migration 1800), so the grading
    // is an index-only scan of loan_portfolio_active with no join.
    const dpd = daysPastDueSql('l.oldest_unpaid_due_date', '$1::date');
    const own = collectibilitySql('l.collectibility_table', 'd.dpd');
    const over = PAR_THRESHOLDS.map((x) => `dpd > ${x} AS over${x}`).join(', ');
    const overKeys = PAR_THRESHOLDS.map((x) => `over${x}`).join(', ');
    const par = PAR_THRESHOLDS.map((x) => `coalesce(sum(outstanding) FILTER (WHERE over${x}), 0)::numeric(18,2)::text AS par${x}`).join(',\n             ');
    read(
      `WITH ${programmeId ? elsewhereSql(dpd, own) : ''} graded AS (
         SELECT l.programme_id, l.borrower_id, l.district_code, l.sector, l.outstanding_principal AS outstanding, d.dpd, ${own} AS own
           FROM loan l CROSS JOIN LATERAL (SELECT ${dpd} AS dpd) d
          WHERE l.status = 'ACTIVE' AND l.disbursed_on <= $1::date ${programmeId ? 'AND l.programme_id = $2' : ''}
       ), worst_here AS (
         SELECT g.*, max(g.own) OVER (PARTITION BY g.borrower_id) AS kol_here FROM graded g
       ), obligor AS (
         SELECT w.programme_id, w.district_code, w.outstanding, w.dpd, coalesce(w.sector, '${UNKNOWN_SECTOR}') AS sector,
                ${programmeId ? 'greatest(w.kol_here, e.own)' : 'w.kol_here'} AS kol
           FROM worst_here w ${programmeId ? 'LEFT JOIN elsewhere e ON e.borrower_id = w.borrower_id' : ''}
       ), cells AS (
         -- One pass over the loans into a few hundred cells (grade x sector x kecamatan x PAR band), so the
         -- four grouping sets add up cells rather than each aggregating 100,000 loans (about 130 ms down to 45).
         SELECT programme_id, kol, sector, district_code, ${over}, count(*) AS loans, sum(outstanding) AS outstanding
           FROM obligor GROUP BY programme_id, kol, sector, district_code, ${overKeys}
       ), sliced AS (
         SELECT programme_id, kol, sector, district_code, GROUPING(kol, sector, district_code) AS grp,
                sum(loans)::int AS loans,
                sum(outstanding)::numeric(18,2)::text AS outstanding,
                ${par},
                coalesce(sum(outstanding) FILTER (WHERE kol >= ${NPL_FROM}), 0)::numeric(18,2)::text AS npl
           FROM cells
          GROUP BY GROUPING SETS ((programme_id), (programme_id, kol), (programme_id, sector), (programme_id, district_code))
       )
       SELECT s.*, r.name AS district_name FROM sliced s LEFT JOIN region r ON r.code = s.district_code
        ORDER BY s.programme_id, s.grp, s.kol, s.sector, s.district_code`,
      params,
    );
    read(
      `SELECT l.programme_id,
              count(*) FILTER (WHERE l.disbursed_on = $1::date)::int AS day_count,
              coalesce(sum(l.principal) FILTER (WHERE l.disbursed_on = $1::date), 0)::numeric(18,2)::text AS day_amount,
              count(*)::int AS total_count, sum(l.principal)::numeric(18,2)::text AS total_amount
         FROM loan l WHERE l.disbursed_on <= $1::date ${programmeId ? 'AND l.programme_id = $2' : ''}
        GROUP BY l.programme_id`,
      params,
    );
    read(
      `SELECT jl.programme_id,
              coalesce(sum(jl.credit - jl.debit) FILTER (WHERE jl.value_date = $1::date), 0)::numeric(18,2)::text AS day_amount,
              sum(jl.credit - jl.debit)::numeric(18,2)::text AS total_amount
         FROM journal_line jl
        WHERE jl.value_date <= $1::date AND ${REPAID_LINE} ${programmeId ? 'AND jl.programme_id = $2' : ''}
        GROUP BY jl.programme_id`,
      params,
    );
    const results: unknown[][] = [];
    if (typeof from === 'function') results.push(...(await Promise.all(queries.map((q) => q()))));
    else for (const q of queries) results.push(await q());
    const [slices, flows, repaid] = results as [
      SliceRow[],
      { programme_id: string; day_count: number; day_amount: string; total_count: number; total_amount: string }[],
      { programme_id: string; day_amount: string; total_amount: string }[],
    ];

    const out = new Map<string, PortfolioFigures>();
    const of = (id: string) => {
      let f = out.get(id);
      if (!f) out.set(id, (f = emptyFigures(asOf)));
      return f;
    };
    for (const r of slices) {
      const f = of(r.programme_id);
      const b = balancesOf(r);
      if (r.grp === GROUP_TOTAL) Object.assign(f, b);
      else if (r.grp === GROUP_KOL && r.kol !== null && COLLECTIBILITIES.includes(r.kol as Collectibility))
        f.collectibility[String(r.kol) as `${Collectibility}`] = { count: r.loans, outstanding: b.outstandingPrincipal };
      else if (r.grp === GROUP_SECTOR) f.bySector.push({ sector: r.sector ?? UNKNOWN_SECTOR, ...b });
      else if (r.grp === GROUP_DISTRICT) f.byDistrict.push({ districtCode: r.district_code ?? '', districtName: r.district_name ?? r.district_code ?? '', ...b });
    }
    for (const r of flows) {
      const f = of(r.programme_id);
      f.disbursedOnDay = { count: r.day_count, amount: Money.fromDb(r.day_amount) };
      f.disbursedToDate = { count: r.total_count, amount: Money.fromDb(r.total_amount) };
    }
    for (const r of repaid) {
      const f = of(r.programme_id);
      f.repaidOnDay = Money.fromDb(r.day_amount);
      f.repaidToDate = Money.fromDb(r.total_amount);
    }
    return out;
  }
}
