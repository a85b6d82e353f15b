import { jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildOpenApiDocument } from '../../apps/api/src/openapi/openapi.js';
import { type RouteRule, routeTable } from '../reliability/fuzz/route-table.js';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { disbursedLoan } from '../support/approved-application.js';

// The authorization matrix, generated from the route table Nest registered: every route must carry an
// explicit rule (@Public, @Roles or @AnyRole) that matches EXPECTED below, so a new route without a rule,
// or with a rule nobody reviewed, fails here. Then every route is called by every role (and a second
// borrower, and nobody): the roles allowed get past the guard, every other one gets 403 FORBIDDEN.

const STAFF = 'admin approver finance loan_officer';
const EVERYONE = 'admin approver borrower finance loan_officer';

/** The reviewed access rule of every route: 'public' or the roles allowed, sorted, space-separated. */
const EXPECTED: Record<string, string> = {
  'ALL /api/admin/queues': 'admin',
  'ALL /api/admin/queues/*path': 'admin',
  'DELETE /api/admin/queue-board/session': 'admin',
  'DELETE /api/holidays/:id': 'admin',
  'GET /api/applications': STAFF,
  'GET /api/applications/:id': STAFF,
  'GET /api/applications/pipeline': STAFF,
  'GET /api/bank-statements': 'admin finance',
  'GET /api/bank-statements/:id': 'admin finance',
  'GET /api/bank-statements/:id/lines': 'admin finance',
  'GET /api/borrowers': STAFF,
  'GET /api/borrowers/:id': EVERYONE,
  'GET /api/borrowers/:id/documents': STAFF,
  'GET /api/borrowers/:id/documents/:documentId/content': STAFF,
  'GET /api/borrowers/:id/export': 'admin',
  'GET /api/borrowers/:id/nik': 'admin loan_officer',
  'GET /api/borrowers/:id/notification-preferences': 'admin borrower loan_officer',
  'GET /api/business-date': EVERYONE,
  'GET /api/close-of-day/runs': STAFF,
  'GET /api/close-of-day/runs/:id': STAFF,
  'GET /api/disbursement-batches': 'admin finance',
  'GET /api/disbursement-batches/:id': 'admin finance',
  'GET /api/disbursement-batches/:id/file': 'finance',
  'GET /api/disbursements': 'admin finance',
  'GET /api/disbursements/:id': 'admin finance',
  'GET /api/fund': 'admin approver finance',
  'GET /api/health': 'public',
  'GET /api/holidays': EVERYONE,
  'GET /api/ledger/trial-balance': 'admin approver finance',
  'GET /api/loans': STAFF,
  'GET /api/loans/:id': STAFF,
  'GET /api/loans/:id/notifications': STAFF,
  'GET /api/loans/:id/recoveries': STAFF,
  'GET /api/loans/:id/schedule': STAFF,
  'GET /api/loans/:id/transactions': STAFF,
  'GET /api/loans/:id/write-off': STAFF,
  'GET /api/me/loans': 'borrower',
  'GET /api/me/loans/:id/payments': 'borrower',
  'GET /api/me/loans/:id/reminders': 'borrower',
  'GET /api/me/loans/:id/schedule': 'borrower',
  'GET /api/products': STAFF,
  'GET /api/products/:id': STAFF,
  'GET /api/programmes': STAFF,
  'GET /api/regions': EVERYONE,
  'GET /api/reports/overdue': STAFF,
  'GET /api/reports/portfolio': STAFF,
  'GET /api/reports/portfolio/trend': STAFF,
  'GET /api/reversals': 'admin finance',
  'GET /api/scorecards': STAFF,
  'GET /api/scorecards/:id': STAFF,
  'GET /api/users': 'admin',
  'GET /api/users/me': EVERYONE,
  'PATCH /api/borrowers/:id': 'admin loan_officer',
  'PATCH /api/products/:id': 'admin',
  'POST /api/admin/queue-board/session': 'admin',
  'POST /api/applications': 'loan_officer',
  'POST /api/applications/:id/decisions': 'approver',
  'POST /api/applications/:id/score': 'loan_officer',
  'POST /api/applications/:id/withdraw': 'loan_officer',
  'POST /api/auth/login': 'public',
  'POST /api/bank-statements': 'finance',
  'POST /api/bank-statements/lines/:lineId/assign': 'finance',
  'POST /api/bank-statements/lines/:lineId/return': 'finance',
  'POST /api/borrowers': 'loan_officer',
  'POST /api/borrowers/:id/anonymisation': 'admin',
  'POST /api/borrowers/:id/documents': 'admin loan_officer',
  'POST /api/borrowers/nik-check': 'admin loan_officer',
  'POST /api/close-of-day/runs': 'admin',
  'POST /api/disbursement-batches': 'finance',
  'POST /api/disbursement-batches/:id/sent': 'finance',
  'POST /api/disbursements': 'finance',
  'POST /api/disbursements/:id/cancel': 'finance',
  'POST /api/disbursements/:id/confirm': 'finance',
  'POST /api/fund/capital': 'admin',
  'POST /api/holidays': 'admin',
  'POST /api/loans/:id/recoveries': 'finance',
  'POST /api/loans/:id/refunds': 'finance',
  'POST /api/loans/:id/repayments': 'finance',
  'POST /api/loans/:id/reschedule': 'approver',
  'POST /api/loans/:id/transactions/:txId/reversal': 'finance',
  'POST /api/loans/:id/transactions/:txId/reversal/approve': 'finance',
  'POST /api/loans/:id/transactions/:txId/reversal/reject': 'finance',
  'POST /api/loans/:id/write-off': 'approver',
  'POST /api/loans/moratorium': 'approver',
  'POST /api/products': 'admin',
  'POST /api/products/:id/schedule-preview': STAFF,
  'POST /api/programmes': 'admin',
  'POST /api/scorecards': 'admin',
  'POST /api/users': 'admin',
  'PUT /api/borrowers/:id/notification-preferences': 'admin borrower loan_officer',
};

