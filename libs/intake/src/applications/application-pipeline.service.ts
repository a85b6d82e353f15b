// Where applications wait (issue 3 item 9): the filtered list and the per-status counts with days waiting.
import { BusinessDateService, decodeCursor, type Page, pageLimit, ProgrammesService, toPage, TransactionRunner } from '#platform';
import { Injectable } from '@nestjs/common';
import { Application } from './application.entity.js';
import { type ApplicationView, toApplicationView } from './application-view.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from './domain/application-status.js';

export interface ApplicationListFilter {
  /** Defaults to the default programme. */
  programmeId?: string;
  status?: ApplicationStatus;
  districtCode?: string;
  /** The loan officer who submitted it. */
  officerId?: string;
  /** One borrower's applications (their history in the programme). */
  borrowerId?: string;
  /** `newest` (default) first, or `oldest` first: an approver's queue is worked from its oldest. */
  order?: 'newest' | 'oldest';
  limit?: number;
  cursor?: string;
}

export interface PipelineFilter {
  programmeId?: string;
  districtCode?: string;
  /** One loan officer's own applications ("my pipeline"). */
  officerId?: string;
}

/** A list row: the application, who it is for, how long it has waited in its status, and its latest score. */
export interface ApplicationListItem extends ApplicationView {
  borrowerName: string;
  businessName: string | null;
  /** Business date - the date it entered its current status. */
  daysWaiting: number;
  latestScore: { score: number; grade: string; recommendation: string } | null;
}

export interface PipelineStatus {
  status: ApplicationStatus;
  count: number;
  /** Business days are calendar days here: business date - the date it entered the status. null when none. */
  oldestDaysWaiting: number | null;
  medianDaysWaiting: number | null;
}

export interface Pipeline {
  asOf: string;
  programmeId: string;
  districtCode: string | null;
  statuses: PipelineStatus[];
}

@Injectable()
export class ApplicationPipelineService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly programmes: ProgrammesService,
    private readonly businessDate: BusinessDateService,
  ) {}

  /**
   * Newest (or oldest) first, keyset-paginated on (submitted_at, id); each filter has its own index. Each row
   * carries the borrower's and business's names, the days waiting and the latest score, read for the whole
   * page in two set-based queries (no query per row).
   */
  async list(f: ApplicationListFilter): Promise<Page<ApplicationListItem>> {
    const programme = await this.programmes.resolve(f.programmeId);
    const limit = pageLimit(f);
    const after = decodeCursor(f.cursor, 'timestamp');
    const direction = f.order === 'oldest' ? 'ASC' : 'DESC';
    const qb = this.tx.manager
      .createQueryBuilder(Application, 'a')
      .where('a.programme_id = :programmeId', { programmeId: programme.id })
      .orderBy('a.submitted_at', direction)
      .addOrderBy('a.id', direction)
      .limit(limit + 1);
    if (f.status) qb.andWhere('a.status = :status', { status: f.status });
    if (f.districtCode) qb.andWhere('a.district_code = :districtCode', { districtCode: f.districtCode });
    if (f.officerId) qb.andWhere('a.submitted_by = :officerId', { officerId: f.officerId });
    if (f.borrowerId) qb.andWhere('a.borrower_id = :borrowerId', { borrowerId: f.borrowerId });
    if (after) qb.andWhere(`(a.submitted_at, a.id) ${direction === 'ASC' ? '>' : '<'} (:k::timestamptz, :id::uuid)`, { k: after.k, id: after.id });
    const rows = await qb.getMany();
    const page = toPage(rows.map(toApplicationView), limit, (a) => ({ k: a.submittedAt, id: a.id }));
    return { ...page, items: await this.withSummaries(page.items) };
  }

  private async withSummaries(items: ApplicationView[]): Promise<ApplicationListItem[]> {
    if (!items.length) return [];
    const asOf = await this.businessDate.current();
    const ids = items.map((a) => a.id);
    const people = (await this.tx.manager.query(
      `SELECT a.id, b.full_name AS "borrowerName", biz.name AS "businessName", ($2::date - a.status_since)::int AS "daysWaiting"
         FROM application a
         JOIN borrower b ON b.id = a.borrower_id
         LEFT JOIN business biz ON biz.borrower_id = b.id
        WHERE a.id = ANY($1::uuid[])`,
      [ids, asOf],
    )) as { id: string; borrowerName: string; businessName: string | null; daysWaiting: number }[];
    // Intake reads the scoring lib's table by SQL (scoring depends on intake, never the reverse).
    const scores = (await this.tx.manager.query(
      `SELECT DISTINCT ON (application_id) application_id AS id, score, grade, recommendation
         FROM scoring_run WHERE application_id = ANY($1::uuid[])
        ORDER BY application_id, run_number DESC`,
      [ids],
    )) as { id: string; score: number; grade: string; recommendation: string }[];
    const byId = new Map(people.map((p) => [p.id, p]));
    const scoreById = new Map(scores.map(({ id, ...score }) => [id, score]));
    return items.map((a) => {
      const p = byId.get(a.id);
      return {
        ...a,
        borrowerName: p?.borrowerName ?? '',
        businessName: p?.businessName ?? null,
        daysWaiting: p?.daysWaiting ?? 0,
        latestScore: scoreById.get(a.id) ?? null,
      };
    });
  }

  /**
   * Per status (every status, zero counts included): how many applications are in it and how long
   * they have waited there, in one set-based query. Days waiting = business date - status_since.
   */
  async pipeline(f: PipelineFilter): Promise<Pipeline> {
    const programme = await this.programmes.resolve(f.programmeId);
    const asOf = await this.businessDate.current();
    const rows = (await this.tx.manager.query(
      `SELECT s.status,
              count(a.id)::int AS count,
              max($2::date - a.status_since) AS oldest,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY $2::date - a.status_since) AS median
         FROM unnest($3::text[]) WITH ORDINALITY AS s(status, ord)
         LEFT JOIN application a
           ON a.status = s.status AND a.programme_id = $1 AND ($4::text IS NULL OR a.district_code = $4)
          AND ($5::uuid IS NULL OR a.submitted_by = $5)
        GROUP BY s.status, s.ord
        ORDER BY s.ord`,
      [programme.id, asOf, [...APPLICATION_STATUSES], f.districtCode ?? null, f.officerId ?? null],
    )) as { status: ApplicationStatus; count: number; oldest: number | null; median: number | null }[];
    return {
      asOf,
      programmeId: programme.id,
      districtCode: f.districtCode ?? null,
      statuses: rows.map((r) => ({ status: r.status, count: r.count, oldestDaysWaiting: r.oldest, medianDaysWaiting: r.median })),
    };
  }
}
