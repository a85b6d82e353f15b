import { randomUUID } from 'node:crypto';
import { requestContext } from '#platform';
import type { NextFunction, Request, Response } from 'express';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

type WithId = Request & { id?: string };

/** First of all: every request gets an id (the caller's X-Request-Id when sane), even one whose body fails to parse. */
export function requestIdMiddleware(req: WithId, res: Response, next: NextFunction): void {
  const given = req.header('x-request-id');
  req.id = given && SAFE_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', req.id);
  next();
}

/**
 * Opens the request's context (id, later the user) for audit rows and logs. Mounted after the body
 * parser: the parser's stream callbacks would otherwise lose the async context.
 */
export function requestContextMiddleware(req: WithId, _res: Response, next: NextFunction): void {
  requestContext.run({ requestId: req.id ?? randomUUID() }, next);
}
