import { Money, moneyTransformer } from '#money';
import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import type { Sector } from './sectors.js';
import { Borrower } from './borrower.entity.js';

/** The borrower's business (one per borrower). */
@Entity('business')
export class Business {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) borrowerId: string;
  @OneToOne(() => Borrower, (b) => b.business) @JoinColumn({ name: 'borrower_id' }) borrower?: Relation<Borrower>;
  @Column({ type: 'text' }) name: string;
  /** Nomor Induk Berusaha, 13 digits. */
  @Column({ type: 'text', nullable: true }) nib: string | null;
  @Column({ type: 'text' }) sector: Sector;
  @Column({ type: 'date' }) startedOn: string;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) monthlyRevenue: Money;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) monthlyExpenses: Money;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
