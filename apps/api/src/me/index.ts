import type { Type } from '@nestjs/common';

export const SELF_SERVICE_CONTROLLERS: Type[] = [];
