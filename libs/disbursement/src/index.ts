import type { Type } from '@nestjs/common';
import { DisbursementBatch } from './entities/disbursement-batch.entity.js';
import { Disbursement } from './entities/disbursement.entity.js';

export * from './disbursement-batches.service.js';
export * from './disbursement-view.js';
export * from './disbursement.module.js';
export * from './disbursements.service.js';
export * from './domain/bank-file-layouts.js';
export * from './domain/banks.js';
export * from './domain/csv.js';
export * from './domain/disbursement-status.js';
export * from './entities/disbursement-batch.entity.js';
export * from './entities/disbursement.entity.js';

export const DISBURSEMENT_ENTITIES: Type[] = [Disbursement, DisbursementBatch];
