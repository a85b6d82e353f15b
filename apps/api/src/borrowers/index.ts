import type { Type } from '@nestjs/common';

export const BORROWER_CONTROLLERS: Type[] = [];
