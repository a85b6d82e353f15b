import { Module } from '@nestjs/common';
import { APPLICATION_PROVIDERS } from './applications/index.js';
import { BORROWER_PROVIDERS } from './borrowers/index.js';
import { DATA_RIGHTS_PROVIDERS } from './data-rights/index.js';
import { DOCUMENT_PROVIDERS } from './documents/index.js';
import { HOLIDAY_PROVIDERS } from './holidays/index.js';
import { PRODUCT_PROVIDERS } from './products/index.js';
import { REGION_PROVIDERS } from './regions/index.js';

const providers = [
  ...REGION_PROVIDERS,
  ...HOLIDAY_PROVIDERS,
  ...PRODUCT_PROVIDERS,
  ...BORROWER_PROVIDERS,
  ...DOCUMENT_PROVIDERS,
  ...APPLICATION_PROVIDERS,
  ...DATA_RIGHTS_PROVIDERS,
];

/** Products, holidays, regions, borrowers, documents and applications: everything before a decision. */
@Module({ providers, exports: providers })
export class IntakeModule {}
