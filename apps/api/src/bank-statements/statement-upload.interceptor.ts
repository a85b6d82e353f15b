import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { uploadProblem } from '../documents/document-upload.interceptor.js';

/** A day's statement of a busy account is a few MB; 20 MB leaves room for a month's. */
export const MAX_STATEMENT_BYTES = 20 * 1024 * 1024;

const MultipartFile = FileInterceptor('file', { limits: { fileSize: MAX_STATEMENT_BYTES, files: 1, fields: 4, fieldSize: 200, parts: 6 } });

/** Memory storage: the file is parsed whole before anything is stored. multer's refusals become problems. */
@Injectable()
export class StatementUploadInterceptor implements NestInterceptor {
  private readonly multipart: NestInterceptor = new MultipartFile();

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multipart.intercept(ctx, next);
    } catch (err) {
      // The document filter's 413 is for documents; a statement that is too large is plain 413.
      if (err instanceof PayloadTooLargeException) throw err;
      throw uploadProblem(err);
    }
  }
}
