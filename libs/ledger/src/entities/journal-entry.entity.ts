import { Column, Entity, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { JournalLine } from './journal-line.entity.js';

/** Immutable once posted (trigger); a correction is a new entry that reverses it. */
@Entity('journal_entry')
export class JournalEntry {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) programmeId: string;
  @Column({ type: 'bigint', insert: false, update: false }) number: string;
  @Column({ type: 'date' }) valueDate: string;
  @Column({ type: 'timestamptz', insert: false, update: false }) postedAt: Date;
  /** What business event made it: FUND_CAPITAL, DISBURSEMENT, REPAYMENT, REVERSAL ... */
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'text', nullable: true }) reference: string | null;
  @Column({ type: 'text', nullable: true }) sourceType: string | null;
  @Column({ type: 'text', nullable: true }) sourceId: string | null;
  @Column({ type: 'uuid', nullable: true }) reversesEntryId: string | null;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @OneToMany(() => JournalLine, (l) => l.entry) lines?: Relation<JournalLine[]>;
}
