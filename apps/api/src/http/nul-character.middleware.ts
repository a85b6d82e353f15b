import { type FieldViolation, sendProblem, ValidationError } from '#platform';
import type { NextFunction, Request, Response } from 'express';

/** Where a U+0000 hides in a parsed body or query (keys included), as field paths (`business.name`). */
export function fieldsWithNul(value: unknown, root = ''): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) found.push(at || 'body');
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        const path = at ? `${at}.${k}` : k;
        if (k.includes('\u0000')) found.push(path);
        else stack.push([child, path]);
      }
    }
  }
  return found.sort();
}

/**
 * Refuses a NUL character in a JSON body or a query string with a 400 naming each field: PostgreSQL
 * cannot store U+0000 in text and failed the query (a 500; the fuzzer found it with a login username).
 * Run after the JSON parser and the depth guard.
 */
export function nulCharacterGuard(req: Request, res: Response, next: NextFunction): void {
  const fields = [...fieldsWithNul(req.body), ...fieldsWithNul(req.query, 'query').map((f) => (f === 'body' ? 'query' : f))];
  if (fields.length) {
    const violations: FieldViolation[] = fields.map((field) => ({ field, code: 'NUL_CHARACTER', message: `${field} must not contain a NUL character (U+0000)` }));
    sendProblem(new ValidationError(violations), req, res);
    return;
  }
  next();
}
