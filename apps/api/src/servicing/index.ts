import type { Type } from '@nestjs/common';

export const SERVICING_CONTROLLERS: Type[] = [];
