import { Money, moneyTransformer } from '#money';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { DisbursementStatus } from '../domain/disbursement-status.js';

/** An order to transfer an approved application's amount to the borrower's bank account. */
@Entity('disbursement')
export class Disbursement {
  /** Chosen before the insert: the account number's ciphertext is bound to it. */
  @PrimaryColumn('uuid') id: string;
  /** DSB-2026-000123: sent in the bank file, carried back by the statement's debit line. */
  @Column({ type: 'text' }) reference: string;
  @Column({ type: 'uuid' }) programmeId: string;
  @Column({ type: 'uuid' }) applicationId: string;
  @Column({ type: 'uuid' }) borrowerId: string;
  /** The approved amount and tenor when the order was made. */
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) amount: Money;
  @Column({ type: 'int' }) tenor: number;
  @Column({ type: 'text' }) bankCode: string;
  /** AES-GCM (UU PDP: financial data); decrypted only to write the bank file. */
  @Column({ type: 'text' }) accountNumberEncrypted: string;
  /** ******7890: what screens and answers show. */
  @Column({ type: 'text' }) accountNumberMasked: string;
  @Column({ type: 'text' }) accountName: string;
  @Column({ type: 'text' }) status: DisbursementStatus;
  @Column({ type: 'uuid', nullable: true }) batchId: string | null;
  /** The business date of the order: the transfer cannot have happened before it. */
  @Column({ type: 'date' }) orderedOn: string;
  @Column({ type: 'uuid', nullable: true }) orderedBy: string | null;
  @Column({ type: 'date', nullable: true }) valueDate: string | null;
  @Column({ type: 'text', nullable: true }) bankReference: string | null;
  @Column({ type: 'uuid', nullable: true }) loanId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) confirmedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) confirmedBy: string | null;
  @Column({ type: 'text', nullable: true }) cancelReason: string | null;
  @Column({ type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) cancelledBy: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
