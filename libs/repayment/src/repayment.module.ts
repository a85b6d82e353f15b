import { LedgerModule } from '#ledger';
import { Module, type Provider } from '@nestjs/common';

export const REPAYMENT_PROVIDERS: Provider[] = [];

/** Loan accounts and their schedules (repayments, arrears and close-of-day follow). */
@Module({ imports: [LedgerModule], providers: REPAYMENT_PROVIDERS, exports: REPAYMENT_PROVIDERS })
export class RepaymentModule {}
