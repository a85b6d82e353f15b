import {
  APP_CONFIG,
  type AppConfig,
  BusinessDateService,
  closeOfDayPartitionJobId,
  type CloseOfDayPartitionPayload,
  JOBS,
  QUEUES,
} from '#platform';
import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { CloseOfDayDayService, type CloseOfDayHooks } from './close-of-day-day.service.js';
import { CloseOfDayRunsService } from './close-of-day-runs.service.js';

/** A partition job failed after all its attempts: the run stops (FAILED); a new run resumes the day. */
export class CloseOfDayPartitionFailedError extends Error {
  override readonly name = 'CloseOfDayPartitionFailedError';
}

/**
 * Drives one run (the worker's run job): for each day from the business date through the run's
 * until, plans the day's partitions, queues them as jobs any worker may take (deterministic job ids,
 * so a resumed run re-adds nothing already queued), waits until every one is done, then completes the
 * day, which moves the business date. No day starts before the one before it is complete. Every step
 * is safe to repeat, so a crashed worker's run job, retried by Bull, resumes where it stopped.
 */
@Injectable()
export class CloseOfDayCoordinator {
  constructor(
    private readonly runs: CloseOfDayRunsService,
    private readonly days: CloseOfDayDayService,
    private readonly businessDate: BusinessDateService,
    @InjectQueue(QUEUES.CLOSE_OF_DAY_PARTITIONS) private readonly partitions: Queue<CloseOfDayPartitionPayload>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async drive(runId: string, hooks: CloseOfDayHooks = {}): Promise<void> {
    const run = await this.runs.start(runId);
    if (!run) return;
    for (;;) {
      const day = await this.businessDate.current();
      if (day > run.untilDate) {
        await this.runs.complete(runId);
        return;
      }
      const planned = await this.days.plan(runId, day, this.config.CLOSE_OF_DAY_PARTITIONS);
      const pending = planned.filter((p) => p.status === 'PENDING');
      if (pending.length) {
        const jobs = await this.partitions.addBulk(
          pending.map((p) => ({
            name: JOBS.CLOSE_OF_DAY_PARTITION,
            data: { runId, day, partition: p.partition },
            opts: { jobId: closeOfDayPartitionJobId(runId, day, p.partition) },
          })),
        );
        try {
          await Promise.all(jobs.map((j) => j.finished()));
        } catch (err) {
          // This worker is shutting down: a plain error, so Bull retries the run job on another worker.
          if ((this.partitions as unknown as { closing?: unknown }).closing) throw err;
          throw new CloseOfDayPartitionFailedError(`closing ${day}: a partition failed after all its attempts: ${(err as Error).message}`);
        }
      }
      const closed = await this.days.finalize(runId, day, hooks);
      if (closed?.runCompleted) return;
    }
  }
}
