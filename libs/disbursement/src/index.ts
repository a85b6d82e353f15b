import type { Type } from '@nestjs/common';

export * from './disbursement.module.js';

export const DISBURSEMENT_ENTITIES: Type[] = [];
