import type { Provider, Type } from '@nestjs/common';

export const CLOSE_OF_DAY_ENTITIES: Type[] = [];
export const CLOSE_OF_DAY_PROVIDERS: Provider[] = [];
