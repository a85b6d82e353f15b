import { Money } from '#money';
import type { EntityManager } from 'typeorm';

export interface WriteOffTotals {
  writtenOffAmount: Money;
  writtenOffOn: string;
  recoveredAmount: Money;
  recoverableAmount: Money;
}

/**
 * The write-off columns of the loan row, null when the loan is not written off. Read by SQL: the
 * columns belong to this area's migration, not to the Loan entity.
 */
export async function writeOffTotals(em: EntityManager, loanId: string): Promise<WriteOffTotals | null> {
  const [row] = (await em.query(
    `SELECT written_off_amount::text AS "writtenOffAmount", written_off_on::text AS "writtenOffOn", recovered_amount::text AS "recoveredAmount"
       FROM loan WHERE id = $1 AND written_off_on IS NOT NULL`,
    [loanId],
  )) as { writtenOffAmount: string; writtenOffOn: string; recoveredAmount: string }[];
  if (!row) return null;
  const writtenOffAmount = Money.fromDb(row.writtenOffAmount);
  const recoveredAmount = Money.fromDb(row.recoveredAmount);
  return { writtenOffAmount, writtenOffOn: row.writtenOffOn, recoveredAmount, recoverableAmount: writtenOffAmount.minus(recoveredAmount) };
}
