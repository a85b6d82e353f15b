import { DocumentIntegrityError, DocumentTooLargeError } from '#intake';
import { PROBLEM_CONTENT_TYPE, problemTitle, problemType, requestContext, toProblem } from '#platform';
import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';

/**
 * The two document answers whose status no domain error kind gives: 413 DOCUMENT_TOO_LARGE and the
 * 500 integrity alarm (with its own code, so an operator can tell it from a bug). Everything else
 * falls through to the global ProblemDetailsFilter.
 */
@Catch(DocumentTooLargeError, DocumentIntegrityError)
export class DocumentProblemFilter implements ExceptionFilter {
  catch(err: DocumentTooLargeError | DocumentIntegrityError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request & { id?: string }>();
    const { status, code, detail, extensions } =
      err instanceof DocumentTooLargeError
        ? { ...toProblem(err), status: 413 }
        : {
            status: 500,
            code: err.code,
            detail: 'The stored document failed its integrity check and was not served; the incident is logged with this requestId',
            extensions: {},
          };
    if (res.headersSent) return;
    res
      .status(status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(
        JSON.stringify({
          type: problemType(code),
          title: problemTitle(code),
          status,
          detail,
          code,
          ...extensions,
          requestId: requestContext.current()?.requestId ?? String(req.id ?? ''),
        }),
      );
  }
}
