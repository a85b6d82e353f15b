import type { Provider, Type } from '@nestjs/common';

export const APPLICATION_ENTITIES: Type[] = [];
export const APPLICATION_PROVIDERS: Provider[] = [];
