import { ReminderSender, type SendOutcome } from '#notifications';
import { JOBS, QUEUES, type SendReminderPayload } from '#platform';
import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';

/** Sends one reminder per job; a thrown error is a retry with exponential backoff (job options). */
@Processor(QUEUES.REMINDERS)
export class ReminderProcessor {
  constructor(private readonly sender: ReminderSender) {}

  @Process({ name: JOBS.SEND_REMINDER, concurrency: 8 })
  send(job: Job<SendReminderPayload>): Promise<SendOutcome> {
    return this.sender.send(job.data.notificationId, job.attemptsMade + 1);
  }
}
