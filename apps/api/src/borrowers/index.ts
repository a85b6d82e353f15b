import type { Type } from '@nestjs/common';
import { BorrowerDataRightsController } from './borrower-data-rights.controller.js';
import { BorrowersController } from './borrowers.controller.js';

export const BORROWER_CONTROLLERS: Type[] = [BorrowersController, BorrowerDataRightsController];
