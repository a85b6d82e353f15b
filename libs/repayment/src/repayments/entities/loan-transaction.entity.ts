import { Money, moneyTransformer } from '#money';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export const LOAN_TRANSACTION_KINDS = ['REPAYMENT', 'REVERSAL', 'REFUND'] as const;
export type LoanTransactionKind = (typeof LOAN_TRANSACTION_KINDS)[number];

export const REPAYMENT_CHANNELS = ['TELLER', 'TRANSFER', 'VA'] as const;
export type RepaymentChannel = (typeof REPAYMENT_CHANNELS)[number];

/** Money moved on a loan after its disbursement: a repayment, the reversal of one, or a refund of credit. */
@Entity('loan_transaction')
export class LoanTransaction {
  @PrimaryColumn('uuid') id: string;
  /** Posting order (bigserial, as text: it can outgrow a JS number); ties of one value date replay in it. */
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @Column({ type: 'uuid' }) loanId: string;
  @Column({ type: 'uuid' }) programmeId: string;
  @Column({ type: 'text' }) kind: LoanTransactionKind;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) amount: Money;
  @Column({ type: 'date' }) valueDate: string;
  /** Repayments only. */
  @Column({ type: 'text', nullable: true }) channel: RepaymentChannel | null;
  @Column({ type: 'text' }) reference: string;
  /** A repayment's split as allocated now (a backdated payment or a reversal may rewrite it); a reversal's is what it undid. */
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) principal: Money;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) lateFee: Money;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) overpayment: Money;
  /** On a REVERSAL: the repayment it reverses. */
  @Column({ type: 'uuid', nullable: true }) reversesTransactionId: string | null;
  /** On a reversed REPAYMENT: the REVERSAL that undid it. */
  @Column({ type: 'uuid', nullable: true }) reversalTransactionId: string | null;
  /** The entry that booked it (an adjustment entry records a later change of a repayment's split). */
  @Column({ type: 'uuid' }) journalEntryId: string;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ type: 'timestamptz', insert: false, update: false }) createdAt: Date;
}
