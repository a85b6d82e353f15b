// The pg client the pool hands out: parameterised statements become named prepared statements, so
// PostgreSQL parses and plans each distinct statement once per connection instead of on every call.
// Planning was most of the database's CPU on the hot paths (issue 10: 0.3-0.5 ms of planning against
// 0.05-0.1 ms of execution for each of a repayment's statements, docs/scaling.md). TypeORM cannot name
// statements itself; the pool's `Client` option is the one seam it leaves.
import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * Distinct statements prepared per connection, at most. Generated SQL is a finite set in practice, but
 * an IN list's placeholders vary with its length: past the cap a statement is simply not prepared.
 */
export const MAX_PREPARED_PER_CONNECTION = 500;

/** Statements longer than this (bulk inserts with thousands of placeholders) are not worth keeping. */
const MAX_PREPARED_LENGTH = 20_000;

export class PreparingClient extends pg.Client {
  readonly prepared = new Set<string>();

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // A server that ends the connection (pg_terminate_backend, a restart) makes the client emit 'error'
    // when no query is running. The pool and TypeORM each listen only while they hold the client, and
    // an 'error' nobody listens to kills the process: the reliability suite's fault drill saw it happen
    // between their hand-overs. This listener only keeps the process alive; the pool still drops the client.
    this.on('error', () => undefined);
  }
}

// Assigned rather than overridden so that callers keep pg's typed overloads (callback, promise,
// Submittable): only the (text, values) form is changed, into a named statement.
const plainQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
PreparingClient.prototype.query = function (this: PreparingClient, ...args: unknown[]) {
  const [text, values] = args;
  if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && text.length <= MAX_PREPARED_LENGTH) {
    const name = `l${createHash('sha1').update(text).digest('base64url')}`;
    if (this.prepared.has(name) || this.prepared.size < MAX_PREPARED_PER_CONNECTION) {
      this.prepared.add(name);
      return plainQuery.call(this, { name, text, values }, ...args.slice(2));
    }
  }
  return plainQuery.apply(this, args);
} as pg.Client['query'];
