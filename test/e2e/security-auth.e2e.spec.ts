import { createHmac } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '#platform';
import { createTestApp, TEST_ADMIN, type TestApp } from '../support/app.js';

// Attacks on the bearer token (tampered payload or signature, `alg: none`, another key, expiry, a scoped
// session token used as a bearer), what login throttling does beyond counting, and the security headers.

const b64url = (v: string | Buffer) => Buffer.from(v).toString('base64url');
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

/** A compact JWS signed with HS256 (or any header) over `payload` with `secret`. */
function sign(header: Record<string, unknown>, payload: Record<string, unknown>, secret: string): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

describe('bearer tokens resist tampering (e2e)', () => {
  let t: TestApp;
  let secret: string;
  let borrowerToken: string;
  let claims: Record<string, unknown>;
  const now = () => Math.floor(Date.now() / 1000);
  const usersList = (token: string) => t.http().get('/api/users').set('Authorization', `Bearer ${token}`);
  const me = (token: string) => t.http().get('/api/users/me').set('Authorization', `Bearer ${token}`);
  const expect401 = async (token: string) => {
    const res = await me(token);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  };

  beforeAll(async () => {
    t = await createTestApp();
    secret = t.app.get<AppConfig>(APP_CONFIG).JWT_SECRET;
    const officer = await t.userWithRoles(['loan_officer']);
    borrowerToken = officer.token;
    claims = decode(borrowerToken.split('.')[1]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the genuine token works, and a hand-made one with the server key is accepted (the harness is sound)', async () => {
    await me(borrowerToken).expect(200);
    await me(sign({ alg: 'HS256', typ: 'JWT' }, claims, secret)).expect(200);
  });

  it('a payload edited to claim admin, the signature kept, is 401', async () => {
    const [h, , s] = borrowerToken.split('.');
    await expect401(`${h}.${b64url(JSON.stringify({ ...claims, roles: ['admin'] }))}.${s}`);
  });

  it('a payload naming another user (the admin), the signature kept, is 401', async () => {
    const adminSub = decode(t.adminToken.split('.')[1]).sub;
    const [h, , s] = borrowerToken.split('.');
    await expect401(`${h}.${b64url(JSON.stringify({ ...claims, sub: adminSub }))}.${s}`);
  });

  it('a flipped signature byte, a missing signature and a truncated signature are 401', async () => {
    const [h, p, s] = borrowerToken.split('.');
    const flipped = Buffer.from(s, 'base64url');
    flipped[0] ^= 0x01;
    await expect401(`${h}.${p}.${flipped.toString('base64url')}`);
    await expect401(`${h}.${p}.`);
    await expect401(`${h}.${p}.${s.slice(0, 10)}`);
  });

  it('`alg: none` (any spelling) is 401, with or without a signature', async () => {
    for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
      const unsigned = `${b64url(JSON.stringify({ alg, typ: 'JWT' }))}.${b64url(JSON.stringify({ ...claims, roles: ['admin'] }))}`;
      await expect401(`${unsigned}.`);
      await expect401(unsigned);
    }
  });

  it('HS384/HS512 with the right key, and HS256 with another key, are 401 (only HS256 with the server key)', async () => {
    const input = (alg: string) => `${b64url(JSON.stringify({ alg, typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}`;
    await expect401(`${input('HS512')}.${createHmac('sha512', secret).update(input('HS512')).digest('base64url')}`);
    await expect401(`${input('HS384')}.${createHmac('sha384', secret).update(input('HS384')).digest('base64url')}`);
    await expect401(sign({ alg: 'HS256', typ: 'JWT' }, claims, `${secret}-not`));
  });

  it('an expired token is 401; a token not yet valid (nbf in the future) is 401', async () => {
    await expect401(sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now() - 7200, exp: now() - 60 }, secret));
    await expect401(sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now(), nbf: now() + 3600, exp: now() + 7200 }, secret));
  });

  it('a token carrying an audience (a scoped session, e.g. the queue dashboard cookie) is refused as a bearer token', async () => {
    await expect401(sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, aud: 'lumbung:queue-board' }, secret));
  });

  it('roles come from the database, not the token: a validly signed token claiming admin for an officer is 403', async () => {
    const forged = sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, roles: ['admin'] }, secret);
    const res = await usersList(forged);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('a token for a user that does not exist, and garbage tokens, are 401 with no internals', async () => {
    await expect401(sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, sub: '00000000-0000-4000-8000-000000000000' }, secret));
    await expect401(sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, sub: "x' OR '1'='1" }, secret));
    for (const junk of ['a.b.c', '...', 'eyJ', '\u00e9\u00e9.\u00e9.\u00e9', 'x'.repeat(8000)]) {
      const res = await me(junk);
      expect(res.status).toBe(401);
      expect(JSON.stringify(res.body)).not.toMatch(/JsonWebTokenError|SyntaxError|at .*\.js|node_modules|invalid signature/i);
    }
  });

  it('Basic or a lower-case scheme with junk is 401; the token in a query string is not accepted', async () => {
    await t.http().get('/api/users/me').set('Authorization', `Basic ${b64url('admin:x')}`).expect(401);
    await t.http().get('/api/users/me').query({ access_token: borrowerToken }).expect(401);
    await t.http().get('/api/users/me').set('Authorization', `bearer ${borrowerToken}`).expect(200);
  });
});

