import { Money, moneyTransformer } from '#money';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { AccountCode } from '../domain/chart-of-accounts.js';
import { JournalEntry } from './journal-entry.entity.js';

@Entity('journal_line')
export class JournalLine {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'uuid' }) entryId: string;
  @ManyToOne(() => JournalEntry, (e) => e.lines) @JoinColumn({ name: 'entry_id' }) entry?: Relation<JournalEntry>;
  /** Copied from the entry so balances are read from this table alone. */
  @Column({ type: 'uuid' }) programmeId: string;
  @Column({ type: 'date' }) valueDate: string;
  /** The entry's kind, copied so reports select lines by it without a join (migration 1800). */
  @Column({ type: 'text' }) entryKind: string;
  @Column({ type: 'text' }) accountCode: AccountCode;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) debit: Money;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) credit: Money;
}
