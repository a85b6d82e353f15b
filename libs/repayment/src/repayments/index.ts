import type { Provider, Type } from '@nestjs/common';

export const REPAYMENT_POSTING_ENTITIES: Type[] = [];
export const REPAYMENT_POSTING_PROVIDERS: Provider[] = [];
