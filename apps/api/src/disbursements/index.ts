import type { Type } from '@nestjs/common';
import { DisbursementBatchesController } from './disbursement-batches.controller.js';
import { DisbursementsController } from './disbursements.controller.js';

export const DISBURSEMENT_CONTROLLERS: Type[] = [DisbursementsController, DisbursementBatchesController];
