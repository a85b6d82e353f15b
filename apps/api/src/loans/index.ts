import type { Type } from '@nestjs/common';

export const LOAN_CONTROLLERS: Type[] = [];
