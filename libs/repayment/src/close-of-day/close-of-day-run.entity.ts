import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const CLOSE_OF_DAY_RUN_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED'] as const;
export type CloseOfDayRunStatus = (typeof CLOSE_OF_DAY_RUN_STATUSES)[number];
export type CloseOfDayTrigger = 'MANUAL' | 'AUTO';

const bigintAsNumber = { to: (v: number) => v, from: (v: string | null) => (v === null ? 0 : Number.parseInt(v, 10)) };

/** One request to close the days from the business date through `untilDate`. */
@Entity('close_of_day_run')
export class CloseOfDayRun {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) status: CloseOfDayRunStatus;
  @Column({ type: 'text' }) trigger: CloseOfDayTrigger;
  /** The business date when the run was asked for: the first day it closes. */
  @Column({ type: 'date' }) fromDate: string;
  @Column({ type: 'date' }) untilDate: string;
  /** The business date after the days this run has closed so far (untilDate + 1 once COMPLETED). */
  @Column({ type: 'date' }) businessDate: string;
  @Column({ type: 'int' }) processedDays: number;
  /** Active loans closed, summed over the days (a loan open for 40 days counts 40 times). */
  @Column({ type: 'bigint', transformer: bigintAsNumber }) loansProcessed: number;
  @Column({ type: 'uuid', nullable: true }) requestedBy: string | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ type: 'timestamptz', insert: false, update: false }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
