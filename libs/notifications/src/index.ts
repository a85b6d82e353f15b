import type { Type } from '@nestjs/common';

export * from './notifications.module.js';

export const NOTIFICATION_ENTITIES: Type[] = [];
