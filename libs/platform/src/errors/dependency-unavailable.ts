// Errors that mean "the database is unreachable or dropped our connection", not "the request is wrong":
// the answer is 503 with Retry-After (the client may retry under the same Idempotency-Key; the
// transaction was rolled back), never a 500 that reads like a defect. Found by the reliability
// suite's fault drill (pg_terminate_backend under load answered 500 INTERNAL_ERROR).

/** SQLSTATEs of a lost or refused connection: class 08, admin/crash shutdown, cannot connect now, too many connections. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** node-postgres and socket failures that carry no SQLSTATE. */
const UNAVAILABLE_MESSAGES = [/Connection terminated/i, /timeout exceeded when trying to connect/i, /Client has encountered a connection error/i, /terminating connection/i];
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/**
 * TypeORM releases a query runner whose connection died; the transaction's next statement (or its
 * COMMIT) then fails with these instead of the socket error. The server rolled the transaction back.
 */
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);

export const DEPENDENCY_RETRY_AFTER_SECONDS = 1;

/** True when `err` (a TypeORM QueryFailedError, a pg error, or a socket error) means the database is not available. */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; driverError?: { code?: unknown; message?: unknown }; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const name = (e as { name?: unknown }).name;
  if ((typeof name === 'string' && RELEASED_RUNNER_ERRORS.has(name)) || RELEASED_RUNNER_ERRORS.has(e.constructor?.name ?? '')) return true;
  for (const code of [e.code, e.driverError?.code]) {
    if (typeof code !== 'string') continue;
    if (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code)) return true;
  }
  const message = [e.message, e.driverError?.message].filter((m): m is string => typeof m === 'string').join(' ');
  return UNAVAILABLE_MESSAGES.some((re) => re.test(message));
}
