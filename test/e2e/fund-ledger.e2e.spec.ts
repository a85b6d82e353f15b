import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../support/app.js';

describe('fund capital, idempotency and the trial balance (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  const admin = () => ({ Authorization: `Bearer ${t.adminToken}` });
  const capital = (key: string, body: Record<string, unknown>) => t.http().post('/api/fund/capital').set(admin()).set('Idempotency-Key', key).send(body);
  const entriesWithReference = async (reference: string): Promise<number> =>
    (await ds.query(`SELECT count(*)::int AS n FROM journal_entry WHERE reference = $1`, [reference]))[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
  });

  it('posts capital once for one key: the replay returns the first answer with Idempotent-Replayed', async () => {
    const body = { amount: '500000000', reference: 'SP2D-001' };
    const first = await capital('cap-1', body).expect(201);
    expect(first.body).toMatchObject({ amount: '500000000.00', reference: 'SP2D-001', valueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const replay = await capital('cap-1', body).expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(await entriesWithReference('SP2D-001')).toBe(1);
  });

  it('treats the same body with keys in another order as the same request', async () => {
    await capital('cap-order', { amount: '1000', reference: 'SP2D-ORDER' }).expect(201);
    const again = await capital('cap-order', { reference: 'SP2D-ORDER', amount: '1000' }).expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses the same key with another body: 409 IDEMPOTENCY_KEY_REUSED, nothing posted', async () => {
    await capital('cap-2', { amount: '1000000', reference: 'SP2D-002' }).expect(201);
    const res = await capital('cap-2', { amount: '2000000', reference: 'SP2D-002' }).expect(409);
    expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await entriesWithReference('SP2D-002')).toBe(1);
  });

  it('requires the key (400 IDEMPOTENCY_KEY_REQUIRED) and limits it to 255 characters (400 IDEMPOTENCY_KEY_INVALID)', async () => {
    const missing = await t.http().post('/api/fund/capital').set(admin()).send({ amount: '1000', reference: 'NOKEY' }).expect(400);
    expect(missing.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const long = await capital('k'.repeat(256), { amount: '1000', reference: 'LONGKEY' }).expect(400);
    expect(long.body.code).toBe('IDEMPOTENCY_KEY_INVALID');
    await capital('k'.repeat(255), { amount: '1000', reference: 'KEY255' }).expect(201);
    expect(await entriesWithReference('NOKEY')).toBe(0);
  });

  it('executes concurrent requests with one key exactly once', async () => {
    const body = { amount: '750000', reference: 'SP2D-RACE' };
    const answers = await Promise.all(Array.from({ length: 12 }, () => capital('cap-race', body)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const executed = answers.filter((a) => a.status === 201 && a.headers['idempotent-replayed'] === undefined);
    expect(executed).toHaveLength(1);
    for (const a of answers.filter((x) => x.status === 409)) expect(a.body.code).toBe('IDEMPOTENCY_KEY_IN_PROGRESS');
    expect(await entriesWithReference('SP2D-RACE')).toBe(1);
  });

  it('refuses a value date after the business date with 422 VALUE_DATE_IN_FUTURE and stores no key', async () => {
    const { date } = (await t.http().get('/api/business-date').set(admin()).expect(200)).body;
    const next = new Date(`${date}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    const tomorrow = next.toISOString().slice(0, 10);
    const res = await capital('cap-future', { amount: '1000', reference: 'FUTURE', valueDate: tomorrow }).expect(422);
    expect(res.body.code).toBe('VALUE_DATE_IN_FUTURE');
    // The key was not stored with the refusal: a corrected request under it succeeds.
    await capital('cap-future', { amount: '1000', reference: 'FUTURE', valueDate: date }).expect(201);
  });

  it('keeps the trial balance balanced, with cash and capital equal to what was put in', async () => {
    const res = await t.http().get('/api/ledger/trial-balance').set(admin()).expect(200);
    expect(res.body.totalDebit).toBe(res.body.totalCredit);
    const byCode = Object.fromEntries(res.body.accounts.map((a: { code: string }) => [a.code, a]));
    expect(Object.keys(byCode).sort()).toEqual(['1100', '1200', '1210', '1900', '2100', '3100', '4100', '5100']);
    const [{ total }] = await ds.query(`SELECT sum(debit)::numeric(18,2)::text AS total FROM journal_line WHERE account_code = '1100'`);
    expect(byCode['1100'].balance).toBe(total);
    expect(byCode['3100'].balance).toBe(total);
    const fund = await t.http().get('/api/fund').set(admin()).expect(200);
    expect(fund.body).toMatchObject({ cash: total, capital: total, loansReceivable: '0.00' });
  });

  it('reads the trial balance as of a past date', async () => {
    const res = await t.http().get('/api/ledger/trial-balance').query({ asOf: '2000-01-01' }).set(admin()).expect(200);
    expect(res.body).toMatchObject({ asOf: '2000-01-01', totalDebit: '0.00', totalCredit: '0.00' });
  });

  it('keeps programmes apart: capital of a new programme shows only in its own ledger', async () => {
    const created = await t.http().post('/api/programmes').set(admin()).send({ code: 'BKL-KOP', name: 'Dana Koperasi' }).expect(201);
    const dup = await t.http().post('/api/programmes').set(admin()).send({ code: 'BKL-KOP', name: 'Again' }).expect(409);
    expect(dup.body.code).toBe('PROGRAMME_CODE_TAKEN');
    const programmeId = created.body.id as string;
    const before = (await t.http().get('/api/ledger/trial-balance').set(admin()).expect(200)).body.totalDebit;
    await capital('cap-kop', { programmeId, amount: '123456.78', reference: 'KOP-1' }).expect(201);
    const own = await t.http().get('/api/ledger/trial-balance').query({ programmeId }).set(admin()).expect(200);
    expect(own.body.totalDebit).toBe('123456.78');
    const dflt = await t.http().get('/api/ledger/trial-balance').set(admin()).expect(200);
    expect(dflt.body.totalDebit).toBe(before);
    const list = await t.http().get('/api/programmes').set(admin()).expect(200);
    expect(list.body.items.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(['BKL-KOP', 'BKL-UMKM']));
  });

  it('lets only admins add capital and only admin/approver/finance read the ledger', async () => {
    const officer = await t.userWithRoles(['loan_officer']);
    const finance = await t.userWithRoles(['finance']);
    const forbidden = await t.http().post('/api/fund/capital').set('Authorization', `Bearer ${finance.token}`).set('Idempotency-Key', 'x').send({ amount: '1', reference: 'r' }).expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    await t.http().get('/api/ledger/trial-balance').set('Authorization', `Bearer ${officer.token}`).expect(403);
    await t.http().get('/api/ledger/trial-balance').set('Authorization', `Bearer ${finance.token}`).expect(200);
  });

  it('audits each capital contribution with its actor and request id', async () => {
    const res = await capital('cap-audit', { amount: '42000', reference: 'AUDIT-1' }).set('X-Request-Id', 'req-audit-1').expect(201);
    const rows = await ds.query(`SELECT action, actor_id, request_id, after FROM audit_log WHERE entity_id = $1`, [res.body.entryId]);
    expect(rows).toEqual([expect.objectContaining({ action: 'FUND_CAPITAL_ADDED', request_id: 'req-audit-1', actor_id: expect.any(String) })]);
    expect(rows[0].after.amount).toBe('42000.00');
  });
});
