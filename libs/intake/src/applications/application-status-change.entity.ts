import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ApplicationEvent, ApplicationStatus } from './domain/application-status.js';

/** One move of an application (append-only): who moved it, on which business date, and why. */
@Entity('application_status_change')
export class ApplicationStatusChange {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'uuid' }) applicationId: string;
  /** null for the submission. */
  @Column({ type: 'text', nullable: true }) fromStatus: ApplicationStatus | null;
  @Column({ type: 'text' }) toStatus: ApplicationStatus;
  @Column({ type: 'text' }) event: ApplicationEvent | 'SUBMIT';
  @Column({ type: 'date' }) businessDate: string;
  @Column({ type: 'timestamptz', insert: false, update: false }) changedAt: Date;
  /** null when the system moved it (close-of-day's EXPIRE). */
  @Column({ type: 'uuid', nullable: true }) changedBy: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
}
