// Every queue, job name and payload type in one place: the api produces, the worker consumes.
import type { JobOptions } from 'bull';

export const QUEUES = {
  SYSTEM: 'system',
  /** Close-of-day runs (one job per run drives it day by day) and the daily automatic close. */
  CLOSE_OF_DAY: 'close-of-day',
  /** A day's id-range partitions: every worker takes some, so a day closes on all of them at once. */
  CLOSE_OF_DAY_PARTITIONS: 'close-of-day-partitions',
  /** Reminder sends, delayed until their lawful moment; the outbox (table notification) is the record. */
  REMINDERS: 'reminders',
} as const;

export const JOBS = {
  /** A no-op job that proves a worker is consuming (health checks, smoke tests). */
  PING: 'ping',
  CLOSE_OF_DAY_RUN: 'close-of-day-run',
  CLOSE_OF_DAY_PARTITION: 'close-of-day-partition',
  /** Repeatable (cron 00:05 in the programme's zone) when CLOSE_OF_DAY_AUTO is on. */
  CLOSE_OF_DAY_AUTO: 'close-of-day-auto',
  SEND_REMINDER: 'send-reminder',
} as const;

export interface PingPayload {
  sentAt: string;
}

export interface CloseOfDayRunPayload {
  runId: string;
}

export interface CloseOfDayPartitionPayload {
  runId: string;
  /** The business date being closed, YYYY-MM-DD. */
  day: string;
  partition: number;
}

/** The automatic close carries nothing: it closes every day before today in the programme's zone. */
export type CloseOfDayAutoPayload = Record<string, never>;

export interface SendReminderPayload {
  notificationId: string;
}

/** One job per reminder, whoever dispatches it and however often: Bull ignores an add with a known id. */
export const reminderJobId = (installmentId: string, kind: string, offsetDays: number): string => `reminder:${installmentId}:${kind}:${offsetDays}`;

/** Deterministic job ids: adding a job that is already queued (a resumed run, two workers) is a no-op. */
export const closeOfDayRunJobId = (runId: string): string => `cob-run:${runId}`;
export const closeOfDayPartitionJobId = (runId: string, day: string, partition: number): string => `cob:${runId}:${day}:${partition}`;
export const CLOSE_OF_DAY_AUTO_JOB_ID = 'cob-auto';
/** 00:05 every day, read in the time zone the worker passes with it. */
export const CLOSE_OF_DAY_AUTO_CRON = '5 0 * * *';

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
