import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { NormalBalance } from '../domain/chart-of-accounts.js';

@Entity('ledger_account')
export class LedgerAccount {
  @PrimaryColumn({ type: 'text' }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) type: 'ASSET' | 'LIABILITY' | 'EQUITY' | 'INCOME' | 'EXPENSE';
  @Column({ type: 'text' }) normalBalance: NormalBalance;
}
