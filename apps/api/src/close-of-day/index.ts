import type { Type } from '@nestjs/common';

export const CLOSE_OF_DAY_CONTROLLERS: Type[] = [];
