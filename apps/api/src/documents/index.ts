import type { Type } from '@nestjs/common';
import { DocumentsController } from './documents.controller.js';

export const DOCUMENT_CONTROLLERS: Type[] = [DocumentsController];
