import { Money, moneyTransformer } from '#money';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { CollectibilityTable } from '../domain/classify-collectibility.js';
import type { LoanTerms } from '../domain/loan-terms.js';

export const LOAN_STATUSES = ['ACTIVE', 'CLOSED', 'WRITTEN_OFF'] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

/** A booked loan: one per disbursed application, with the terms it was approved under, frozen. */
@Entity('loan')
export class Loan {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** BKL-2026-000123: the programme's prefix, the year of disbursement, a sequence shared by all programmes. */
  @Column({ type: 'text' }) number: string;
  @Column({ type: 'uuid' }) programmeId: string;
  @Column({ type: 'uuid' }) applicationId: string;
  @Column({ type: 'uuid' }) borrowerId: string;
  @Column({ type: 'uuid' }) productId: string;
  /** The borrower's kecamatan when the application was taken: the portfolio is read by district. */
  @Column({ type: 'text' }) districtCode: string;
  /**
   * The borrower's business sector when the loan was booked (null: no business row). As in SLIK, the
   * economic sector belongs to the facility as booked, not to the debtor later; the portfolio is read by it.
   */
  @Column({ type: 'text', nullable: true }) sector: string | null;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) principal: Money;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) outstandingPrincipal: Money;
  @Column({ type: 'int' }) tenor: number;
  @Column({ type: 'text' }) status: LoanStatus;
  /** From the terms, as a column so that lists filter on the grade with an index. */
  @Column({ type: 'text' }) collectibilityTable: CollectibilityTable;
  /**
   * Due date of the oldest installment not fully paid (null once all are): days past due are the
   * business date minus this. Kept by a trigger on loan_installment, so no writer can forget it.
   */
  @Column({ type: 'date', nullable: true, insert: false, update: false }) oldestUnpaidDueDate: string | null;
  /** The application's terms snapshot: editing the product later changes nothing this loan owes. */
  @Column({ type: 'jsonb' }) termsSnapshot: LoanTerms;
  @Column({ type: 'date' }) disbursedOn: string;
  @Column({ type: 'text' }) virtualAccount: string;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
