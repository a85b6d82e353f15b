import { Money, moneyTransformer } from '#money';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { BankFileLayout } from '../domain/bank-file-layouts.js';
import type { BatchStatus } from '../domain/disbursement-status.js';

/** Disbursement orders sent to the bank together in one bulk-transfer file. */
@Entity('disbursement_batch')
export class DisbursementBatch {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** BAT-2026-000012: also the file's name. */
  @Column({ type: 'text' }) number: string;
  @Column({ type: 'uuid' }) programmeId: string;
  /** The bank that receives the file; it decides the layout. */
  @Column({ type: 'text' }) bankCode: string;
  /** The layout the file was made with, kept so the file renders the same forever. */
  @Column({ type: 'jsonb' }) layout: BankFileLayout;
  @Column({ type: 'text' }) status: BatchStatus;
  @Column({ type: 'int' }) count: number;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) total: Money;
  /** SHA-256 (hex) of the file as made; every download is checked against it. */
  @Column({ type: 'text' }) fileSha256: string;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) sentBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
