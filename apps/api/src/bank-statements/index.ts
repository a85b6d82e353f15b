import type { Type } from '@nestjs/common';

export const BANK_STATEMENT_CONTROLLERS: Type[] = [];
