import type { Type } from '@nestjs/common';
import { BankStatementLine } from './entities/bank-statement-line.entity.js';
import { BankStatement } from './entities/bank-statement.entity.js';

export * from './bank-statement-view.js';
export * from './bank-statements.service.js';
export * from './domain/index.js';
export * from './entities/bank-statement-line.entity.js';
export * from './entities/bank-statement.entity.js';
export * from './reconciliation.module.js';

export const RECONCILIATION_ENTITIES: Type[] = [BankStatement, BankStatementLine];
