import type { Provider } from '@nestjs/common';
import { Product } from './product.entity.js';
import { ProductsService } from './products.service.js';

export * from './product.entity.js';
export * from './product-rules.js';
export * from './product-terms.js';
export * from './products.service.js';

export const PRODUCT_ENTITIES = [Product];
export const PRODUCT_PROVIDERS: Provider[] = [ProductsService];
