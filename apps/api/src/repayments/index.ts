import type { Type } from '@nestjs/common';
import { RepaymentsController } from './repayments.controller.js';
import { ReversalRequestsController } from './reversal-requests.controller.js';

export const REPAYMENT_CONTROLLERS: Type[] = [RepaymentsController, ReversalRequestsController];