/** Routes kept out of the OpenAPI document on purpose (the queue dashboard serves its own pages). */
const UNDOCUMENTED = new Set(['ALL /api/admin/queues', 'ALL /api/admin/queues/*path']);

/** Express routes that are not Nest handlers: the OpenAPI UI and documents (public by design). */
const isDocsRoute = (path: string) => path === '/api/docs-json' || path === '/api/docs-yaml' || path.startsWith('/api/docs');

const ruleText = (r: RouteRule) => (Array.isArray(r.rule) ? r.rule.join(' ') : r.rule);

/** A concrete URL for a route: every path parameter a fresh UUID (so nothing is found), a wildcard one segment. */
const concrete = (path: string, ids: Record<string, string> = {}) =>
  path.replace(/\*(\w+)/g, 'x').replace(/:(\w+)/g, (_, name: string) => ids[name] ?? randomUUID());

jest.setTimeout(120_000);

describe('authorization matrix (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let table: RouteRule[];
  /** One signed-in principal per role, and a second borrower. */
  const principals: Record<string, { token: string; roles: string[] }> = {};
  let loanA: { loanId: string; borrowerId: string };
  let loanB: { loanId: string; borrowerId: string };

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const call = (method: string, url: string, token?: string) => {
    const verb = method === 'ALL' ? 'get' : (method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete');
    // A route that never answers is a finding too: it shows as status 0 instead of hanging the suite.
    let req = t.http()[verb](url).timeout(10_000);
    if (token) req = req.set(auth(token));
    return (verb === 'get' || verb === 'delete' ? req : req.send({})).catch((err: { timeout?: number }) => {
      if (!err.timeout) throw err;
      return { status: 0, body: { code: 'NO_ANSWER' }, headers: {} };
    });
  };

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    table = routeTable(t.app);
    const officer = await t.userWithRoles(['loan_officer']);
    const finance = await t.userWithRoles(['finance']);
    principals.admin = { token: t.adminToken, roles: ['admin'] };
    principals.loan_officer = { token: officer.token, roles: ['loan_officer'] };
    principals.finance = { token: finance.token, roles: ['finance'] };
    principals.approver = { token: (await t.userWithRoles(['approver'])).token, roles: ['approver'] };

    const programmeId = await buildProgramme(ds, 'AUTHZ-UMKM');
    const productId = await buildProduct(ds, { programmeId });
    await ds.query(`UPDATE business_date SET date = '2026-01-15' WHERE id = 1`);
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', 'authz-cap').send({ programmeId, amount: '100000000', reference: 'SP2D' }).expect(201);
    const book = () => disbursedLoan(t, { officerToken: officer.token, financeToken: finance.token, productId, amount: '1000000', tenor: 3, valueDate: '2026-01-15' });
    loanA = await book();
    loanB = await book();
    principals.borrower = { token: (await t.userWithRoles(['borrower'], { borrowerId: loanA.borrowerId })).token, roles: ['borrower'] };
    principals.borrower2 = { token: (await t.userWithRoles(['borrower'], { borrowerId: loanB.borrowerId })).token, roles: ['borrower'] };
  });
  afterAll(async () => {
    await t?.close();
  });

  it('every route Nest registered has an explicit rule, and it is the reviewed one', () => {
    const unruled = table.filter((r) => r.rule === 'unruled').map((r) => r.key);
    expect(unruled).toEqual([]);
    const actual = Object.fromEntries(table.map((r) => [r.key, ruleText(r)]));
    // A route missing from EXPECTED, or EXPECTED naming a route that is gone, or a changed rule: all show here.
    expect(actual).toEqual(EXPECTED);
  });

  it('the HTTP server answers no route that is not in the table (nothing registered behind Nest)', () => {
    const server = t.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
    const known = new Set(table.map((r) => r.path));
    const stray = server.router.stack
      .flatMap((layer) => (layer.route ? [layer.route.path] : []))
      .filter((path) => !isDocsRoute(path) && path !== '/api{/*splat}' && !known.has(path));
    expect(stray).toEqual([]);
  });

  it('the OpenAPI document describes exactly the routes of the table (bar the queue dashboard)', () => {
    const doc = buildOpenApiDocument(t.app);
    const documented = Object.entries(doc.paths)
      .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
      .sort();
    const expected = table.map((r) => r.key).filter((k) => !UNDOCUMENTED.has(k) && !isDocsRoute(k.split(' ')[1]));
    expect(documented).toEqual(expected.sort());
  });

  it('nobody: every route but the public ones is 401 UNAUTHENTICATED without a token', async () => {
    const wrong: string[] = [];
    for (const r of table) {
      const res = await call(r.method, concrete(r.path));
      if (r.rule === 'public') {
        if (res.status === 401 || res.status === 403) wrong.push(`${r.key}: ${res.status}`);
      } else if (res.status !== 401 || res.body.code !== 'UNAUTHENTICATED') wrong.push(`${r.key}: ${res.status} ${res.body.code}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(['admin', 'approver', 'loan_officer', 'finance', 'borrower', 'borrower2'])(
    '%s: allowed routes pass the guard, every other route is 403 FORBIDDEN, none is a 5xx',
    async (who) => {
      const p = principals[who];
      const wrong: string[] = [];
      let allowedCount = 0;
      for (const r of table) {
        if (r.rule === 'public') continue;
        const allowed = Array.isArray(r.rule) && r.rule.some((role) => p.roles.includes(role));
        const res = await call(r.method, concrete(r.path), p.token);
        if (res.status >= 500 || res.status === 0) wrong.push(`${r.key}: ${res.status} ${res.body.code}`);
        else if (allowed) {
          allowedCount++;
          if (res.status === 401 || (res.status === 403 && res.body.code === 'FORBIDDEN')) wrong.push(`${r.key}: allowed but ${res.status} ${res.body.code}`);
        } else if (res.status !== 403 || res.body.code !== 'FORBIDDEN') wrong.push(`${r.key}: not allowed but ${res.status} ${res.body.code}`);
      }
      expect(wrong).toEqual([]);
      expect(allowedCount).toBeGreaterThan(0);
    },
  );

  // Borrower isolation (IDOR). Every route a borrower may call that takes an id must have a case here: the
  // owner gets it, the other borrower gets 404 NOT_FOUND (api.md: another borrower's id answers 404, so an
  // id's existence leaks nothing either).
  const IDOR_CASES: Record<string, { owner: () => Record<string, string>; method?: 'get' | 'put'; body?: Record<string, unknown> }> = {
    'GET /api/borrowers/:id': { owner: () => ({ id: loanA.borrowerId }) },
    'GET /api/borrowers/:id/notification-preferences': { owner: () => ({ id: loanA.borrowerId }) },
    'PUT /api/borrowers/:id/notification-preferences': { owner: () => ({ id: loanA.borrowerId }), method: 'put', body: { optOut: [] } },
    'GET /api/me/loans/:id/schedule': { owner: () => ({ id: loanA.loanId }) },
    'GET /api/me/loans/:id/payments': { owner: () => ({ id: loanA.loanId }) },
    'GET /api/me/loans/:id/reminders': { owner: () => ({ id: loanA.loanId }) },
  };

  it('every route a borrower may call with an id has an isolation case', () => {
    const borrowerRoutesWithIds = table
      .filter((r) => Array.isArray(r.rule) && r.rule.includes('borrower') && r.path.includes(':'))
      .map((r) => r.key)
      .sort();
    expect(borrowerRoutesWithIds).toEqual(Object.keys(IDOR_CASES).sort());
  });

  it.each(Object.keys(IDOR_CASES))('%s: the owner is served, the other borrower gets 404 and nothing of it', async (key) => {
    const c = IDOR_CASES[key];
    const path = key.split(' ')[1];
    const url = concrete(path, c.owner());
    const send = (token: string) => {
      const req = t.http()[c.method ?? 'get'](url).set(auth(token));
      return c.body ? req.send(c.body) : req;
    };
    const owner = await send(principals.borrower.token);
    expect(owner.status).toBe(200);
    const intruder = await send(principals.borrower2.token);
    expect(intruder.status).toBe(404);
    expect(intruder.body.code).toBe('NOT_FOUND');
    expect(intruder.headers['content-type']).toMatch(/application\/problem\+json/);
    // The answer is the one an id that does not exist gets: nothing of the record, not even that it exists.
    const unknown = await t.http()[c.method ?? 'get'](concrete(path)).set(auth(principals.borrower2.token)).send(c.body ?? {});
    const shape = (b: Record<string, unknown>) => ({ ...b, detail: undefined, requestId: undefined, instance: undefined });
    expect(shape(intruder.body)).toEqual(shape(unknown.body));
  });

  it("a borrower's own lists show only their own loans", async () => {
    const mine = await t.http().get('/api/me/loans').set(auth(principals.borrower.token)).expect(200);
    expect(mine.body.items.map((l: { id: string }) => l.id)).toEqual([loanA.loanId]);
    const theirs = await t.http().get('/api/me/loans').set(auth(principals.borrower2.token)).expect(200);
    expect(theirs.body.items.map((l: { id: string }) => l.id)).toEqual([loanB.loanId]);
  });

  it("a borrower's PUT on another borrower's preferences changes nothing", async () => {
    const before = await ds.query(`SELECT count(*)::int AS n FROM notification_preference WHERE borrower_id = $1`, [loanB.borrowerId]);
    await t.http().put(`/api/borrowers/${loanB.borrowerId}/notification-preferences`).set(auth(principals.borrower.token)).send({ optOut: ['SMS'] }).expect(404);
    await expect(ds.query(`SELECT count(*)::int AS n FROM notification_preference WHERE borrower_id = $1`, [loanB.borrowerId])).resolves.toEqual(before);
  });
});
