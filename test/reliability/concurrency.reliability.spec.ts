// Concurrency at reliability scale (issue 11 item 4). The e2e specs already race a dozen requests
// (fund-ledger: one key, repayments: ten payments, scoring-decisions: four approvers,
// disbursements-concurrency: twenty orders); here each race is 50 wide, repeated, and ends with
// checkInvariants over the whole database, plus a repayment load posted while close-of-day runs.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Money } from '#money';
import { DataSource } from 'typeorm';
import { buildApplicant, buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { approvedApplication, disbursedLoan } from '../support/approved-application.js';
import { checkInvariants, describeViolations } from './support/invariants.js';
import { MoneyModel } from './support/money-model.js';
import { tally } from './support/tally.js';

const WIDTH = 50;

describe('concurrency (50 at once)', () => {
  let t: TestApp;
  let ds: DataSource;
  let programmeId: string;
  let productId: string;
  let officer: { token: string };
  let finance: { token: string };
  const approvers: { token: string }[] = [];
  let violations = 0;
  let scenarios = 0;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const book = async (amount = '5000000', tenor = 10) =>
    (await disbursedLoan(t, { officerToken: officer.token, financeToken: finance.token, productId, amount, tenor, valueDate: await today() })).loanId;
  const today = async () => ((await ds.query(`SELECT date::text AS d FROM business_date WHERE id = 1`)) as { d: string }[])[0].d;
  const repay = (loanId: string, amount: string, key = randomUUID(), reference = `R-${key.slice(0, 8)}`) =>
    t.http().post(`/api/loans/${loanId}/repayments`).set(auth(finance.token)).set('Idempotency-Key', key).send({ amount, channel: 'TRANSFER', reference });
  const assertBooksHold = async () => {
    scenarios++;
    const found = await checkInvariants(ds);
    violations += found.length;
    expect(describeViolations(found)).toBe('');
  };

  beforeAll(async () => {
    t = await createTestApp({ DATABASE_POOL_SIZE: '20' });
    ds = t.app.get(DataSource);
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
    for (let i = 0; i < 2; i++) approvers.push(await t.userWithRoles(['approver']));
    programmeId = await buildProgramme(ds);
    productId = await buildProduct(ds, { programmeId });
    await ds.query(`UPDATE business_date SET date = '2026-04-01' WHERE id = 1`);
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', randomUUID()).send({ programmeId, amount: '500000000', reference: 'SP2D' }).expect(201);
  }, 120_000);

  afterAll(async () => {
    tally({ area: 'concurrency', scenarios, violations });
    await t?.close();
  });

  it('50 requests with one Idempotency-Key: one execution, every 2xx the same answer, the rest 409 IDEMPOTENCY_KEY_IN_PROGRESS', async () => {
    for (let round = 0; round < 3; round++) {
      const loanId = await book();
      const key = randomUUID();
      const answers = await Promise.all(Array.from({ length: WIDTH }, () => repay(loanId, '150000', key, 'SAME-KEY')));
      const fresh = answers.filter((a) => a.status === 201 && a.headers['idempotent-replayed'] === undefined);
      expect(fresh).toHaveLength(1);
      for (const a of answers) {
        expect([201, 409]).toContain(a.status);
        if (a.status === 409) expect(a.body.code).toBe('IDEMPOTENCY_KEY_IN_PROGRESS');
        else expect(a.body.transactionId).toBe(fresh[0].body.transactionId);
      }
      const replay = await repay(loanId, '150000', key, 'SAME-KEY').expect(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body.transactionId).toBe(fresh[0].body.transactionId);
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM loan_transaction WHERE loan_id = $1`, [loanId]);
      expect(n).toBe(1);
      await assertBooksHold();
    }
  });

  it('50 different repayments on one loan at once: all land, none twice, the loan owes exactly the rest', async () => {
    const loanId = await book('5000000', 10);
    // 49 x 100,000 = 4,900,000 and one of 150,000: 50,000 beyond the principal, the borrower's credit.
    const amounts = [...Array.from({ length: WIDTH - 1 }, () => '100000'), '150000'];
    const answers = await Promise.all(amounts.map((a) => repay(loanId, a)));
    expect(answers.map((a) => a.status)).toEqual(amounts.map(() => 201));
    const ids = new Set(answers.map((a) => a.body.transactionId));
    expect(ids.size).toBe(WIDTH);
    const [loan] = await ds.query(`SELECT status, outstanding_principal::text AS outstanding, credit_balance::text AS credit FROM loan WHERE id = $1`, [loanId]);
    expect(loan).toEqual({ status: 'CLOSED', outstanding: '0.00', credit: '50000.00' });
    const [{ paid }] = await ds.query(`SELECT sum(principal)::text AS paid FROM repayment_allocation WHERE loan_id = $1`, [loanId]);
    expect(paid).toBe('5000000.00');
    await assertBooksHold();
  });

  it('two approvers deciding at the same moment, 10 times: one decision each time, the other 409 INVALID_STATE', async () => {
    for (let round = 0; round < 10; round++) {
      const { borrowerId } = await buildApplicant(ds);
      const submitted = await t.http().post('/api/applications').set(auth(officer.token)).send({ borrowerId, productId, amount: '3000000', tenor: 6, purpose: 'Modal kerja' }).expect(201);
      await t.http().post(`/api/applications/${submitted.body.id}/score`).set(auth(officer.token)).send({ slikCollectibility: 1, fieldVisitRating: 5 }).expect(200);
      const answers = await Promise.all(
        approvers.map((a, i) => t.http().post(`/api/applications/${submitted.body.id}/decisions`).set(auth(a.token)).send(i === 0 ? { decision: 'APPROVE' } : { decision: 'REJECT', reasonCode: 'NOT_ELIGIBLE' })),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(answers.find((a) => a.status === 409)?.body.code).toBe('INVALID_STATE');
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM application_decision WHERE application_id = $1`, [submitted.body.id]);
      expect(n).toBe(1);
    }
    scenarios++;
  });

  it('50 disbursement orders racing for the last of a fund: exactly what the cash covers, never below zero', async () => {
    const small = await buildProgramme(ds);
    const smallProduct = await buildProduct(ds, { programmeId: small });
    // Rp35,000,000 of cash, orders of Rp5,000,000: seven fit.
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', randomUUID()).send({ programmeId: small, amount: '35000000', reference: 'SP2D' }).expect(201);
    const apps = await Promise.all(Array.from({ length: WIDTH }, () => approvedApplication(t, { officerToken: officer.token, productId: smallProduct, amount: '5000000', tenor: 10 })));
    const answers = await Promise.all(
      apps.map((a) =>
        t.http().post('/api/disbursements').set(auth(finance.token)).set('Idempotency-Key', randomUUID()).send({ applicationId: a.id, bankCode: '114', accountNumber: '0011223344', accountName: 'Siti' }),
      ),
    );
    const ok = answers.filter((a) => a.status === 201);
    expect(ok).toHaveLength(7);
    for (const a of answers.filter((x) => x.status !== 201)) expect([a.status, a.body.code]).toEqual([422, 'INSUFFICIENT_FUND']);
    const fund = (await t.http().get('/api/fund').query({ programmeId: small }).set(auth(finance.token)).expect(200)).body;
    expect(fund).toMatchObject({ committed: '35000000.00', available: '0.00' });
    await assertBooksHold();
  });

  it('repayments posted while close-of-day runs: each lands wholly before or after a partition, every 201 is in the books', async () => {
    const loans = await Promise.all(Array.from({ length: 20 }, () => book('2000000', 4)));
    // The model's close-of-day driver (the worker's services, in process) closes 40 days while 4 clerks post.
    const model = new MoneyModel(t, { seed: 1, steps: 0, checkEvery: 1 });
    let closing = true;
    const closed = model.closeDays(40).finally(() => (closing = false));
    const posted: { id: string; amount: Money }[] = [];
    const clerk = async () => {
      while (closing) {
        const loanId = loans[Math.floor(Math.random() * loans.length)];
        const res = await repay(loanId, '25000');
        expect([201, 409]).toContain(res.status);
        if (res.status === 201) posted.push({ id: res.body.transactionId, amount: Money.of('25000') });
        else expect(res.body.code).toBe('INVALID_STATE');
      }
    };
    await Promise.all([closed, clerk(), clerk(), clerk(), clerk()]);
    expect(posted.length).toBeGreaterThan(10);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM loan_transaction WHERE id = ANY($1::uuid[])`, [posted.map((p) => p.id)]);
    expect(n).toBe(posted.length);
    const days = await ds.query(`SELECT count(*)::int AS n, count(DISTINCT day)::int AS d FROM close_of_day_day WHERE status = 'COMPLETED'`);
    expect(days[0].n).toBe(days[0].d);
    await assertBooksHold();
  });
});
