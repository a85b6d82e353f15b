// What repayment reads of the terms a loan was approved under. The loan stores the application's whole
// snapshot (intake's ProductTerms, which satisfies this); naming only these fields here keeps the
// repayment lib free of a dependency on intake's types.
import type { CollectibilityTable } from './classify-collectibility.js';
import type { Frequency } from './due-dates.js';

export interface LoanTerms {
  productId: string;
  productCode: string;
  frequency: Frequency;
  /** Decimal string, e.g. "1000.00". */
  roundingUnit: string;
  roundingMode: 'UP' | 'HALF_UP';
  remainderPlacement: 'LAST' | 'FIRST';
  principalGracePeriods: number;
  moveDueDatesOffHolidays: boolean;
  collectibilityTable: CollectibilityTable;
  /** Decimal string; "0.00" when the product charges none. */
  lateFee: string;
  reminderOffsetsDays: number[];
}
