import { APPLICATION_ENTITIES } from './applications/index.js';
import { BORROWER_ENTITIES } from './borrowers/index.js';
import { DOCUMENT_ENTITIES } from './documents/index.js';
import { HOLIDAY_ENTITIES } from './holidays/index.js';
import { PRODUCT_ENTITIES } from './products/index.js';
import { REGION_ENTITIES } from './regions/index.js';

export * from './applications/index.js';
export * from './borrowers/index.js';
export * from './data-rights/index.js';
export * from './documents/index.js';
export * from './holidays/index.js';
export * from './intake.module.js';
export * from './products/index.js';
export * from './regions/index.js';

export const INTAKE_ENTITIES = [
  ...REGION_ENTITIES,
  ...HOLIDAY_ENTITIES,
  ...PRODUCT_ENTITIES,
  ...BORROWER_ENTITIES,
  ...DOCUMENT_ENTITIES,
  ...APPLICATION_ENTITIES,
];
