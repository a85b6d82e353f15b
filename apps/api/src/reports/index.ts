import type { Type } from '@nestjs/common';

export const REPORT_CONTROLLERS: Type[] = [];
