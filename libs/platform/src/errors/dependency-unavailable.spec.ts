import { isDatabaseUnavailable } from './dependency-unavailable.js';
import { toProblem } from './problem-details.filter.js';

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a backend terminated by pg_terminate_backend (57P01)', { code: '57P01', message: 'terminating connection due to administrator command' }],
    ['a TypeORM QueryFailedError wrapping it', { message: 'x', driverError: { code: '57P01' } }],
    ['a connection exception (class 08)', { code: '08006' }],
    ['too many connections', { code: '53300' }],
    ['the server starting up', { code: '57P03' }],
    ['a socket refused', { code: 'ECONNREFUSED' }],
    ['node-postgres losing its socket', new Error('Connection terminated unexpectedly')],
    ['the pool timing out', new Error('timeout exceeded when trying to connect')],
    ["TypeORM's runner released under a dying transaction", Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' })],
    ['its provider variant', new (class QueryRunnerProviderAlreadyReleasedError extends Error {})('released')],
  ])('recognises %s', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ['a unique violation', { code: '23505' }],
    ['a check violation', { driverError: { code: '23514' } }],
    ['a plain error', new Error('boom')],
    ['nothing', null],
  ])('leaves %s alone', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });

  it('makes the answer a 503 DATABASE_UNAVAILABLE with a Retry-After, not a 500', () => {
    expect(toProblem({ code: '57P01', message: 'terminating connection due to administrator command' })).toMatchObject({
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      extensions: { retryAfterSeconds: 1 },
    });
    expect(toProblem(new Error('boom'))).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
  });
});
