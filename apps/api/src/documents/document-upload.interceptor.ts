import { DocumentTooLargeError, MAX_DOCUMENT_BYTES } from '#intake';
import { DomainError, ValidationError } from '#platform';
import { BadRequestException, type CallHandler, type ExecutionContext, HttpException, Injectable, type NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';

// Memory storage (multer's default when no storage is named): the file is judged, encrypted and only
// then written, so nothing unchecked ever touches the disk. One byte over the limit still reaches
// the service, whose check is the rule; multer's own limit only stops a larger body being buffered.
const MultipartFile = FileInterceptor('file', {
  limits: { fileSize: MAX_DOCUMENT_BYTES + 1, files: 1, fields: 4, fieldSize: 2048, parts: 6 },
});

/** multer's error codes (multer-error.js) that name a field of the request. */
const FIELD_ERRORS: Record<string, [code: string, message: (field: string) => string]> = {
  LIMIT_UNEXPECTED_FILE: ['UNEXPECTED_FILE', (f) => `${f} may not carry a file: send exactly one document, in the field "file"`],
  LIMIT_FILE_COUNT: ['UNEXPECTED_FILE', () => 'send exactly one document, in the field "file"'],
  LIMIT_FIELD_VALUE: ['FIELD_TOO_LONG', (f) => `${f} is too long`],
  LIMIT_FIELD_KEY: ['FIELD_NAME_TOO_LONG', (f) => `${f} is not an accepted field`],
};

/**
 * Reads the multipart body (after the guards: a caller without the role never gets it read) and turns
 * multer's refusals into this api's problems: too large is DOCUMENT_TOO_LARGE, a misplaced file or
 * an over-long field is VALIDATION_FAILED naming it, a broken body MALFORMED_MULTIPART.
 */
@Injectable()
export class DocumentUploadInterceptor implements NestInterceptor {
  private readonly multipart: NestInterceptor = new MultipartFile();

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multipart.intercept(ctx, next);
    } catch (err) {
      throw uploadProblem(err);
    }
  }
}

export function uploadProblem(err: unknown): unknown {
  if (err instanceof PayloadTooLargeException) return new DocumentTooLargeError();
  if (!(err instanceof BadRequestException)) return err;
  const cause = (err.cause ?? {}) as { code?: string; field?: string };
  const known = cause.code ? FIELD_ERRORS[cause.code] : undefined;
  if (known) {
    const field = cause.field || 'file';
    return ValidationError.field(field, known[0], known[1](field));
  }
  return new DomainError('VALIDATION', 'MALFORMED_MULTIPART', `The multipart body could not be read: ${messageOf(err)}`);
}

const messageOf = (err: HttpException): string => {
  const body = err.getResponse();
  return typeof body === 'string' ? body : ((body as { message?: string }).message ?? err.message);
};
