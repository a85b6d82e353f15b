import { sendProblem, ValidationError } from '#platform';
import type { NextFunction, Request, Response } from 'express';

/** Deeper than any request of the contract needs (the deepest, a product's eligibility, is 3). */
export const MAX_JSON_DEPTH = 32;

/** How deep `value` nests, counted without recursion (so a hostile body cannot exhaust the stack here). */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) max = depth + 1;
    if (max > limit) return max;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return max;
}

/**
 * Refuses a JSON body nested deeper than MAX_JSON_DEPTH with a 400 naming `body`. Validation and the
 * idempotency hash walk bodies recursively: the fuzzer's 5,000-level body overflowed the stack (a 500).
 */
export function jsonDepthGuard(req: Request, res: Response, next: NextFunction): void {
  if (req.body !== null && typeof req.body === 'object' && jsonDepth(req.body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    sendProblem(ValidationError.field('body', 'BODY_TOO_DEEP', `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels`), req, res);
    return;
  }
  next();
}
