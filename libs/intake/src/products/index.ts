import type { Provider } from '@nestjs/common';
import { Product } from './product.entity.js';

export * from './product.entity.js';

export const PRODUCT_ENTITIES = [Product];
export const PRODUCT_PROVIDERS: Provider[] = [];
