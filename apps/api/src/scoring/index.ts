import type { Type } from '@nestjs/common';

export const SCORING_CONTROLLERS: Type[] = [];
