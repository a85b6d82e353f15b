import { Money, moneyTransformer } from '#money';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { StatementFormat } from '../domain/statement.js';

/** One imported bank statement file, with what its import found. */
@Entity('bank_statement')
export class BankStatement {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'uuid' }) programmeId: string;
  @Column({ type: 'text' }) format: StatementFormat;
  @Column({ type: 'text', nullable: true }) profile: string | null;
  @Column({ type: 'text' }) account: string;
  @Column({ type: 'text' }) fileSha256: string;
  @Column({ type: 'date' }) firstDate: string;
  @Column({ type: 'date' }) lastDate: string;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer, nullable: true }) openingBalance: Money | null;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer, nullable: true }) closingBalance: Money | null;
  @Column({ type: 'int' }) lineCount: number;
  @Column({ type: 'int' }) matched: number;
  @Column({ type: 'int' }) unmatched: number;
  @Column({ type: 'int' }) mismatched: number;
  @Column({ type: 'int' }) repaymentsPosted: number;
  @Column({ type: 'int' }) duplicates: number;
  @Column({ type: 'uuid', nullable: true }) importedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
