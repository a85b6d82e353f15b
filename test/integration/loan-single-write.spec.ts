// A repayment writes its loan row once (migration 1900, issue 10): insertTransaction sets the balances,
// the oldest unpaid due date and the status in the statement that writes the installments, and the
// oldest-unpaid trigger that fires at its end finds the date right and writes nothing. The trigger
// still corrects the date for every other writer. Counted with pg_stat_xact_user_tables, which holds
// the running transaction's own row writes per table.
import 'reflect-metadata';
import { Money } from '#money';
import { TransactionRunner } from '#platform';
import { RepaymentsService } from '#repayment';
import { DataSource, type EntityManager } from 'typeorm';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { disbursedLoan } from '../support/approved-application.js';

const DISBURSED = '2026-01-15';

describe('a repayment writes its loan row once', () => {
  let t: TestApp;
  let ds: DataSource;
  let tx: TransactionRunner;
  let repayments: RepaymentsService;
  let loanId: string;

  const loanWrites = async (em: EntityManager) => {
    const [r] = (await em.query(`SELECT n_tup_upd::int AS n FROM pg_stat_xact_user_tables WHERE relname = 'loan'`)) as { n: number }[];
    return r.n;
  };
  const unpaidDueDates = async () =>
    ((await ds.query(
      `SELECT due_date::text AS d FROM loan_installment WHERE loan_id = $1 AND payment_status <> 'PAID' AND superseded_at IS NULL ORDER BY due_date`,
      [loanId],
    )) as { d: string }[]).map((r) => r.d);
  const stored = async () =>
    ((await ds.query(`SELECT status, oldest_unpaid_due_date::text AS oldest, outstanding_principal::text AS outstanding FROM loan WHERE id = $1`, [loanId])) as {
      status: string;
      oldest: string | null;
      outstanding: string;
    }[])[0];

  /** Posts a repayment inside a transaction of the test's own and answers how many times it wrote the loan row. */
  const postCountingWrites = (amount: string, reference: string) =>
    tx.run(async (em) => {
      const before = await loanWrites(em);
      await repayments.post(loanId, { amount: Money.of(amount), channel: 'TELLER', reference });
      return (await loanWrites(em)) - before;
    });

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    tx = t.app.get(TransactionRunner);
    repayments = t.app.get(RepaymentsService);
    const officer = await t.userWithRoles(['loan_officer']);
    const finance = await t.userWithRoles(['finance']);
    const programmeId = await buildProgramme(ds, 'ONEWRITE-UMKM');
    const productId = await buildProduct(ds, { programmeId });
    await ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [DISBURSED]);
    await t
      .http()
      .post('/api/fund/capital')
      .set({ Authorization: `Bearer ${t.adminToken}` })
      .set('Idempotency-Key', 'onewrite-cap')
      .send({ programmeId, amount: '100000000', reference: 'SP2D' })
      .expect(201);
    ({ loanId } = await disbursedLoan(t, {
      officerToken: officer.token,
      financeToken: finance.token,
      productId,
      amount: '1200000',
      tenor: 4,
      valueDate: DISBURSED,
    }));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('a part payment: one write, the oldest unpaid date unchanged', async () => {
    const [first] = await unpaidDueDates();
    expect(await postCountingWrites('100000', 'KW-OW-1')).toBe(1);
    expect(await stored()).toEqual({ status: 'ACTIVE', oldest: first, outstanding: '1100000.00' });
  });

  it('paying off an installment: one write, and the date moves to the next unpaid one', async () => {
    const [, second] = await unpaidDueDates();
    expect(await postCountingWrites('200000', 'KW-OW-2')).toBe(1); // completes installment 1 (300,000)
    expect(await stored()).toEqual({ status: 'ACTIVE', oldest: second, outstanding: '900000.00' });
    expect(await unpaidDueDates()).toHaveLength(3);
  });

  it('paying off the rest: one write, the loan CLOSED with no unpaid date', async () => {
    expect(await postCountingWrites('900000', 'KW-OW-3')).toBe(1);
    expect(await stored()).toEqual({ status: 'CLOSED', oldest: null, outstanding: '0.00' });
  });

  describe('the trigger, for the other writers', () => {
    let other: string;
    beforeAll(async () => {
      const officer = await t.userWithRoles(['loan_officer']);
      const finance = await t.userWithRoles(['finance']);
      const [{ product_id: productId }] = (await ds.query(`SELECT product_id FROM loan WHERE id = $1`, [loanId])) as { product_id: string }[];
      ({ loanId: other } = await disbursedLoan(t, { officerToken: officer.token, financeToken: finance.token, productId, amount: '1200000', tenor: 4, valueDate: DISBURSED }));
    }, 60_000);

    /** Moves installment `number`'s due date by a day in a transaction that is rolled back; answers the loan writes and the date seen. */
    const shiftDueDate = async (number: number) => {
      const runner = ds.createQueryRunner();
      await runner.startTransaction();
      try {
        const before = await loanWrites(runner.manager);
        await runner.query(`UPDATE loan_installment SET due_date = due_date + 1 WHERE loan_id = $1 AND number = $2 AND superseded_at IS NULL`, [other, number]);
        const writes = (await loanWrites(runner.manager)) - before;
        const [l] = (await runner.query(
          `SELECT l.oldest_unpaid_due_date::text AS oldest, (SELECT min(due_date)::text FROM loan_installment WHERE loan_id = l.id AND payment_status <> 'PAID' AND superseded_at IS NULL) AS expected
             FROM loan l WHERE l.id = $1`,
          [other],
        )) as { oldest: string; expected: string }[];
        return { writes, ...l };
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    };

    it('still writes the date when a change moves it', async () => {
      const r = await shiftDueDate(1);
      expect(r.writes).toBe(1);
      expect(r.oldest).toBe(r.expected);
    });

    it('writes nothing when the change leaves the date as it was', async () => {
      const r = await shiftDueDate(4);
      expect(r.writes).toBe(0);
      expect(r.oldest).toBe(r.expected);
    });
  });
});
