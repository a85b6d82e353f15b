import { Money, moneyTransformer } from '#money';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What one repayment paid on one installment. A replay rewrites a repayment's rows; a reversed
 * repayment keeps the rows it had when reversed, as its history (they no longer count as paid).
 */
@Entity('repayment_allocation')
export class RepaymentAllocation {
  @PrimaryColumn('uuid') transactionId: string;
  @PrimaryColumn('uuid') installmentId: string;
  @Column({ type: 'uuid' }) loanId: string;
  @Column({ type: 'int' }) installmentNumber: number;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) principal: Money;
  @Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer }) lateFee: Money;
}
