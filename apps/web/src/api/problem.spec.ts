import { describe, expect, it } from '@jest/globals';
import { call, ProblemError, toProblem } from './problem';

const problemBody = {
  type: 'https://lumbung.id/problems/validation-failed',
  title: 'Validation failed',
  status: 400,
  detail: 'Invalid fields: address.postalCode, nik',
  code: 'VALIDATION_FAILED',
  errors: [
    { field: 'nik', code: 'NIK_INVALID', message: 'nik: the birth date is not a real date' },
    { field: 'address.postalCode', code: 'MATCHES', message: 'postalCode must be 5 digits' },
    { field: 'installments[0].amount', code: 'IS_MONEY', message: 'amount must be a decimal string' },
  ],
  requestId: 'req-1',
};

describe('toProblem and ProblemError', () => {
  it('keeps the problem+json fields and finds field errors by path, nested ones under their parent', () => {
    const p = toProblem(problemBody);
    expect(p).toBeInstanceOf(ProblemError);
    expect([p.status, p.code, p.title, p.detail, p.requestId]).toEqual([400, 'VALIDATION_FAILED', 'Validation failed', problemBody.detail, 'req-1']);
    expect(p.fieldMessages('nik')).toEqual(['nik: the birth date is not a real date']);
    expect(p.fieldMessages('address')).toEqual(['postalCode must be 5 digits']);
    expect(p.fieldMessages('address.postalCode')).toEqual(['postalCode must be 5 digits']);
    expect(p.fieldMessages('installments')).toEqual(['amount must be a decimal string']);
    expect(p.fieldMessages('name')).toEqual([]);
    // "nikMasked" is not "nik".
    expect(toProblem({ ...problemBody, errors: [{ field: 'nikMasked', code: 'X', message: 'm' }] }).fieldMessages('nik')).toEqual([]);
  });

  it('turns a network failure and anything else into a problem too', () => {
    expect(toProblem(new TypeError('Failed to fetch'))).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
    expect(toProblem(new Error('boom'))).toMatchObject({ status: 0, code: 'UNEXPECTED', detail: 'boom' });
    const same = toProblem(problemBody);
    expect(toProblem(same)).toBe(same);
  });
});

describe('call', () => {
  it('returns the data of a success', async () => {
    await expect(call(Promise.resolve({ data: { ok: true }, response: new Response('{}', { status: 200 }) }))).resolves.toEqual({ ok: true });
  });

  it('throws the api problem of a failure', async () => {
    const failed = call(Promise.resolve({ error: { ...problemBody, status: 422, code: 'APPLICATION_INELIGIBLE' }, response: new Response('{}', { status: 422 }) }));
    await expect(failed).rejects.toMatchObject({ status: 422, code: 'APPLICATION_INELIGIBLE' });
  });

  it('throws an HTTP problem when the body is not problem+json (a proxy error page)', async () => {
    const failed = call(Promise.resolve({ error: '<html>Bad gateway</html>', response: new Response('x', { status: 502, statusText: 'Bad Gateway' }) }));
    await expect(failed).rejects.toMatchObject({ status: 502, code: 'HTTP_502', title: 'Bad Gateway' });
  });
});
