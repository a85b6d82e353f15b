import {
  APP_CONFIG,
  type AppConfig,
  CLOSE_OF_DAY_AUTO_CRON,
  CLOSE_OF_DAY_AUTO_JOB_ID,
  type CloseOfDayAutoPayload,
  type CloseOfDayPartitionPayload,
  type CloseOfDayRunPayload,
  JOBS,
  ProgrammesService,
  QUEUES,
} from '#platform';
import { CloseOfDayCoordinator, type CloseOfDayHooks, CloseOfDayPartitionFailedError, CloseOfDayPartitionService, CloseOfDayRunsService, type PartitionOutcome } from '#repayment';
import { ApprovalExpiryService } from '#scoring';
import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Job, Queue } from 'bull';

/** How often a worker looks for runs whose job was lost (Redis down when the api queued it, a dead worker). */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * Close-of-day on the worker: run jobs (one per run, driving it day by day), partition jobs (any
 * worker takes any; CLOSE_OF_DAY_CONCURRENCY at once per process) and, when CLOSE_OF_DAY_AUTO is on,
 * the repeatable 00:05 job in the default programme's time zone. Handlers are registered here rather
 * than with @Process so that the partition concurrency comes from the configuration.
 */
@Injectable()
export class CloseOfDayProcessor implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CloseOfDayProcessor.name);
  private sweeper?: NodeJS.Timeout;

  constructor(
    @InjectQueue(QUEUES.CLOSE_OF_DAY) private readonly runsQueue: Queue<CloseOfDayRunPayload | CloseOfDayAutoPayload>,
    @InjectQueue(QUEUES.CLOSE_OF_DAY_PARTITIONS) private readonly partitionsQueue: Queue<CloseOfDayPartitionPayload>,
    private readonly coordinator: CloseOfDayCoordinator,
    private readonly partitions: CloseOfDayPartitionService,
    private readonly runs: CloseOfDayRunsService,
    private readonly programmes: ProgrammesService,
    private readonly approvals: ApprovalExpiryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // process() resolves only when the queue closes: not awaited.
    void this.runsQueue.process(JOBS.CLOSE_OF_DAY_RUN, 1, (job) => this.run(job as Job<CloseOfDayRunPayload>));
    void this.runsQueue.process(JOBS.CLOSE_OF_DAY_AUTO, 1, () => this.auto());
    void this.partitionsQueue.process(JOBS.CLOSE_OF_DAY_PARTITION, this.config.CLOSE_OF_DAY_CONCURRENCY, (job: Job<CloseOfDayPartitionPayload>) =>
      this.partition(job),
    );
    // A run job that stalled too often (its worker died twice) never reaches run()'s catch.
    this.runsQueue.on('failed', (job: Job, err: Error) => {
      if (job.name === JOBS.CLOSE_OF_DAY_RUN && job.attemptsMade >= (job.opts.attempts ?? 1))
        void this.runs.markFailed((job.data as CloseOfDayRunPayload).runId, err.message).catch((e: Error) => this.logger.error(e.message));
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
    await this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  private async run(job: Job<CloseOfDayRunPayload>): Promise<void> {
    const hooks: CloseOfDayHooks = { expireApprovals: async (day) => (await this.approvals.expireApprovals(day)).applicationIds.length };
    try {
      await this.coordinator.drive(job.data.runId, hooks);
    } catch (err) {
      const message = (err as Error).message;
      if (err instanceof CloseOfDayPartitionFailedError) {
        // Retrying the run would meet the same failed job: stop here; a new run resumes the day.
        await this.runs.markFailed(job.data.runId, message);
        return;
      }
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await this.runs.markFailed(job.data.runId, message);
      throw err;
    }
  }

  private partition(job: Job<CloseOfDayPartitionPayload>): Promise<PartitionOutcome> {
    return this.partitions.close(job.data.day, job.data.partition);
  }

  private async auto(): Promise<{ runId: string | null }> {
    const run = await this.runs.requestAuto(new Date());
    if (run) this.logger.log(`Automatic close-of-day queued run ${run.id}`);
    return { runId: run?.id ?? null };
  }

  /** Adds the repeatable job when the automatic close is on, and removes it (any zone) when it is off. */
  private async schedule(): Promise<void> {
    const programme = await this.programmes.resolve(undefined);
    const enabled = this.runs.autoEnabled;
    for (const r of await this.runsQueue.getRepeatableJobs()) {
      if (r.name === JOBS.CLOSE_OF_DAY_AUTO && (!enabled || r.tz !== programme.timeZone || r.cron !== CLOSE_OF_DAY_AUTO_CRON)) await this.runsQueue.removeRepeatableByKey(r.key);
    }
    if (enabled)
      await this.runsQueue.add(JOBS.CLOSE_OF_DAY_AUTO, {}, { jobId: CLOSE_OF_DAY_AUTO_JOB_ID, repeat: { cron: CLOSE_OF_DAY_AUTO_CRON, tz: programme.timeZone }, attempts: 3 });
  }

  private async sweep(): Promise<void> {
    try {
      await this.runs.sweep();
    } catch (err) {
      this.logger.warn(`Close-of-day sweep failed: ${(err as Error).message}`);
    }
  }
}
