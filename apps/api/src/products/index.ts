import type { Type } from '@nestjs/common';

export const PRODUCT_CONTROLLERS: Type[] = [];
