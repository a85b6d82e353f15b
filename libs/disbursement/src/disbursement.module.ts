import { IntakeModule } from '#intake';
import { LedgerModule } from '#ledger';
import { RepaymentModule } from '#repayment';
import { Module, type Provider } from '@nestjs/common';
import { DisbursementBatchesService } from './disbursement-batches.service.js';
import { DisbursementsService } from './disbursements.service.js';

export const DISBURSEMENT_PROVIDERS: Provider[] = [DisbursementsService, DisbursementBatchesService];

/** Disbursement orders, bank batch files, confirmation that books the loan. */
@Module({ imports: [IntakeModule, LedgerModule, RepaymentModule], providers: DISBURSEMENT_PROVIDERS, exports: DISBURSEMENT_PROVIDERS })
export class DisbursementModule {}
