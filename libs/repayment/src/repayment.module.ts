import { LedgerModule } from '#ledger';
import { Module, type Provider } from '@nestjs/common';
import { CLOSE_OF_DAY_IMPORTS, CLOSE_OF_DAY_PROVIDERS, CLOSE_OF_DAY_QUEUES } from './close-of-day/index.js';
import { LoansService } from './loans.service.js';
import { REPAYMENT_POSTING_PROVIDERS } from './repayments/index.js';
import { SERVICING_PROVIDERS } from './servicing/index.js';

export const REPAYMENT_PROVIDERS: Provider[] = [LoansService, ...REPAYMENT_POSTING_PROVIDERS, ...CLOSE_OF_DAY_PROVIDERS, ...SERVICING_PROVIDERS];

/** Loan accounts and schedules, repayments, close-of-day, restructure and write-off. */
@Module({ imports: [LedgerModule, ...CLOSE_OF_DAY_IMPORTS], providers: REPAYMENT_PROVIDERS, exports: [...REPAYMENT_PROVIDERS, CLOSE_OF_DAY_QUEUES] })
export class RepaymentModule {}
