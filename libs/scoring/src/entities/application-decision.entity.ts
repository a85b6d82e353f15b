import { Money, moneyTransformer } from '#money';
import type { ApplicationStatus } from '#intake';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Decision, RejectionReasonCode } from '../domain/decision-rules.js';

/** An approver's decision (append-only), on the scoring run they saw. */
@Entity('application_decision')
export class ApplicationDecision {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) applicationId: string;
  /** 1: the first decision; 2: the credit committee's second approver. */
  @Column({ type: 'smallint' }) step: number;
  @Column({ type: 'uuid' }) scoringRunId: string;
  @Column({ type: 'text' }) decision: Decision;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer, nullable: true }) approvedAmount: Money | null;
  @Column({ type: 'int', nullable: true }) approvedTenor: number | null;
  @Column({ type: 'text', nullable: true }) reasonCode: RejectionReasonCode | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'text' }) fromStatus: ApplicationStatus;
  @Column({ type: 'text' }) toStatus: ApplicationStatus;
  @Column({ type: 'date' }) businessDate: string;
  @Column({ type: 'uuid' }) decidedBy: string;
  @Column({ type: 'timestamptz', insert: false, update: false }) decidedAt: Date;
}
