import type { Provider } from '@nestjs/common';
import { BorrowerDataRightsService } from './borrower-data-rights.service.js';

export * from './borrower-data-rights.service.js';
export * from './domain/retention.js';

export const DATA_RIGHTS_PROVIDERS: Provider[] = [BorrowerDataRightsService];
