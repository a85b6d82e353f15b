import type { Type } from '@nestjs/common';

export const REGION_CONTROLLERS: Type[] = [];
