import type { Type } from '@nestjs/common';

export const DOCUMENT_CONTROLLERS: Type[] = [];
