// The queue dashboard in a browser (issue 8): the page's own asset and API requests carry no bearer header,
// so an admin's browser gets a short-lived, HttpOnly, SameSite=Strict cookie scoped to /api/admin/queues that
// is good there and nowhere else, and a bearer token is never good as that cookie.
import { JwtService } from '@nestjs/jwt';
import { createTestApp, type TestApp } from '../support/app.js';

const COOKIE = 'lumbung_queue_board';

describe('queue dashboard session cookie (e2e)', () => {
  let t: TestApp;
  let finance: { token: string };
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** The Set-Cookie header of an admin opening the dashboard, and the cookie's value. */
  const open = async () => {
    const res = await t.http().post('/api/admin/queue-board/session').set(auth(t.adminToken)).expect(201);
    const header = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${COOKIE}=`));
    expect(header).toBeDefined();
    return { body: res.body as { url: string; expiresAt: string }, header: header!, value: header!.split(';')[0].slice(COOKIE.length + 1) };
  };

  beforeAll(async () => {
    t = await createTestApp();
    finance = await t.userWithRoles(['finance']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives an admin an HttpOnly, SameSite=Strict cookie scoped to the dashboard, lasting QUEUE_BOARD_SESSION_SECONDS', async () => {
    const before = Date.now();
    const { body, header } = await open();
    expect(body.url).toBe('/api/admin/queues');
    const expiresIn = Date.parse(body.expiresAt) - before;
    expect(expiresIn).toBeGreaterThan(899_000);
    expect(expiresIn).toBeLessThan(905_000);
    expect(header).toMatch(/; Path=\/api\/admin\/queues(;|$)/);
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; SameSite=Strict/);
    expect(header).toMatch(/; Max-Age=900(;|$)/);
  });

  it('opens the page and the dashboard api with the cookie alone', async () => {
    const { value } = await open();
    const page = await t.http().get('/api/admin/queues').set('Cookie', `${COOKIE}=${value}`).expect(200);
    expect(page.text).toContain('<html');
    const api = await t.http().get('/api/admin/queues/api/queues').set('Cookie', `${COOKIE}=${value}`).expect(200);
    expect(api.body.queues.map((q: { name: string }) => q.name)).toEqual(expect.arrayContaining(['reminders', 'close-of-day']));
  });

  it('is refused everywhere else, as a cookie and as a bearer token', async () => {
    const { value } = await open();
    await t.http().get('/api/users').set('Cookie', `${COOKIE}=${value}`).expect(401);
    await t.http().get('/api/users').set(auth(value)).expect(401);
    await t.http().get('/api/admin/queues').set(auth(value)).expect(401);
  });

  it('does not take a bearer token, a forged token or an expired session as the cookie', async () => {
    await t.http().get('/api/admin/queues').set('Cookie', `${COOKIE}=${t.adminToken}`).expect(401);
    const { value } = await open();
    const [head, payload] = value.split('.');
    await t.http().get('/api/admin/queues').set('Cookie', `${COOKIE}=${head}.${payload}.forged`).expect(401);
    const jwt = t.app.get(JwtService);
    const claims = jwt.decode<{ sub: string; username: string; roles: string[] }>(value);
    const expired = await jwt.signAsync({ sub: claims.sub, username: claims.username, roles: claims.roles, exp: Math.floor(Date.now() / 1000) - 1 }, { audience: 'queue-board' });
    const res = await t.http().get('/api/admin/queues/api/queues').set('Cookie', `${COOKIE}=${expired}`).expect(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('is only for admins, and is ended by DELETE', async () => {
    await t.http().post('/api/admin/queue-board/session').expect(401);
    await t.http().post('/api/admin/queue-board/session').set(auth(finance.token)).expect(403);
    const res = await t.http().delete('/api/admin/queue-board/session').set(auth(t.adminToken)).expect(204);
    const cleared = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${COOKIE}=`));
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
  });
});
