import { resolve } from 'node:path';
import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#platform';
import { BorrowerDocument } from './borrower-document.entity.js';
import { DOCUMENT_STORAGE } from './document-storage.js';
import { DocumentsService } from './documents.service.js';
import { LocalDiskDocumentStorage } from './local-disk-document-storage.js';

export * from './borrower-document.entity.js';
export * from './document-errors.js';
export * from './document-storage.js';
export * from './documents.service.js';
export * from './domain/document-rules.js';
export * from './domain/sniff-content-type.js';
export * from './local-disk-document-storage.js';

export const DOCUMENT_ENTITIES = [BorrowerDocument];
export const DOCUMENT_PROVIDERS: Provider[] = [
  {
    provide: DOCUMENT_STORAGE,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => new LocalDiskDocumentStorage(resolve(config.DOCUMENT_STORAGE_DIR)),
  },
  DocumentsService,
];
