import type { Type } from '@nestjs/common';
import { BankStatementsController } from './bank-statements.controller.js';

export const BANK_STATEMENT_CONTROLLERS: Type[] = [BankStatementsController];
