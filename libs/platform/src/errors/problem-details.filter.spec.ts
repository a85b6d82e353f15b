// Every error becomes one RFC 9457 answer: domain errors by kind, body-parser and Nest HTTP errors by
// status, anything else a 500 that says nothing about its cause.
import { jest } from '@jest/globals';
import {
  type ArgumentsHost,
  BadRequestException,
  ForbiddenException,
  HttpException,
  Logger,
  NotFoundException,
  PayloadTooLargeException,
  UnauthorizedException,
} from '@nestjs/common';
import { requestContext } from '../context/request-context.js';
import { DomainError, type DomainErrorKind, InvalidStateError, NotFoundError, ValidationError } from './domain-error.js';
import { ProblemDetailsFilter, toProblem } from './problem-details.filter.js';
import { PROBLEM_CONTENT_TYPE } from './problem-details.js';

describe('toProblem', () => {
  it.each<[DomainErrorKind, number]>([
    ['VALIDATION', 400],
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    ['CONFLICT', 409],
    ['UNPROCESSABLE', 422],
  ])('answers a %s domain error with %i, its own code, message and extensions', (kind, status) => {
    const err = new DomainError(kind, `SOME_${kind}_CODE`, `refused as ${kind}`, { reasons: ['AGE_UNDER_18'], limit: '50000000.00' });
    expect(toProblem(err)).toEqual({
      status,
      code: `SOME_${kind}_CODE`,
      detail: `refused as ${kind}`,
      extensions: { reasons: ['AGE_UNDER_18'], limit: '50000000.00' },
    });
  });

  it('adds the field errors of a ValidationError as `errors`', () => {
    const err = new ValidationError([
      { field: 'amount', code: 'IS_MONEY', message: 'amount must be a decimal string' },
      { field: 'lines[0].account', code: 'IS_IN', message: 'account must be one of ...' },
    ]);
    expect(toProblem(err)).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'The request has invalid fields',
      extensions: { errors: err.fieldErrors },
    });
    expect(toProblem(ValidationError.field('cursor', 'INVALID_CURSOR', 'bad cursor'))).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      extensions: { errors: [{ field: 'cursor', code: 'INVALID_CURSOR', message: 'bad cursor' }] },
    });
  });

  it('maps PostgreSQL refusing a NUL character (22021) to a 400, not a 500 (found by the issue 11 fuzzer)', () => {
    const err = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { driverError: { code: '22021' } });
    expect(toProblem(err)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(toProblem(Object.assign(new Error('x'), { driverError: { code: '23505' } }))).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
  });

  it('maps the ready-made domain errors', () => {
    expect(toProblem(new NotFoundError('Loan', 'L-1'))).toMatchObject({ status: 404, code: 'NOT_FOUND', detail: 'Loan L-1 does not exist' });
    expect(toProblem(new InvalidStateError('already disbursed'))).toMatchObject({ status: 409, code: 'INVALID_STATE' });
  });

  it('does not let extensions be changed through the problem (a copy is made)', () => {
    const err = new DomainError('CONFLICT', 'X', 'x', { a: 1 });
    toProblem(err).extensions!.a = 2;
    expect(err.extensions).toEqual({ a: 1 });
  });

  describe('body-parser errors (they reach the filter as plain objects with a type)', () => {
    it('malformed JSON is 400 MALFORMED_JSON', () => {
      expect(toProblem({ type: 'entity.parse.failed', status: 400, message: 'Unexpected end of JSON input' })).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
    });

    it('a body over the limit is 413 PAYLOAD_TOO_LARGE', () => {
      expect(toProblem({ type: 'entity.too.large', status: 413 })).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    });

    it('an unsupported charset or encoding is 415', () => {
      expect(toProblem({ type: 'charset.unsupported', status: 415, message: 'unsupported charset "KOI8-R"' })).toEqual({
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        detail: 'unsupported charset "KOI8-R"',
      });
      expect(toProblem({ type: 'encoding.unsupported' })).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    });

    it('the same errors wrapped in a Nest HttpException (its cause) map the same way', () => {
      const wrapped = new BadRequestException('Bad body', { cause: Object.assign(new SyntaxError('x'), { type: 'entity.parse.failed' }) });
      expect(toProblem(wrapped)).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
      const tooLarge = new PayloadTooLargeException('too big', { cause: { type: 'entity.too.large' } });
      expect(toProblem(tooLarge)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    });
  });

  describe('Nest HTTP exceptions', () => {
    it('HttpException(404) is NOT_FOUND', () => {
      expect(toProblem(new HttpException('Not Found', 404))).toEqual({ status: 404, code: 'NOT_FOUND', detail: 'Not Found' });
      expect(toProblem(new NotFoundException())).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    });

    it("Express' unknown-route 404 names the route", () => {
      expect(toProblem(new NotFoundException('Cannot GET /api/nothing'))).toMatchObject({ status: 404, code: 'NOT_FOUND', detail: 'No route: GET /api/nothing' });
    });

    it('keeps the status of the others and gives each a code', () => {
      expect(toProblem(new UnauthorizedException())).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      expect(toProblem(new ForbiddenException())).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      expect(toProblem(new HttpException('Too Many Requests', 429))).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
      expect(toProblem(new HttpException("I'm a teapot", 418))).toMatchObject({ status: 418, code: 'HTTP_ERROR' });
    });

    it('joins a list of messages into the detail', () => {
      expect(toProblem(new BadRequestException(['a is bad', 'b is bad']))).toMatchObject({ status: 400, code: 'BAD_REQUEST', detail: 'a is bad; b is bad' });
    });

    it('a 400 about JSON is MALFORMED_JSON', () => {
      expect(toProblem(new BadRequestException('Unexpected token } in JSON at position 9'))).toMatchObject({ status: 400, code: 'MALFORMED_JSON' });
    });
  });

  it('answers anything else with 500 INTERNAL_ERROR and does not leak its message', () => {
    const secret = 'password authentication failed for user "lumbung" at 10.0.0.5';
    for (const err of [new Error(secret), new TypeError(secret), secret, { message: secret }, undefined, null]) {
      const problem = toProblem(err);
      expect(problem).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
      expect(problem.detail).not.toContain('password');
      expect(JSON.stringify(problem)).not.toContain('10.0.0.5');
    }
  });
});

