import type { Type } from '@nestjs/common';

export * from './reconciliation.module.js';

export const RECONCILIATION_ENTITIES: Type[] = [];
