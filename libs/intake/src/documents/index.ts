import type { Provider, Type } from '@nestjs/common';

export const DOCUMENT_ENTITIES: Type[] = [];
export const DOCUMENT_PROVIDERS: Provider[] = [];
