import type { Type } from '@nestjs/common';
import { ProductsController } from './products.controller.js';

export const PRODUCT_CONTROLLERS: Type[] = [ProductsController];
