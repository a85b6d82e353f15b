import type { Type } from '@nestjs/common';

export const REPAYMENT_CONTROLLERS: Type[] = [];
