import { Money } from '#money';
import { BusinessDateService, ProgrammesService, TransactionRunner, ValidationError } from '#platform';
import { Injectable } from '@nestjs/common';
import { ratio } from '../domain/portfolio-report.js';

/** The longest range one trend request reads: two years of closed days (730 rows at most). */
export const TREND_MAX_DAYS = 731;

/** The default range: the 90 days before the business date (the last closed day and 89 before it). */
export const TREND_DEFAULT_DAYS = 90;

export interface PortfolioTrendQuery {
  programmeId?: string;
  from?: string;
  to?: string;
}

/** One closed day of the programme dashboard's trend lines. */
export interface PortfolioTrendPoint {
  date: string;
  activeLoans: number;
  outstanding: Money;
  /** PAR30 and NPL as ratios of the outstanding (decimal strings 0-1, as in the portfolio report). */
  par30: string;
  nplRatio: string;
  /** Disbursed and repaid on that day, and from the start of the programme through it. */
  disbursed: Money;
  repaid: Money;
  disbursedToDate: Money;
  repaidToDate: Money;
}

export interface PortfolioTrend {
  programmeId: string;
  from: string;
  to: string;
  points: PortfolioTrendPoint[];
}

interface TrendRow {
  as_of: string;
  active_loans: number;
  outstanding_principal: string;
  par30_outstanding: string;
  npl_outstanding: string;
  disbursed_amount: string;
  repaid_amount: string;
  disbursed_to_date_amount: string;
  repaid_to_date_amount: string;
}

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string): number => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;

/**
 * The portfolio over a range of closed days, for the dashboard's charts: one range scan of the
 * close-of-day snapshots on their primary key (programme_id, as_of), never one report per day. Days
 * not closed (the business date itself, or before the first close) have no point.
 */
@Injectable()
export class PortfolioTrendService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly businessDate: BusinessDateService,
    private readonly programmes: ProgrammesService,
  ) {}

  async trend(q: PortfolioTrendQuery): Promise<PortfolioTrend> {
    const em = this.tx.manager;
    const to = q.to ?? addDays(await this.businessDate.current(em), -1);
    const from = q.from ?? addDays(to, 1 - TREND_DEFAULT_DAYS);
    if (from > to) throw ValidationError.field('from', 'RANGE_INVERTED', `from ${from} is after to ${to}`);
    if (daysBetween(from, to) >= TREND_MAX_DAYS)
      throw ValidationError.field('to', 'RANGE_TOO_LONG', `from ${from} to ${to} is more than ${TREND_MAX_DAYS} days: ask for a shorter range`);
    const programme = await this.programmes.resolve(q.programmeId, em);
    const rows = (await em.query(
      `SELECT as_of::text AS as_of, active_loans, outstanding_principal::text, par30_outstanding::text, npl_outstanding::text,
              disbursed_amount::text, repaid_amount::text, disbursed_to_date_amount::text, repaid_to_date_amount::text
         FROM portfolio_snapshot
        WHERE programme_id = $1 AND as_of BETWEEN $2::date AND $3::date
        ORDER BY as_of`,
      [programme.id, from, to],
    )) as TrendRow[];
    return {
      programmeId: programme.id,
      from,
      to,
      points: rows.map((r) => {
        const outstanding = Money.fromDb(r.outstanding_principal);
        return {
          date: r.as_of,
          activeLoans: r.active_loans,
          outstanding,
          par30: ratio(Money.fromDb(r.par30_outstanding), outstanding),
          nplRatio: ratio(Money.fromDb(r.npl_outstanding), outstanding),
          disbursed: Money.fromDb(r.disbursed_amount),
          repaid: Money.fromDb(r.repaid_amount),
          disbursedToDate: Money.fromDb(r.disbursed_to_date_amount),
          repaidToDate: Money.fromDb(r.repaid_to_date_amount),
        };
      }),
    };
  }
}
