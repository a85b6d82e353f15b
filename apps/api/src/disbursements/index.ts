import type { Type } from '@nestjs/common';

export const DISBURSEMENT_CONTROLLERS: Type[] = [];
