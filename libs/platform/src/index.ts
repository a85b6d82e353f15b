import './database/pg-types.js';

export * from './audit/audit-log.entity.js';
export * from './audit/audit.service.js';
export * from './auth/auth.service.js';
export * from './auth/password-hasher.js';
export * from './business-date/business-date.entity.js';
export * from './business-date/business-date.service.js';
export * from './config/app-config.js';
export * from './config/config.module.js';
export * from './context/request-context.js';
export * from './crypto/field-encryption.service.js';
export * from './database/snake-naming.strategy.js';
export * from './database/transaction-runner.js';
export * from './errors/api-problems.decorator.js';
export * from './errors/domain-error.js';
export * from './errors/problem-details.filter.js';
export * from './errors/problem-details.js';
export * from './errors/validation-errors.js';
export * from './idempotency/canonical-json.js';
export * from './idempotency/idempotency-key.entity.js';
export * from './idempotency/idempotency.service.js';
export * from './pagination/page.js';
export * from './platform.module.js';
export * from './programmes/programme.entity.js';
export * from './programmes/programmes.service.js';
export * from './users/user.entity.js';
export * from './users/users.service.js';

import { AuditLog } from './audit/audit-log.entity.js';
import { BusinessDate } from './business-date/business-date.entity.js';
import { IdempotencyKey } from './idempotency/idempotency-key.entity.js';
import { Programme } from './programmes/programme.entity.js';
import { User } from './users/user.entity.js';

export const PLATFORM_ENTITIES = [Programme, User, AuditLog, BusinessDate, IdempotencyKey];
export * from './validation/is-calendar-date.decorator.js';
export * from './queues/queues.js';
export * from './queues/bull-root.module.js';
