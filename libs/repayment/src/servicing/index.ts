import type { Provider, Type } from '@nestjs/common';

export const SERVICING_ENTITIES: Type[] = [];
export const SERVICING_PROVIDERS: Provider[] = [];
