import {
  APP_CONFIG,
  type AppConfig,
  AuditService,
  BusinessDateService,
  closeOfDayRunJobId,
  type CloseOfDayRunPayload,
  decodeCursor,
  newestFirst,
  DomainError,
  JOBS,
  NotFoundError,
  type Page,
  type PageQuery,
  pageLimit,
  ProgrammesService,
  QUEUES,
  requestContext,
  toPage,
  TransactionRunner,
} from '#platform';
import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { In, QueryFailedError } from 'typeorm';
import { autoCloseUntil, daysToClose, localDateIn } from '../domain/close-of-day-calendar.js';
import { CloseOfDayRun, type CloseOfDayRunStatus, type CloseOfDayTrigger } from './close-of-day-run.entity.js';

/** api.md's run, plus what a person watching it wants to know. */
export interface CloseOfDayRunView {
  id: string;
  status: CloseOfDayRunStatus;
  /** The business date now, as far as this run has moved it. */
  businessDate: string;
  processedDays: number;
  loansProcessed: number;
  from: string;
  until: string;
  trigger: CloseOfDayTrigger;
  error: string | null;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const LIVE: CloseOfDayRunStatus[] = ['QUEUED', 'RUNNING'];
/** Redis may be down when a run is asked for: the run is committed, and the worker's sweep queues it. */
const ENQUEUE_TIMEOUT_MS = 5000;

const toView = (r: CloseOfDayRun): CloseOfDayRunView => ({
  id: r.id,
  status: r.status,
  businessDate: r.businessDate,
  processedDays: r.processedDays,
  loansProcessed: r.loansProcessed,
  from: r.fromDate,
  until: r.untilDate,
  trigger: r.trigger,
  error: r.error,
  requestedAt: r.createdAt,
  startedAt: r.startedAt,
  finishedAt: r.finishedAt,
});

const inProgress = (run: { id: string; status: string }) =>
  new DomainError('CONFLICT', 'CLOSE_OF_DAY_IN_PROGRESS', `Close-of-day run ${run.id} is ${run.status}: one run at a time`, { runId: run.id });

/** Close-of-day runs as the api and the worker's scheduler ask for them, and their bookkeeping. */
@Injectable()
export class CloseOfDayRunsService {
  private readonly logger = new Logger(CloseOfDayRunsService.name);

