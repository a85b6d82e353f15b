import type { Type } from '@nestjs/common';

export const NOTIFICATION_CONTROLLERS: Type[] = [];
