import { Money, moneyTransformer } from '#money';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The write-off of a loan (at most one): what went to 5100 Loan losses, when and why. */
@Entity('loan_write_off')
export class LoanWriteOff {
  @PrimaryColumn({ type: 'uuid' }) loanId: string;
  @Column({ type: 'uuid' }) programmeId: string;
  /** The outstanding principal taken off 1200. */
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) principal: Money;
  /** Unpaid late fees taken off 1210. */
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) lateFees: Money;
  @Column({ type: 'date' }) writtenOffOn: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'uuid' }) journalEntryId: string;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
