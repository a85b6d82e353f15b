import type { Provider, Type } from '@nestjs/common';

export const HOLIDAY_ENTITIES: Type[] = [];
export const HOLIDAY_PROVIDERS: Provider[] = [];
