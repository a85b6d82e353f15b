// Real concurrency over HTTP: the fund lock must make the available-cash check and the order one step.
import { DataSource } from 'typeorm';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { approvedApplication } from '../support/approved-application.js';

const TODAY = '2026-06-15';

describe('disbursements under concurrency (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: { token: string };
  let finance: { token: string };
  let seq = 0;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const order = (applicationId: string) =>
    t
      .http()
      .post('/api/disbursements')
      .set(auth(finance.token))
      .set('Idempotency-Key', `race-${++seq}`)
      .send({ applicationId, bankCode: '114', accountNumber: '0011223344', accountName: 'Siti Aminah' });
  const confirm = (id: string) =>
    t.http().post(`/api/disbursements/${id}/confirm`).set(auth(finance.token)).set('Idempotency-Key', `confirm-${++seq}`).send({ valueDate: TODAY, bankReference: `JTM-${seq}` });
  /** A programme of its own with `capital` in its fund and `n` approved applications of Rp5,000,000. */
  const fundWithApplications = async (capital: string, n: number) => {
    const programmeId = await buildProgramme(ds);
    const productId = await buildProduct(ds, { programmeId });
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', `cap-${++seq}`).send({ programmeId, amount: capital, reference: 'SP2D' }).expect(201);
    const apps = [];
    for (let i = 0; i < n; i++) apps.push(await approvedApplication(t, { officerToken: officer.token, productId }));
    return { programmeId, apps };
  };
  const fund = async (programmeId: string) => (await t.http().get('/api/fund').query({ programmeId }).set(auth(t.adminToken)).expect(200)).body;
  /** The cash balance after each entry of the programme, in posting order. */
  const runningCash = async (programmeId: string): Promise<string[]> =>
    (
      await ds.query(
        `SELECT (sum(coalesce(sum(l.debit), 0) - coalesce(sum(l.credit), 0)) OVER (ORDER BY e.number))::text AS balance
           FROM journal_entry e LEFT JOIN journal_line l ON l.entry_id = e.id AND l.account_code = '1100'
          WHERE e.programme_id = $1 GROUP BY e.id, e.number ORDER BY e.number`,
        [programmeId],
      )
    ).map((r: { balance: string }) => r.balance);

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    await ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [TODAY]);
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
  });
  afterAll(async () => {
    await t.close();
  });

  it('twenty concurrent orders against cash for seven pay exactly seven; the rest get 422 INSUFFICIENT_FUND; cash never goes below zero', async () => {
    const { programmeId, apps } = await fundWithApplications('37500000', 20);
    const answers = await Promise.all(apps.map((a) => order(a.id)));
    const accepted = answers.filter((a) => a.status === 201);
    const refused = answers.filter((a) => a.status !== 201);
    expect(accepted).toHaveLength(7);
    expect(refused.map((a) => [a.status, a.body.code])).toEqual(Array.from({ length: 13 }, () => [422, 'INSUFFICIENT_FUND']));
    expect(await fund(programmeId)).toMatchObject({ cash: '37500000.00', committed: '35000000.00', available: '2500000.00' });
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM disbursement WHERE programme_id = $1`, [programmeId]);
    expect(n).toBe(7);

    // Confirming all of them at once pays out exactly what was committed.
    const confirmations = await Promise.all(accepted.map((a) => confirm(a.body.id)));
    expect(confirmations.map((c) => c.status)).toEqual(Array.from({ length: 7 }, () => 200));
    expect(await fund(programmeId)).toMatchObject({ cash: '2500000.00', committed: '0.00', available: '2500000.00', outstandingLoans: '35000000.00' });
    const balances = await runningCash(programmeId);
    expect(balances).toHaveLength(8);
    for (const b of balances) expect(b.startsWith('-')).toBe(false);
    const tb = await t.http().get('/api/ledger/trial-balance').query({ programmeId }).set(auth(finance.token)).expect(200);
    expect(tb.body.totalDebit).toBe(tb.body.totalCredit);
  });

  it('two clerks racing for the last Rp5,000,000: one order, one INSUFFICIENT_FUND', async () => {
    const { programmeId, apps } = await fundWithApplications('5000000', 2);
    const answers = await Promise.all(apps.map((a) => order(a.id)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
    expect(await fund(programmeId)).toMatchObject({ available: '0.00' });
  });

  it('concurrent orders for one application under different keys: one order, the others 409 ALREADY_DISBURSED', async () => {
    const { programmeId, apps } = await fundWithApplications('50000000', 1);
    const answers = await Promise.all(Array.from({ length: 6 }, () => order(apps[0].id)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(Array.from({ length: 5 }, () => 'ALREADY_DISBURSED'));
    expect(await fund(programmeId)).toMatchObject({ committed: '5000000.00' });
  });

  it('a confirmation and a cancellation of one order racing: exactly one wins, the other is 409 INVALID_STATE', async () => {
    const { programmeId, apps } = await fundWithApplications('5000000', 1);
    const placed = await order(apps[0].id).expect(201);
    const [confirmed, cancelled] = await Promise.all([
      confirm(placed.body.id),
      t.http().post(`/api/disbursements/${placed.body.id}/cancel`).set(auth(finance.token)).send({ reason: 'race' }),
    ]);
    expect([confirmed.status, cancelled.status].sort()).toEqual([200, 409]);
    const loser = confirmed.status === 409 ? confirmed : cancelled;
    expect(loser.body.code).toBe('INVALID_STATE');
    const position = await fund(programmeId);
    expect(position.committed).toBe('0.00');
    expect(position.cash).toBe(confirmed.status === 200 ? '0.00' : '5000000.00');
  });
});
