import { DisbursementModule } from '#disbursement';
import { LedgerModule } from '#ledger';
import { RepaymentModule } from '#repayment';
import { Module, type Provider } from '@nestjs/common';

export const RECONCILIATION_PROVIDERS: Provider[] = [];

/** Bank statement import (CSV, MT940), matching, VA repayments, suspense. */
@Module({ imports: [LedgerModule, RepaymentModule, DisbursementModule], providers: RECONCILIATION_PROVIDERS, exports: RECONCILIATION_PROVIDERS })
export class ReconciliationModule {}
