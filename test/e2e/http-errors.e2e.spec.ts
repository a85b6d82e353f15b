import { createTestApp, type TestApp } from '../support/app.js';

describe('HTTP error answers are problem+json, never 5xx for client mistakes (e2e)', () => {
  let t: TestApp;
  const admin = () => ({ Authorization: `Bearer ${t.adminToken}` });
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers malformed JSON with 400 MALFORMED_JSON and a request id', async () => {
    const res = await t.http().post('/api/fund/capital').set(admin()).set('Content-Type', 'application/json').send('{"amount": ').expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'MALFORMED_JSON', type: expect.stringContaining('malformed-json') });
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('answers a body over 1 MB with 413 PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ reference: 'x'.repeat(1024 * 1024 + 10) });
    const res = await t.http().post('/api/fund/capital').set(admin()).set('Content-Type', 'application/json').send(big).expect(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a deeply nested body with 400 naming body, not a stack overflow (500), on every route tried', async () => {
    // Found by the OpenAPI fuzzer (issue 11): 5,000 levels overflowed validation's recursion.
    for (const [route, depth] of [['/api/fund/capital', 5_000], ['/api/auth/login', 20_000], ['/api/close-of-day/runs', 100_000]] as const) {
      const body = depth % 2 ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      const res = await t.http().post(route).set(admin()).set('Idempotency-Key', `deep-${depth}`).set('Content-Type', 'application/json').send(body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'body', code: 'BODY_TOO_DEEP' })]);
    }
    // 32 levels are still fine (validation then judges the fields).
    const ok = await t.http().post('/api/fund/capital').set(admin()).set('Idempotency-Key', 'deep-32').send({ amount: '1', reference: 'x', extra: JSON.parse(`${'['.repeat(30)}${']'.repeat(30)}`) });
    expect(ok.body.errors).toEqual([expect.objectContaining({ field: 'extra' })]);
  });

  it('answers a NUL character in a body or a query with 400 naming the field, not a database error (500)', async () => {
    // Found by the OpenAPI fuzzer (issue 11): PostgreSQL cannot store U+0000, and the login username reached a query.
    const login = await t.http().post('/api/auth/login').send({ username: '\u0000', password: 'x' }).expect(400);
    expect(login.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(login.body.errors).toEqual([expect.objectContaining({ field: 'username', code: 'NUL_CHARACTER' })]);
    const query = await t.http().get('/api/borrowers?districtCode=35.26%00').set(admin()).expect(400);
    expect(query.body.errors).toEqual([expect.objectContaining({ field: 'query.districtCode', code: 'NUL_CHARACTER' })]);
  });

  it('answers an unknown route with 404 NOT_FOUND', async () => {
    const res = await t.http().get('/api/no-such-thing').set(admin()).expect(404);
    expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('refuses a JSON number for money, naming the field', async () => {
    const res = await t.http().post('/api/fund/capital').set(admin()).set('Idempotency-Key', 'k-number').send({ amount: 1000, reference: 'APBD' }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'amount', code: 'IS_MONEY' })]);
  });

  it.each([
    ['an exponent', '1e6'],
    ['three decimals', '100.001'],
    ['a negative', '-5'],
    ['zero', '0'],
    ['an empty string', ''],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
  ])('refuses %s as a positive amount', async (_label, amount) => {
    const res = await t.http().post('/api/fund/capital').set(admin()).set('Idempotency-Key', `k-${amount}`).send({ amount, reference: 'APBD' }).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['amount']);
  });

  it('refuses unknown fields and reports every bad field at once', async () => {
    const res = await t
      .http()
      .post('/api/fund/capital')
      .set(admin())
      .set('Idempotency-Key', 'k-many')
      .send({ amount: 'abc', valueDate: '2026-02-30', hacker: true })
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['amount', 'hacker', 'reference', 'valueDate']);
  });

  it('checks authentication before the body: no token and a bad body is 401', async () => {
    const res = await t.http().post('/api/fund/capital').send({ amount: 1 }).expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('answers a non-UUID programmeId with 400 and an unknown one with 404', async () => {
    const bad = await t.http().get('/api/fund').query({ programmeId: 'abc' }).set(admin()).expect(400);
    expect(bad.body.errors[0].field).toBe('programmeId');
    const unknown = await t.http().get('/api/fund').query({ programmeId: '00000000-0000-4000-8000-000000000000' }).set(admin()).expect(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
  });

  it('serves health with database and redis status, without a token', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body.info.database.status).toBe('up');
    expect(res.body.info.redis).toMatchObject({ status: 'up', workers: 0 });
  });

  it('serves the OpenAPI document with the foundation routes and the problem schema', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    const paths = Object.keys(res.body.paths);
    for (const p of ['/api/auth/login', '/api/users', '/api/users/me', '/api/programmes', '/api/fund/capital', '/api/fund', '/api/ledger/trial-balance', '/api/business-date', '/api/health'])
      expect(paths).toContain(p);
    expect(res.body.components.schemas.ProblemDetails).toBeDefined();
    const capital = res.body.paths['/api/fund/capital'].post;
    expect(capital.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
    expect(Object.keys(capital.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '422']));
  });

  it('tells every signed-in user the business date', async () => {
    const u = await t.userWithRoles(['loan_officer']);
    const res = await t.http().get('/api/business-date').set('Authorization', `Bearer ${u.token}`).expect(200);
    expect(res.body.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('health when the database is down (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 503 naming the database, and 200 again once it is back', async () => {
    const { DataSource } = await import('typeorm');
    const ds = t.app.get(DataSource);
    await ds.destroy();
    try {
      const res = await t.http().get('/api/health').expect(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(res.body.details.database.status).toBe('down');
    } finally {
      await ds.initialize();
    }
    await t.http().get('/api/health').expect(200);
  });
});
