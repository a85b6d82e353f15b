import { IntakeModule } from '#intake';
import { LedgerModule } from '#ledger';
import { RepaymentModule } from '#repayment';
import { Module, type Provider } from '@nestjs/common';

export const DISBURSEMENT_PROVIDERS: Provider[] = [];

/** Disbursement orders, bank batch files, confirmation that books the loan. */
@Module({ imports: [IntakeModule, LedgerModule, RepaymentModule], providers: DISBURSEMENT_PROVIDERS, exports: DISBURSEMENT_PROVIDERS })
export class DisbursementModule {}
