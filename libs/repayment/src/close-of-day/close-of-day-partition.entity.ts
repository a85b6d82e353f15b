import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One borrower-id range of a day; COMPLETED in the same transaction as the loans it closed. */
@Entity('close_of_day_partition')
export class CloseOfDayPartition {
  @PrimaryColumn({ type: 'date' }) day: string;
  @PrimaryColumn({ type: 'int' }) partition: number;
  @Column({ type: 'uuid' }) borrowerFrom: string;
  @Column({ type: 'uuid', nullable: true }) borrowerTo: string | null;
  @Column({ type: 'text' }) status: 'PENDING' | 'COMPLETED';
  @Column({ type: 'int' }) loansProcessed: number;
  @Column({ type: 'int' }) loansUpdated: number;
  @Column({ type: 'int' }) installmentsFellOverdue: number;
  /** {programmeId: "amount"} assessed in this partition. */
  @Column({ type: 'jsonb' }) lateFees: Record<string, string>;
  /** hostname:pid:instance of the worker that committed it. */
  @Column({ type: 'text', nullable: true }) completedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) completedAt: Date | null;
}
