import type { Provider } from '@nestjs/common';
import { Borrower } from './borrower.entity.js';
import { BorrowersService } from './borrowers.service.js';
import { Business } from './business.entity.js';

export * from './borrower.entity.js';
export * from './borrower-correction.js';
export * from './borrower-identity.js';
export * from './borrower-view.js';
export * from './borrowers.service.js';
export * from './business.entity.js';
export * from './consent.js';
export * from './domain/identifiers.js';
export * from './domain/name-search.js';
export * from './domain/nik.js';
export * from './sectors.js';

export const BORROWER_ENTITIES = [Borrower, Business];
export const BORROWER_PROVIDERS: Provider[] = [BorrowersService];
