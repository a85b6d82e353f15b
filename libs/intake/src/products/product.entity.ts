import { Money, moneyTransformer } from '#money';
import type { Frequency } from '#repayment';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

// One definition, the schedule engine's: a product's frequency is what the engine schedules.
export type { Frequency } from '#repayment';

export interface EligibilityRules {
  minAge: number;
  maxAgeAtMaturity: number;
  /** Kemendagri codes (regency 35.26 or kecamatan 35.26.01) whose residents may apply. */
  regionCodes: string[];
  minBusinessAgeMonths: number;
  requireNib: boolean;
  maxActiveLoans: number;
}

/** A programme's lending rules. Loans keep a snapshot of them (productTermsSnapshot), never a live reference. */
@Entity('product')
export class Product {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) programmeId: string;
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) minAmount: Money;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) maxAmount: Money;
  @Column({ type: 'int' }) minTenor: number;
  @Column({ type: 'int' }) maxTenor: number;
  @Column({ type: 'text' }) frequency: Frequency;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) roundingUnit: Money;
  @Column({ type: 'text' }) roundingMode: 'UP' | 'HALF_UP';
  @Column({ type: 'text' }) remainderPlacement: 'LAST' | 'FIRST';
  @Column({ type: 'int' }) principalGracePeriods: number;
  @Column({ type: 'boolean' }) moveDueDatesOffHolidays: boolean;
  @Column({ type: 'text' }) collectibilityTable: 'BANK' | 'BPR';
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) lateFee: Money;
  @Column({ type: 'int', array: true }) reminderOffsetsDays: number[];
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) committeeThreshold: Money;
  @Column({ type: 'jsonb' }) eligibility: EligibilityRules;
  /** Days an approval stays valid before close-of-day marks an undisbursed application EXPIRED. */
  @Column({ type: 'int', default: 30 }) validityDays: number;
  @Column({ type: 'boolean', default: true }) isActive: boolean;
  @VersionColumn() version: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
