import { claimDueReminders } from '#notifications';
import { APP_CONFIG, type AppConfig, JOBS, QUEUES, reminderJobId, type SendReminderPayload, TransactionRunner } from '#platform';
import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bull';

/**
 * Moves due outbox rows into Bull as delayed jobs. The rows are claimed and the jobs added in one
 * transaction: if the add fails the claim rolls back; if the process dies after the add but before the
 * commit, the next pass adds the same deterministic job id again, which Bull ignores. Any number of
 * workers may dispatch at once (SKIP LOCKED).
 */
@Injectable()
export class ReminderDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReminderDispatcher.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @InjectQueue(QUEUES.REMINDERS) private readonly queue: Queue<SendReminderPayload>,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.NOTIFY_DISPATCH_INTERVAL_MS);
    this.timer.unref();
    void this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Dispatches until nothing due is left; resolves to the number of jobs added. */
  async dispatchAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.dispatchBatch();
      total += n;
      if (n < this.config.NOTIFY_DISPATCH_BATCH) return total;
    }
  }

  async dispatchBatch(): Promise<number> {
    return this.tx.run(async (em) => {
      const rows = await claimDueReminders(em, this.config.NOTIFY_DISPATCH_HORIZON_SECONDS, this.config.NOTIFY_DISPATCH_BATCH, this.config.NOTIFY_REQUEUE_AFTER_SECONDS);
      if (!rows.length) return 0;
      for (const r of rows.filter((row) => row.requeued)) await this.revive(reminderJobId(r.installment_id, r.kind, r.offset_days));
      const now = Date.now();
      await this.queue.addBulk(
        rows.map((r) => ({
          name: JOBS.SEND_REMINDER,
          data: { notificationId: r.id },
          opts: {
            jobId: reminderJobId(r.installment_id, r.kind, r.offset_days),
            delay: Math.max(0, new Date(r.scheduled_for).getTime() - now),
            attempts: this.config.NOTIFY_MAX_ATTEMPTS,
            backoff: { type: 'exponential', delay: this.config.NOTIFY_BACKOFF_MS },
            // The outbox row is the record of a sent reminder; a finished job must not block a re-dispatch.
            removeOnComplete: true,
            removeOnFail: false,
          },
        })),
      );
      return rows.length;
    });
  }

  /**
   * A stale QUEUED row whose job ended without recording anything (its worker died between the two):
   * a failed job is retried (and so kept in the history), a completed one removed so the add below
   * takes. A job still waiting, delayed or active is left alone.
   */
  private async revive(jobId: string): Promise<void> {
    const job = await this.queue.getJob(jobId);
    if (!job) return;
    if (await job.isFailed()) await job.retry();
    else if (await job.isCompleted()) await job.remove();
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = this.dispatchAll();
    try {
      const n = await this.running;
      if (n) this.logger.log(`Queued ${n} reminders`);
    } catch (err) {
      this.logger.warn(`Reminder dispatch failed: ${(err as Error).message}`);
    } finally {
      this.running = undefined;
    }
  }
}
