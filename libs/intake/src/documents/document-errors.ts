import { DomainError } from '#platform';
import { DOCUMENT_CONTENT_TYPES, MAX_DOCUMENT_BYTES } from './domain/document-rules.js';

/**
 * A file over MAX_DOCUMENT_BYTES. Its kind says "the request is at fault"; the api answers it with
 * 413 (DocumentProblemFilter), as no domain error kind maps to that status.
 */
export class DocumentTooLargeError extends DomainError {
  constructor() {
    super('VALIDATION', 'DOCUMENT_TOO_LARGE', `A document may be at most ${MAX_DOCUMENT_BYTES} bytes (5 MB)`, { maxBytes: MAX_DOCUMENT_BYTES });
  }
}

export class DocumentTypeNotAllowedError extends DomainError {
  constructor() {
    super('VALIDATION', 'DOCUMENT_TYPE_NOT_ALLOWED', `Only ${DOCUMENT_CONTENT_TYPES.join(', ')} files are accepted, judged by their content`, {
      allowedTypes: DOCUMENT_CONTENT_TYPES,
    });
  }
}

/**
 * A stored file that is missing, fails decryption or no longer hashes to the SHA-256 recorded at upload:
 * storage corruption or tampering, never the client's fault. Its bytes are not served.
 */
export class DocumentIntegrityError extends Error {
  readonly code = 'DOCUMENT_INTEGRITY_FAILED';

  constructor(
    readonly documentId: string,
    reason: string,
  ) {
    super(`Document ${documentId} failed its integrity check: ${reason}`);
    this.name = 'DocumentIntegrityError';
  }
}
