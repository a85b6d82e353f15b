import { DisbursementModule } from '#disbursement';
import { LedgerModule } from '#ledger';
import { RepaymentModule } from '#repayment';
import { Module, type Provider } from '@nestjs/common';
import { BankStatementsService } from './bank-statements.service.js';

export const RECONCILIATION_PROVIDERS: Provider[] = [BankStatementsService];

/** Bank statement import (CSV, MT940), matching, VA repayments, suspense. */
@Module({ imports: [LedgerModule, RepaymentModule, DisbursementModule], providers: RECONCILIATION_PROVIDERS, exports: RECONCILIATION_PROVIDERS })
export class ReconciliationModule {}
