// Where applications wait (issue 3 item 9): the filtered list and the per-status counts with days waiting.
import { BusinessDateService, decodeCursor, type Page, pageLimit, ProgrammesService, toPage, TransactionRunner, ValidationError } from '#platform';
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
  limit?: number;
  cursor?: string;
}

export interface PipelineFilter {
  programmeId?: string;
  districtCode?: string;
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class ApplicationPipelineService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly programmes: ProgrammesService,
    private readonly businessDate: BusinessDateService,
  ) {}

  /** Newest first, keyset-paginated on (submitted_at, id); each filter has its own index. */
  async list(f: ApplicationListFilter): Promise<Page<ApplicationView>> {
    const programme = await this.programmes.resolve(f.programmeId);
    const limit = pageLimit(f);
    const after = decodeCursor(f.cursor);
    // The cursor goes into typed SQL parameters: a forged one must be a 400, not a cast error.
    if (after && (!UUID.test(after.id) || Number.isNaN(Date.parse(after.k))))
      throw ValidationError.field('cursor', 'INVALID_CURSOR', 'cursor is not one this api issued');
    const qb = this.tx.manager
      .createQueryBuilder(Application, 'a')
      .where('a.programme_id = :programmeId', { programmeId: programme.id })
      .orderBy('a.submitted_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit + 1);
    if (f.status) qb.andWhere('a.status = :status', { status: f.status });
    if (f.districtCode) qb.andWhere('a.district_code = :districtCode', { districtCode: f.districtCode });
    if (f.officerId) qb.andWhere('a.submitted_by = :officerId', { officerId: f.officerId });
    if (after) qb.andWhere('(a.submitted_at, a.id) < (:k::timestamptz, :id::uuid)', { k: after.k, id: after.id });
    const rows = await qb.getMany();
    return toPage(rows.map(toApplicationView), limit, (a) => ({ k: a.submittedAt, id: a.id }));
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
        GROUP BY s.status, s.ord
        ORDER BY s.ord`,
      [programme.id, asOf, [...APPLICATION_STATUSES], f.districtCode ?? null],
    )) as { status: ApplicationStatus; count: number; oldest: number | null; median: number | null }[];
    return {
      asOf,
      programmeId: programme.id,
      districtCode: f.districtCode ?? null,
      statuses: rows.map((r) => ({ status: r.status, count: r.count, oldestDaysWaiting: r.oldest, medianDaysWaiting: r.median })),
    };
  }
}
