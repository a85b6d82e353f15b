import type { Provider } from '@nestjs/common';
import { Borrower } from './borrower.entity.js';
import { Business } from './business.entity.js';

export * from './borrower.entity.js';
export * from './business.entity.js';
export * from './sectors.js';

export const BORROWER_ENTITIES = [Borrower, Business];
export const BORROWER_PROVIDERS: Provider[] = [];
