import { Money, moneyTransformer } from '#money';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { ApplicationStatus } from './domain/application-status.js';
import type { ProductTerms } from '../products/product-terms.js';

/** A loan application: what an officer took from a borrower, under the product's terms of that day. */
@Entity('application')
export class Application {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** APP-2026-000123: what people read out on the phone. */
  @Column({ type: 'text' }) number: string;
  @Column({ type: 'uuid' }) programmeId: string;
  @Column({ type: 'uuid' }) productId: string;
  @Column({ type: 'uuid' }) borrowerId: string;
  /** The borrower's kecamatan at submission. */
  @Column({ type: 'text' }) districtCode: string;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) amount: Money;
  @Column({ type: 'int' }) tenor: number;
  @Column({ type: 'text' }) purpose: string;
  @Column({ type: 'text' }) status: ApplicationStatus;
  /** The product's terms at submission: editing the product later changes nothing here. */
  @Column({ type: 'jsonb' }) termsSnapshot: ProductTerms;
  @Column({ type: 'uuid' }) submittedBy: string;
  @Column({ type: 'timestamptz', insert: false, update: false }) submittedAt: Date;
  /** The business date it entered its current status (days waiting = business date - this). */
  @Column({ type: 'date' }) statusSince: string;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
