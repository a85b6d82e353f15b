import type { Type } from '@nestjs/common';

export const HOLIDAY_CONTROLLERS: Type[] = [];
