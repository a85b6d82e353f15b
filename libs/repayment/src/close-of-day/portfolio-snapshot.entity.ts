import { Money, moneyTransformer } from '#money';
import { Column, Entity, PrimaryColumn } from 'typeorm';

const money = { type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer } as const;

/** A slice's balances as stored in the jsonb columns (decimal strings). */
export interface StoredSlice {
  key: string;
  name?: string;
  activeLoans: number;
  outstandingPrincipal: string;
  par1Outstanding: string;
  par30Outstanding: string;
  par90Outstanding: string;
  nplOutstanding: string;
}

/** The portfolio of one programme at the end of a closed day (append-only). */
@Entity('portfolio_snapshot')
export class PortfolioSnapshot {
  @PrimaryColumn({ type: 'uuid' }) programmeId: string;
  @PrimaryColumn({ type: 'date' }) asOf: string;
  @Column({ type: 'int' }) activeLoans: number;
  @Column(money) outstandingPrincipal: Money;
  @Column(money) par1Outstanding: Money;
  @Column(money) par30Outstanding: Money;
  @Column(money) par90Outstanding: Money;
  @Column(money) nplOutstanding: Money;
  @Column({ type: 'jsonb' }) collectibility: Record<string, { count: number; outstanding: string }>;
  @Column({ type: 'jsonb' }) bySector: StoredSlice[];
  @Column({ type: 'jsonb' }) byDistrict: StoredSlice[];
  @Column({ type: 'int' }) disbursedCount: number;
  @Column(money) disbursedAmount: Money;
  @Column({ type: 'int' }) disbursedToDateCount: number;
  @Column(money) disbursedToDateAmount: Money;
  @Column(money) repaidAmount: Money;
  @Column(money) repaidToDateAmount: Money;
  @Column({ type: 'timestamptz', insert: false, update: false }) createdAt: Date;
}
