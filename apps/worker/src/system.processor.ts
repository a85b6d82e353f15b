import { JOBS, type PingPayload, QUEUES } from '#platform';
import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';

@Processor(QUEUES.SYSTEM)
export class SystemProcessor {
  @Process(JOBS.PING)
  ping(job: Job<PingPayload>): { pong: string; sentAt: string; pid: number } {
    return { pong: new Date().toISOString(), sentAt: job.data.sentAt, pid: process.pid };
  }
}