describe('ProblemDetailsFilter', () => {
  interface Sent {
    status?: number;
    type?: string;
    body?: string;
    headers: Record<string, string>;
  }

  function fakeHttp(opts: { headersSent?: boolean; reqId?: string } = {}) {
    const sent: Sent = { headers: {} };
    const res = {
      headersSent: opts.headersSent ?? false,
      status(code: number) {
        sent.status = code;
        return this;
      },
      type(t: string) {
        sent.type = t;
        return this;
      },
      setHeader(name: string, value: string) {
        sent.headers[name.toLowerCase()] = value;
        return this;
      },
      send(body: string) {
        sent.body = body;
        return this;
      },
    };
    const req = { id: opts.reqId };
    const host = {
      getType: () => 'http',
      switchToHttp: () => ({ getRequest: () => req, getResponse: () => res, getNext: () => undefined }),
    } as unknown as ArgumentsHost;
    return { host, sent };
  }

  let logged: ReturnType<typeof jest.spyOn>;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    logged.mockRestore();
  });

  it('writes an RFC 9457 document with type, title, status, detail, code, extensions and the request id', () => {
    const { host, sent } = fakeHttp();
    const err = new ValidationError([{ field: 'amount', code: 'IS_MONEY', message: 'amount must be ...' }], 'Invalid field: amount');
    requestContext.run({ requestId: 'req-123' }, () => new ProblemDetailsFilter().catch(err, host));
    expect(sent.status).toBe(400);
    expect(sent.type).toBe(PROBLEM_CONTENT_TYPE);
    expect(JSON.parse(sent.body!)).toEqual({
      type: 'https://lumbung.id/problems/validation-failed',
      title: 'Validation failed',
      status: 400,
      detail: 'Invalid field: amount',
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'amount', code: 'IS_MONEY', message: 'amount must be ...' }],
      requestId: 'req-123',
    });
    expect(logged).not.toHaveBeenCalled();
  });

  it("falls back to the request's own id outside a request context", () => {
    const { host, sent } = fakeHttp({ reqId: 'from-pino' });
    new ProblemDetailsFilter().catch(new NotFoundError('Loan', 'L-9'), host);
    expect(JSON.parse(sent.body!)).toMatchObject({ status: 404, code: 'NOT_FOUND', requestId: 'from-pino' });
  });

  it('logs a 500 with its cause, and answers without it', () => {
    const { host, sent } = fakeHttp();
    const boom = new Error('relation "loan" does not exist');
    requestContext.run({ requestId: 'req-500' }, () => new ProblemDetailsFilter().catch(boom, host));
    expect(sent.status).toBe(500);
    expect(sent.body).not.toContain('relation');
    expect(JSON.parse(sent.body!)).toMatchObject({ code: 'INTERNAL_ERROR', requestId: 'req-500' });
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0][0]).toMatchObject({ err: boom, requestId: 'req-500' });
  });

  it('writes nothing when the response has already started', () => {
    const { host, sent } = fakeHttp({ headersSent: true });
    new ProblemDetailsFilter().catch(new NotFoundError('Loan', 'L-9'), host);
    expect(sent.status).toBeUndefined();
    expect(sent.body).toBeUndefined();
  });

  it('rethrows outside HTTP (the worker shares the services and has no HTTP answer to give)', () => {
    const err = new InvalidStateError('x');
    const host = { getType: () => 'rpc' } as unknown as ArgumentsHost;
    expect(() => new ProblemDetailsFilter().catch(err, host)).toThrow(err);
  });
});
