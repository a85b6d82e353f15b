import { Money, moneyTransformer } from '#money';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A closed (or closing) business date: the primary key is what makes a day close only once. */
@Entity('close_of_day_day')
export class CloseOfDayDay {
  @PrimaryColumn({ type: 'date' }) day: string;
  /** The run that closes (or closed) it; a run resuming after a failed one takes the day over. */
  @Column({ type: 'uuid' }) runId: string;
  @Column({ type: 'text' }) status: 'RUNNING' | 'COMPLETED';
  @Column({ type: 'int' }) partitions: number;
  @Column({ type: 'int' }) loansProcessed: number;
  @Column({ type: 'int' }) loansUpdated: number;
  @Column({ type: 'int' }) installmentsFellOverdue: number;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) lateFees: Money;
  @Column({ type: 'int' }) approvalsExpired: number;
  @Column({ type: 'timestamptz' }) startedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) completedAt: Date | null;
}
