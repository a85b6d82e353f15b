import type { Type } from '@nestjs/common';
import { BorrowersController } from './borrowers.controller.js';

export const BORROWER_CONTROLLERS: Type[] = [BorrowersController];
