import { sendProblem, toProblem } from '#platform';
import type { NextFunction, Request, Response } from 'express';

/**
 * body-parser fails before Nest routes the request, so its errors (malformed JSON, body over 1 MB)
 * never reach Nest's filters: answer them here, in the same problem+json shape.
 */
export function bodyParserErrors(err: unknown, req: Request, res: Response, next: NextFunction): void {
  if (toProblem(err).status >= 500) return next(err);
  sendProblem(err, req, res);
}
