import type { Type } from '@nestjs/common';

export const APPLICATION_CONTROLLERS: Type[] = [];
