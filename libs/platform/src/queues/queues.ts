// Every queue, job name and payload type in one place: the api produces, the worker consumes.
import type { JobOptions } from 'bull';

export const QUEUES = {
  SYSTEM: 'system',
} as const;

export const JOBS = {
  /** A no-op job that proves a worker is consuming (health checks, smoke tests). */
  PING: 'ping',
} as const;

export interface PingPayload {
  sentAt: string;
}

/** Retries with exponential backoff; failed jobs are kept for inspection, completed ones trimmed. */
export const DEFAULT_JOB_OPTIONS: JobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: 1000,
  removeOnFail: false,
};

/** Redis key a live worker refreshes; its TTL makes a dead worker disappear. */
export const workerHeartbeatKey = (prefix: string, id: string): string => `${prefix}:workers:${id}`;
export const WORKER_HEARTBEAT_TTL_SECONDS = 30;
