import { Product } from './entities/product.entity.js';

export * from './entities/product.entity.js';

export const INTAKE_ENTITIES = [Product];
