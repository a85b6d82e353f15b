import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const REVERSAL_REQUEST_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type ReversalRequestStatus = (typeof REVERSAL_REQUEST_STATUSES)[number];

/** A finance user's request to reverse a repayment; effective once a different finance user approves it. */
@Entity('transaction_reversal_request')
export class TransactionReversalRequest {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) loanId: string;
  @Column({ type: 'uuid' }) transactionId: string;
  @Column({ type: 'text' }) status: ReversalRequestStatus;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'uuid' }) requestedBy: string;
  @Column({ type: 'timestamptz', insert: false, update: false }) requestedAt: Date;
  @Column({ type: 'uuid', nullable: true }) decidedBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'text', nullable: true }) decisionNote: string | null;
  /** The REVERSAL transaction an approval created. */
  @Column({ type: 'uuid', nullable: true }) reversalTransactionId: string | null;
}