describe('login throttling, beyond counting failures (e2e)', () => {
  let t: TestApp;
  const login = (username: string, password: string) => t.http().post('/api/auth/login').send({ username, password });
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_THROTTLE_LIMIT: '3', LOGIN_THROTTLE_TTL_SECONDS: '60' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('once throttled, even the right password is 429 with Retry-After (a guess cannot be confirmed)', async () => {
    const victim = await t.userWithRoles(['finance']);
    for (let i = 0; i < 3; i++) await login(victim.username, `wrong-${i}`).expect(401);
    const res = await login(victim.username, 'password-for-tests');
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('TOO_MANY_REQUESTS');
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('upper case and padding of the username do not open a fresh count', async () => {
    const victim = await t.userWithRoles(['finance']);
    await login(victim.username, 'wrong-1').expect(401);
    await login(victim.username.toUpperCase(), 'wrong-2').expect(401);
    await login(`  ${victim.username} `, 'wrong-3').expect(401);
    await login(victim.username, 'wrong-4').expect(429);
  });

  it('throttling one username does not lock out another user from the same address', async () => {
    const victim = await t.userWithRoles(['finance']);
    for (let i = 0; i < 4; i++) await login(victim.username, `wrong-${i}`);
    await login(victim.username, 'password-for-tests').expect(429);
    await login(TEST_ADMIN.username, TEST_ADMIN.password).expect(200);
  });

  it('a successful sign-in clears the count, so a user who mistypes twice is not locked out later', async () => {
    const clerk = await t.userWithRoles(['finance']);
    await login(clerk.username, 'typo-1').expect(401);
    await login(clerk.username, 'typo-2').expect(401);
    await login(clerk.username, 'password-for-tests').expect(200);
    await login(clerk.username, 'typo-3').expect(401);
    await login(clerk.username, 'typo-4').expect(401);
    await login(clerk.username, 'password-for-tests').expect(200);
  });

  it('unknown usernames are throttled too (no free enumeration), with the same answer as a wrong password', async () => {
    const ghost = `ghost-${Date.now()}`;
    const first = await login(ghost, 'x').expect(401);
    expect(first.body.code).toBe('INVALID_CREDENTIALS');
    await login(ghost, 'y').expect(401);
    await login(ghost, 'z').expect(401);
    await login(ghost, 'w').expect(429);
  });
});

describe('security headers (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  const expectHardened = (headers: Record<string, string>) => {
    expect(headers['x-powered-by']).toBeUndefined();
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(headers['x-dns-prefetch-control']).toBe('off');
    expect(headers['x-permitted-cross-domain-policies']).toBe('none');
  };

  it('on answers, errors, the login and the health check', async () => {
    expectHardened((await t.http().get('/api/users/me').set('Authorization', `Bearer ${t.adminToken}`).expect(200)).headers);
    expectHardened((await t.http().get('/api/users/me').expect(401)).headers);
    expectHardened((await t.http().get('/api/no-such-route').set('Authorization', `Bearer ${t.adminToken}`)).headers);
    expectHardened((await t.http().post('/api/auth/login').send({ username: 'x', password: 'y' })).headers);
    expectHardened((await t.http().post('/api/auth/login').set('content-type', 'application/json').send('{"broken')).headers);
  });

  it('a foreign origin gets no CORS grant (same origin only by default)', async () => {
    const res = await t.http().get('/api/users/me').set('Origin', 'https://evil.example').set('Authorization', `Bearer ${t.adminToken}`);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.http().options('/api/users').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('every answer carries a request id, and an error names it', async () => {
    const res = await t.http().get('/api/users/me').expect(401);
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });
});
