import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { insertBorrower } from '../support/fixtures.js';
import { createTestApp, TEST_ADMIN, type TestApp } from '../support/app.js';

describe('auth and users (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs the admin in with a bearer token and the user', async () => {
    const res = await t.http().post('/api/auth/login').send(TEST_ADMIN).expect(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600, user: { username: 'admin', roles: ['admin'] } });
    expect(res.body.accessToken.split('.')).toHaveLength(3);
    expect(res.body.user).not.toHaveProperty('passwordHash');
  });

  it('refuses a wrong password and an unknown user alike with 401 INVALID_CREDENTIALS', async () => {
    for (const body of [{ username: 'admin', password: 'wrong-password' }, { username: 'nobody', password: 'whatever1' }]) {
      const res = await t.http().post('/api/auth/login').send(body).expect(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
      expect(res.body.requestId).toEqual(expect.any(String));
    }
  });

  it('answers 401 UNAUTHENTICATED without a token or with a bad one', async () => {
    const none = await t.http().get('/api/users/me').expect(401);
    expect(none.body.code).toBe('UNAUTHENTICATED');
    const bad = await t.http().get('/api/users/me').set('Authorization', 'Bearer not.a.token').expect(401);
    expect(bad.body.code).toBe('UNAUTHENTICATED');
  });

  it('creates a user for each role, each of whom can sign in and read /users/me', async () => {
    for (const role of ['admin', 'loan_officer', 'approver', 'finance']) {
      const u = await t.userWithRoles([role]);
      const me = await t.http().get('/api/users/me').set('Authorization', `Bearer ${u.token}`).expect(200);
      expect(me.body).toMatchObject({ id: u.id, username: u.username, roles: [role] });
    }
    const borrower = await t.userWithRoles(['borrower'], { borrowerId: await insertBorrower(t.app.get(DataSource)) });
    const me = await t.http().get('/api/users/me').set('Authorization', `Bearer ${borrower.token}`).expect(200);
    expect(me.body.roles).toEqual(['borrower']);
  });

  it("refuses a borrower's token on /api/users with 403 FORBIDDEN, before looking at the body", async () => {
    const borrower = await t.userWithRoles(['borrower'], { borrowerId: await insertBorrower(t.app.get(DataSource)) });
    const list = await t.http().get('/api/users').set('Authorization', `Bearer ${borrower.token}`).expect(403);
    expect(list.body.code).toBe('FORBIDDEN');
    const create = await t.http().post('/api/users').set('Authorization', `Bearer ${borrower.token}`).send({ nonsense: 1 }).expect(403);
    expect(create.body.code).toBe('FORBIDDEN');
  });

  it('refuses a duplicate username with 409 USERNAME_TAKEN and a borrower user without borrowerId with 400', async () => {
    const u = await t.userWithRoles(['finance']);
    const dup = await t
      .http()
      .post('/api/users')
      .set('Authorization', `Bearer ${t.adminToken}`)
      .send({ username: u.username, password: 'another-password', fullName: 'Dup', roles: ['finance'] })
      .expect(409);
    expect(dup.body.code).toBe('USERNAME_TAKEN');
    const noBorrower = await t
      .http()
      .post('/api/users')
      .set('Authorization', `Bearer ${t.adminToken}`)
      .send({ username: 'peminjam1', password: 'password-1', fullName: 'Peminjam', roles: ['borrower'] })
      .expect(400);
    expect(noBorrower.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'borrowerId' }] });
    const unknownBorrower = await t
      .http()
      .post('/api/users')
      .set('Authorization', `Bearer ${t.adminToken}`)
      .send({ username: 'peminjam2', password: 'password-1', fullName: 'Peminjam', roles: ['borrower'], borrowerId: randomUUID() })
      .expect(422);
    expect(unknownBorrower.body.code).toBe('BORROWER_NOT_FOUND');
  });

  it('names every bad field of a user in one 400', async () => {
    const res = await t
      .http()
      .post('/api/users')
      .set('Authorization', `Bearer ${t.adminToken}`)
      .send({ username: 'X', password: 'short', roles: ['wizard'], extra: true })
      .expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['extra', 'fullName', 'password', 'roles', 'username']));
  });

  it('pages through users with limit and cursor, in username order, without repeats', async () => {
    for (let i = 0; i < 3; i++) await t.userWithRoles(['loan_officer']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { username: string }[]; nextCursor: string | null } } = await t
        .http()
        .get('/api/users')
        .query(cursor ? { limit: 2, cursor } : { limit: 2 })
        .set('Authorization', `Bearer ${t.adminToken}`)
        .expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((u: { username: string }) => u.username));
      cursor = res.body.nextCursor;
    } while (cursor);
    const total = await t.http().get('/api/users').query({ limit: 500 }).set('Authorization', `Bearer ${t.adminToken}`).expect(200);
    expect(seen).toEqual(total.body.items.map((u: { username: string }) => u.username));
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
    const bad = await t.http().get('/api/users').query({ limit: 501 }).set('Authorization', `Bearer ${t.adminToken}`).expect(400);
    expect(bad.body.errors[0].field).toBe('limit');
  });

  it('writes an audit row for each user it creates', async () => {
    const u = await t.userWithRoles(['approver']);
    const { DataSource } = await import('typeorm');
    const ds = t.app.get(DataSource);
    const audit = await ds.query(`SELECT action, actor_id, after FROM audit_log WHERE entity_type = 'user' AND entity_id = $1`, [u.id]);
    expect(audit).toHaveLength(1);
    expect(audit[0].action).toBe('USER_CREATED');
    expect(audit[0].actor_id).toEqual(expect.any(String));
    expect(audit[0].after.username).toBe(u.username);
  });
});

describe('login throttling (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_THROTTLE_LIMIT: '3' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('turns rapid repeated failures into 429 TOO_MANY_REQUESTS', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.http().post('/api/auth/login').send({ username: 'target', password: `guess-${i}` });
      statuses.push(res.status);
      if (res.status === 429) expect(res.body.code).toBe('TOO_MANY_REQUESTS');
    }
    expect(statuses.slice(0, 2)).toEqual([401, 401]);
    expect(statuses.at(-1)).toBe(429);
  });
});
