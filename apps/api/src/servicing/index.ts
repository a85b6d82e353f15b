import type { Type } from '@nestjs/common';
import { LoanServicingController } from './loan-servicing.controller.js';
import { WriteOffsController } from './write-offs.controller.js';

export const SERVICING_CONTROLLERS: Type[] = [LoanServicingController, WriteOffsController];
