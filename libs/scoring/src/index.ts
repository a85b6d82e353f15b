import type { Type } from '@nestjs/common';

export * from './scoring.module.js';

export const SCORING_ENTITIES: Type[] = [];
