// The one place where any error becomes an HTTP answer: RFC 9457 problem+json, never a stack trace.
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { requestContext } from '../context/request-context.js';
import { DEPENDENCY_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './dependency-unavailable.js';
import { DomainError, type DomainErrorKind } from './domain-error.js';
import { PROBLEM_CONTENT_TYPE, problemTitle, problemType } from './problem-details.js';

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  TOO_MANY_REQUESTS: 429,
};

const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

interface Problem {
  status: number;
  code: string;
  detail: string;
  extensions?: Record<string, unknown>;
}

/** body-parser's errors (malformed JSON, too large) carry `type` and `status`. */
function bodyParserProblem(err: unknown): Problem | undefined {
  const e = err as { type?: string; status?: number; message?: string };
  if (e?.type === 'entity.parse.failed') return { status: 400, code: 'MALFORMED_JSON', detail: 'The request body is not valid JSON' };
  if (e?.type === 'entity.too.large') return { status: 413, code: 'PAYLOAD_TOO_LARGE', detail: 'The request body is larger than 1 MB' };
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported')
    return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', detail: e.message ?? 'Unsupported encoding' };
  return undefined;
}

export function toProblem(err: unknown): Problem {
  if (err instanceof DomainError) {
    const extensions: Record<string, unknown> = { ...err.extensions };
    if (err.fieldErrors) extensions.errors = err.fieldErrors;
    return { status: STATUS_OF_KIND[err.kind], code: err.code, detail: err.message, extensions };
  }
  const parser = bodyParserProblem(err);
  if (parser) return parser;
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const cause = err.cause ?? (err.getResponse() as { cause?: unknown })?.cause;
    const fromParser = bodyParserProblem(cause);
    if (fromParser) return fromParser;
    const body = err.getResponse();
    const message =
      typeof body === 'string' ? body : Array.isArray((body as { message?: unknown }).message) ? (body as { message: string[] }).message.join('; ') : ((body as { message?: string }).message ?? err.message);
    const code = status === 400 && /JSON/i.test(message) ? 'MALFORMED_JSON' : (CODE_OF_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'HTTP_ERROR'));
    // Terminus' 503 carries each check's status: keep it, so an operator sees what is down.
    const details = typeof body === 'object' && body !== null && 'details' in body ? { details: (body as { details: unknown }).details } : undefined;
    if (status >= 500 && !details) return { status, code, detail: 'An unexpected error occurred; it has been logged with this requestId' };
    const detail = status === 404 && /^Cannot /.test(message) ? `No route: ${message.replace(/^Cannot /, '')}` : status === 503 && details ? 'A dependency is down' : message;
    return { status, code, detail, extensions: details };
  }
  // PostgreSQL refuses U+0000 in text (22021): client input that slipped past the request guards (a
  // multipart field, say) is still the client's mistake, a 400, not a 500.
  if ((err as { driverError?: { code?: string } })?.driverError?.code === '22021')
    return { status: 400, code: 'VALIDATION_FAILED', detail: 'A text value contains a character the database cannot store (U+0000)' };
  if (isDatabaseUnavailable(err))
    return {
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      detail: 'The database connection was lost or refused; retry the request (under the same Idempotency-Key, which replays it if it did commit)',
      extensions: { retryAfterSeconds: DEPENDENCY_RETRY_AFTER_SECONDS },
    };
  return { status: 500, code: 'INTERNAL_ERROR', detail: 'An unexpected error occurred; it has been logged with this requestId' };
}

const logger = new Logger('ProblemDetails');

/** Writes `err` as a problem+json answer; shared by the Nest filter and the body-parser error middleware. */
export function sendProblem(err: unknown, req: Request, res: Response): void {
  const problem = toProblem(err);
  const requestId = requestContext.current()?.requestId ?? String((req as { id?: string }).id ?? '');
  if (problem.status >= 500) logger.error({ err, requestId }, 'unhandled error');
  if (res.headersSent) return;
  const retryAfter = problem.extensions?.retryAfterSeconds;
  if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
  res
    .status(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(
      JSON.stringify({
        type: problemType(problem.code),
        title: problemTitle(problem.code),
        status: problem.status,
        detail: problem.detail,
        code: problem.code,
        ...problem.extensions,
        requestId,
      }),
    );
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    sendProblem(exception, http.getRequest(), http.getResponse());
  }
}