  constructor(
    private readonly tx: TransactionRunner,
    private readonly businessDate: BusinessDateService,
    private readonly programmes: ProgrammesService,
    private readonly audit: AuditService,
    @InjectQueue(QUEUES.CLOSE_OF_DAY) private readonly queue: Queue<CloseOfDayRunPayload>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Records a run closing every day from the business date through `until`, then queues it (after the
   * commit: a job never refers to a row that is not there). 409 DAY_ALREADY_CLOSED when `until` is
   * before the business date; 409 CLOSE_OF_DAY_IN_PROGRESS while another run is queued or running.
   */
  async request(until: string, trigger: CloseOfDayTrigger = 'MANUAL'): Promise<{ id: string }> {
    const id = await this.tx.run(async (em) => {
      const today = await this.businessDate.current(em);
      if (until < today)
        throw new DomainError('CONFLICT', 'DAY_ALREADY_CLOSED', `${until} is already closed: the business date is ${today}, and a day is never closed twice`, {
          businessDate: today,
        });
      daysToClose(today, until);
      const live = await em.findOne(CloseOfDayRun, { where: { status: In(LIVE) } });
      if (live) throw inProgress(live);
      let runId: string;
      try {
        const inserted = await em.insert(CloseOfDayRun, {
          status: 'QUEUED',
          trigger,
          fromDate: today,
          untilDate: until,
          businessDate: today,
          processedDays: 0,
          loansProcessed: 0,
          requestedBy: requestContext.current()?.userId ?? null,
        });
        runId = (inserted.identifiers[0] as { id: string }).id;
      } catch (err) {
        // Two requests at once: the unique index on live runs lets one through.
        if (err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505') throw inProgress({ id: '(another request)', status: 'QUEUED' });
        throw err;
      }
      await this.audit.record(em, { action: 'CLOSE_OF_DAY_REQUESTED', entityType: 'close_of_day_run', entityId: runId, after: { from: today, until, trigger } });
      return runId;
    });
    await this.enqueue(id);
    return { id };
  }

  async get(id: string): Promise<CloseOfDayRunView> {
    const run = await this.tx.manager.findOneBy(CloseOfDayRun, { id });
    if (!run) throw new NotFoundError('Close-of-day run', id);
    return toView(run);
  }

  /** Runs, newest first (the admin's close-of-day page): the first item is the latest run. */
  async list(q: PageQuery): Promise<Page<CloseOfDayRunView>> {
    const limit = pageLimit(q);
    const after = decodeCursor(q.cursor, 'timestamp');
    const qb = newestFirst(this.tx.manager.createQueryBuilder(CloseOfDayRun, 'r'), limit, after);
    return toPage((await qb.getMany()).map(toView), limit, (r) => ({ k: r.requestedAt.toISOString(), id: r.id }));
  }

  /**
   * The automatic close at 00:05: closes every day before today in the default programme's time zone.
   * Nothing when the books are already on today or a run is under way. Returns the run it queued.
   */
  async requestAuto(now: Date): Promise<{ id: string } | null> {
    const programme = await this.programmes.resolve(undefined);
    const until = autoCloseUntil(localDateIn(now, programme.timeZone), await this.businessDate.current());
    if (!until) return null;
    try {
      return await this.request(until, 'AUTO');
    } catch (err) {
      if (err instanceof DomainError && err.code === 'CLOSE_OF_DAY_IN_PROGRESS') {
        this.logger.log('Automatic close-of-day skipped: a run is already under way');
        return null;
      }
      throw err;
    }
  }

  /** QUEUED -> RUNNING; null when the run is already over (a stale or repeated job). */
  async start(runId: string): Promise<CloseOfDayRun | null> {
    return this.tx.run(async (em) => {
      const run = await em.findOne(CloseOfDayRun, { where: { id: runId }, lock: { mode: 'pessimistic_write' } });
      if (!run) throw new NotFoundError('Close-of-day run', runId);
      if (!LIVE.includes(run.status)) return null;
      if (run.status === 'QUEUED') {
        await em.update(CloseOfDayRun, { id: runId }, { status: 'RUNNING', startedAt: new Date() });
        await this.audit.record(em, { action: 'CLOSE_OF_DAY_STARTED', entityType: 'close_of_day_run', entityId: runId, actorId: null, before: { status: 'QUEUED' }, after: { status: 'RUNNING' } });
      }
      return em.findOneByOrFail(CloseOfDayRun, { id: runId });
    });
  }

  /** Marks a live run COMPLETED (all its days were closed, possibly by a run before it). */
  async complete(runId: string): Promise<void> {
    await this.tx.run(async (em) => {
      const today = await this.businessDate.current(em);
      await em.update(CloseOfDayRun, { id: runId, status: In(LIVE) }, { status: 'COMPLETED', businessDate: today, finishedAt: new Date() });
    });
  }

  /** A live run that cannot go on: FAILED, with why. The days it closed stay closed; a new run resumes. */
  async markFailed(runId: string, reason: string): Promise<void> {
    await this.tx.run(async (em) => {
      const run = await em.findOne(CloseOfDayRun, { where: { id: runId }, lock: { mode: 'pessimistic_write' } });
      if (!run || !LIVE.includes(run.status)) return;
      const error = reason.slice(0, 2000) || 'unknown error';
      await em.update(CloseOfDayRun, { id: runId }, { status: 'FAILED', error, finishedAt: new Date() });
      await this.audit.record(em, { action: 'CLOSE_OF_DAY_FAILED', entityType: 'close_of_day_run', entityId: runId, actorId: null, before: { status: run.status }, after: { status: 'FAILED', error } });
    });
    this.logger.error(`Close-of-day run ${runId} failed: ${reason}`);
  }

  /**
   * The outbox sweep (worker start and every minute): a live run without its job is queued again (the
   * api could not reach Redis); one whose job failed for good is marked FAILED so another can start.
   */
  async sweep(): Promise<void> {
    const live = await this.tx.manager.find(CloseOfDayRun, { where: { status: In(LIVE) } });
    for (const run of live) {
      const job = await this.queue.getJob(closeOfDayRunJobId(run.id));
      if (!job) await this.enqueue(run.id);
      else if (await job.isFailed()) await this.markFailed(run.id, job.failedReason ?? 'the run job failed');
      else if (await job.isCompleted()) await this.markFailed(run.id, 'the run job ended without closing its days');
    }
  }

  private async enqueue(runId: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.queue.add(JOBS.CLOSE_OF_DAY_RUN, { runId }, { jobId: closeOfDayRunJobId(runId) }),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS))),
      ]);
    } catch (err) {
      this.logger.warn(`Close-of-day run ${runId} is recorded but not queued yet (${(err as Error).message}); the worker's sweep will queue it`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Whether the automatic close is on: CLOSE_OF_DAY_AUTO, else on in production only. */
  get autoEnabled(): boolean {
    return this.config.CLOSE_OF_DAY_AUTO ?? this.config.NODE_ENV === 'production';
  }
}
