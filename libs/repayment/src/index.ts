// Loan accounts, schedules and repayments. The schedule engine (domain/) is used by intake's preview too,
// so this lib imports only types from #intake (a runtime import would make the two depend on each other).
import type { Type } from '@nestjs/common';
import { LoanInstallment } from './entities/loan-installment.entity.js';
import { Loan } from './entities/loan.entity.js';
import { CLOSE_OF_DAY_ENTITIES } from './close-of-day/index.js';
import { REPAYMENT_POSTING_ENTITIES } from './repayments/index.js';
import { SERVICING_ENTITIES } from './servicing/index.js';

export * from './close-of-day/index.js';
export * from './domain/classify-collectibility.js';
export * from './domain/due-dates.js';
export * from './domain/generate-schedule.js';
export * from './domain/loan-number.js';
export * from './domain/loan-terms.js';
export * from './domain/loan-standing.js';
export * from './entities/loan-installment.entity.js';
export * from './entities/loan.entity.js';
export * from './loan-view.js';
export * from './loans.service.js';
export * from './repayment.module.js';
export * from './repayments/index.js';
export * from './servicing/index.js';

export const REPAYMENT_ENTITIES: Type[] = [Loan, LoanInstallment, ...REPAYMENT_POSTING_ENTITIES, ...CLOSE_OF_DAY_ENTITIES, ...SERVICING_ENTITIES];
