import { Money, moneyTransformer } from '#money';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const RECOVERY_CHANNELS = ['TELLER', 'TRANSFER', 'VA'] as const;
export type RecoveryChannel = (typeof RECOVERY_CHANNELS)[number];

/** Money collected on a written-off loan: Dr 1100 Cash at bank / Cr 5100 Loan losses. */
@Entity('loan_recovery')
export class LoanRecovery {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) loanId: string;
  @Column({ type: 'uuid' }) programmeId: string;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) amount: Money;
  @Column({ type: 'date' }) valueDate: string;
  @Column({ type: 'text' }) channel: RecoveryChannel;
  @Column({ type: 'text' }) reference: string;
  @Column({ type: 'uuid' }) journalEntryId: string;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
