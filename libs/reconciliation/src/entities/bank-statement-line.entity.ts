import { Money, moneyTransformer } from '#money';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { MatchStatus } from '../domain/match-lines.js';
import type { Direction } from '../domain/statement.js';

export type LineResolution = 'ASSIGNED' | 'RETURNED';

/** One transaction of a statement, what it matched and what was booked for it. */
@Entity('bank_statement_line')
export class BankStatementLine {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'uuid' }) statementId: string;
  @Column({ type: 'uuid' }) programmeId: string;
  @Column({ type: 'int' }) lineNo: number;
  @Column({ type: 'date' }) valueDate: string;
  @Column({ type: 'text' }) direction: Direction;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) amount: Money;
  @Column({ type: 'text' }) reference: string;
  @Column({ type: 'text' }) description: string;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer, nullable: true }) balance: Money | null;
  /** Unique across all statements: see fingerprintLines. */
  @Column({ type: 'text' }) fingerprint: string;
  @Column({ type: 'text' }) status: MatchStatus;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'uuid', nullable: true }) loanId: string | null;
  @Column({ type: 'uuid', nullable: true }) disbursementId: string | null;
  @Column({ type: 'uuid', nullable: true }) loanTransactionId: string | null;
  /** A credit to a written-off loan, recorded as a recovery (Dr 1100 / Cr 5100). */
  @Column({ type: 'uuid', nullable: true }) loanRecoveryId: string | null;
  /** Dr 1100 / Cr 1900 for a credit nobody could be found for. */
  @Column({ type: 'uuid', nullable: true }) suspenseEntryId: string | null;
  @Column({ type: 'text', nullable: true }) resolution: LineResolution | null;
  @Column({ type: 'uuid', nullable: true }) resolutionEntryId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) resolvedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) resolvedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
