// Loan accounts, schedules and repayments. The schedule engine (domain/) is used by intake's preview too,
// so this lib imports only types from #intake (a runtime import would make the two depend on each other).
import type { Type } from '@nestjs/common';

export * from './domain/due-dates.js';
export * from './domain/generate-schedule.js';
export * from './repayment.module.js';

export const REPAYMENT_ENTITIES: Type[] = [];
