// Repayments over HTTP on real loans (issue 6 items 1-3): posting and allocation, overpayment and refunds,
// backdated payments replayed, reversals with four eyes, the transaction list, and ten payments racing on
// one loan. After each scenario the books are checked: every split adds up, the installments hold exactly
// the live allocations, and the ledger balances and agrees with the loans.
import { LedgerService } from '#ledger';
import { Money } from '#money';
import { TransactionRunner } from '#platform';
import { type InstallmentBalance, replayAllocations } from '#repayment';
import { DataSource } from 'typeorm';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { approvedApplication, disbursedLoan } from '../support/approved-application.js';

// Loans of Rp1,000,000 over 3 months disbursed on this date: 334,000 due 2026-02-15, 334,000 on
// 2026-03-15, 332,000 on 2026-04-15.
const DISBURSED = '2026-01-15';
const TODAY = '2026-03-05';

interface Allocation {
  installmentNumber: number;
  principal: string;
  lateFee: string;
}

describe('repayments, reversals and refunds (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: { token: string };
  let finance: { id: string; token: string };
  let finance2: { id: string; token: string };
  let programmeId: string;
  let productId: string;
  let seq = 0;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const key = () => `k-${++seq}`;
  const setBusinessDate = (date: string) => ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [date]);

  /** Orders and confirms a loan of Rp1,000,000 over 3 months on DISBURSED; leaves the business date at TODAY. */
  const book = async (): Promise<string> => {
    await setBusinessDate(DISBURSED);
    const { loanId } = await disbursedLoan(t, { officerToken: officer.token, financeToken: finance.token, productId, amount: '1000000', tenor: 3, valueDate: DISBURSED });
    await setBusinessDate(TODAY);
    return loanId;
  };

  const pay = (loanId: string, body: Record<string, unknown>, idempotencyKey = key(), token = finance.token) =>
    t.http().post(`/api/loans/${loanId}/repayments`).set(auth(token)).set('Idempotency-Key', idempotencyKey).send({ channel: 'VA', reference: `VA-${seq}`, ...body });
  const paid = async (loanId: string, amount: string, valueDate: string) => (await pay(loanId, { amount, valueDate }).expect(201)).body;
  const refund = (loanId: string, body: Record<string, unknown>, idempotencyKey = key()) =>
    t.http().post(`/api/loans/${loanId}/refunds`).set(auth(finance.token)).set('Idempotency-Key', idempotencyKey).send({ reference: `RF-${seq}`, ...body });
  const askReversal = (loanId: string, txId: string, token = finance.token, reason = 'Transfer ditolak bank') =>
    t.http().post(`/api/loans/${loanId}/transactions/${txId}/reversal`).set(auth(token)).set('Idempotency-Key', key()).send({ reason });
  const approve = (loanId: string, txId: string, token = finance2.token) => t.http().post(`/api/loans/${loanId}/transactions/${txId}/reversal/approve`).set(auth(token)).send();
  const transactions = async (loanId: string, query: Record<string, unknown> = {}) =>
    (await t.http().get(`/api/loans/${loanId}/transactions`).query({ limit: 500, ...query }).set(auth(officer.token)).expect(200)).body;
  const schedule = async (loanId: string) =>
    (await t.http().get(`/api/loans/${loanId}/schedule`).set(auth(finance.token)).expect(200)).body.installments.map(
      (i: { number: number; principalPaid: string; lateFeePaid: string; paidOn?: string }) => [i.number, i.principalPaid, i.lateFeePaid, i.paidOn ?? null],
    );
  const getLoan = async (loanId: string) => (await t.http().get(`/api/loans/${loanId}`).set(auth(finance.token)).expect(200)).body;
  const entryLines = async (entryId: string) =>
    (
      await ds.query(
        `SELECT account_code, debit::text AS debit, credit::text AS credit FROM journal_line WHERE entry_id = $1 ORDER BY account_code`,
        [entryId],
      )
    ).map((l: { account_code: string; debit: string; credit: string }) => [l.account_code, l.debit, l.credit]);
  const shortAllocations = (xs: Allocation[]) => xs.map((a) => [a.installmentNumber, a.principal, a.lateFee]);

  /** A late fee on one installment, booked as close-of-day books it: Dr 1210 / Cr 4100. */
  const assessLateFee = async (loanId: string, number: number, fee: string) => {
    await ds.query(`UPDATE loan_installment SET late_fee_due = late_fee_due + $3 WHERE loan_id = $1 AND number = $2 AND superseded_at IS NULL`, [loanId, number, fee]);
    await t.app.get(TransactionRunner).run((em) =>
      t.app.get(LedgerService).post(em, {
        programmeId,
        valueDate: '2026-02-16',
        kind: 'LATE_FEE',
        description: 'spec late fee',
        lines: [
          { account: '1210', debit: Money.of(fee) },
          { account: '4100', credit: Money.of(fee) },
        ],
      }),
    );
  };

  /**
   * The books of the suite's programme, every way they must agree. Each query lists what disagrees, so a
   * failure names the rows.
   */
  const expectBooksAddUp = async () => {
    const badSplits = await ds.query(
      `SELECT t.id FROM loan_transaction t
         LEFT JOIN (SELECT transaction_id, sum(principal) AS p, sum(late_fee) AS f FROM repayment_allocation GROUP BY 1) a ON a.transaction_id = t.id
        WHERE t.programme_id = $1 AND t.kind = 'REPAYMENT'
          AND (coalesce(a.p, 0) <> t.principal OR coalesce(a.f, 0) <> t.late_fee OR t.principal + t.late_fee + t.overpayment <> t.amount)`,
      [programmeId],
    );
    expect(badSplits).toEqual([]);
    const badInstallments = await ds.query(
      `SELECT i.id FROM loan_installment i JOIN loan l ON l.id = i.loan_id
         LEFT JOIN (SELECT a.installment_id, sum(a.principal) AS p, sum(a.late_fee) AS f
                      FROM repayment_allocation a JOIN loan_transaction t ON t.id = a.transaction_id
                     WHERE t.reversal_transaction_id IS NULL GROUP BY 1) s ON s.installment_id = i.id
        WHERE l.programme_id = $1 AND (coalesce(s.p, 0) <> i.principal_paid OR coalesce(s.f, 0) <> i.late_fee_paid)`,
      [programmeId],
    );
    expect(badInstallments).toEqual([]);
    const badLoans = await ds.query(
      `SELECT l.id FROM loan l
         LEFT JOIN (SELECT loan_id,
                           sum(principal) FILTER (WHERE kind = 'REPAYMENT' AND reversal_transaction_id IS NULL) AS p,
                           sum(overpayment) FILTER (WHERE kind = 'REPAYMENT' AND reversal_transaction_id IS NULL) AS o,
                           sum(amount) FILTER (WHERE kind = 'REFUND') AS r
                      FROM loan_transaction GROUP BY 1) s ON s.loan_id = l.id
        WHERE l.programme_id = $1
          AND (l.principal - coalesce(s.p, 0) <> l.outstanding_principal
               OR coalesce(s.o, 0) - coalesce(s.r, 0) <> l.credit_balance
               OR (l.status = 'CLOSED') <> NOT EXISTS (SELECT 1 FROM loan_installment i WHERE i.loan_id = l.id AND i.superseded_at IS NULL AND i.payment_status <> 'PAID'))`,
      [programmeId],
    );
    expect(badLoans).toEqual([]);
    // The sum of allocations equals the sum of payments minus overpayment.
    const [sums] = await ds.query(
      `SELECT (SELECT coalesce(sum(a.principal + a.late_fee), 0) FROM repayment_allocation a JOIN loan_transaction t ON t.id = a.transaction_id
                WHERE t.programme_id = $1 AND t.reversal_transaction_id IS NULL)::text AS allocated,
              (SELECT coalesce(sum(amount - overpayment), 0) FROM loan_transaction WHERE programme_id = $1 AND kind = 'REPAYMENT' AND reversal_transaction_id IS NULL)::text AS paid`,
      [programmeId],
    );
    expect(sums.allocated).toBe(sums.paid);
    // The ledger: per account, against the loans and installments it must mirror.
    const nets: Record<string, string> = Object.fromEntries(
      (
        await ds.query(`SELECT account_code, (sum(debit) - sum(credit))::text AS net FROM journal_line WHERE programme_id = $1 GROUP BY account_code`, [programmeId])
      ).map((r: { account_code: string; net: string }) => [r.account_code, r.net]),
    );
    const [loans] = await ds.query(
      `SELECT coalesce(sum(outstanding_principal), 0)::text AS outstanding, (-coalesce(sum(credit_balance), 0))::text AS credits,
              (SELECT coalesce(sum(i.late_fee_due - i.late_fee_paid), 0) FROM loan_installment i JOIN loan x ON x.id = i.loan_id
                WHERE x.programme_id = $1 AND i.superseded_at IS NULL)::text AS fees
         FROM loan WHERE programme_id = $1`,
      [programmeId],
    );
    expect(Money.of(nets['1200'] ?? '0').eq(Money.of(loans.outstanding))).toBe(true);
    expect(Money.of(nets['2100'] ?? '0').eq(Money.of(loans.credits))).toBe(true);
    expect(Money.of(nets['1210'] ?? '0').eq(Money.of(loans.fees))).toBe(true);
    const tb = await t.http().get('/api/ledger/trial-balance').query({ programmeId, asOf: '2099-12-31' }).set(auth(finance.token)).expect(200);
    expect(tb.body.totalDebit).toBe(tb.body.totalCredit);
    expect(tb.body.accounts.find((a: { code: string }) => a.code === '1200').balance).toBe(Money.of(loans.outstanding).toString());
  };

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
    finance2 = await t.userWithRoles(['finance']);
    programmeId = await buildProgramme(ds, 'REPAYSPEC-UMKM');
    productId = await buildProduct(ds, { programmeId });
    await setBusinessDate(DISBURSED);
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', 'cap').send({ programmeId, amount: '500000000', reference: 'SP2D' }).expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/loans/:id/repayments', () => {
    it('pays exactly the first installment: Dr 1100 / Cr 1200, the installment PAID on the value date, an audit row', async () => {
      const loanId = await book();
      const res = await pay(loanId, { amount: '334000', valueDate: '2026-02-14', channel: 'TELLER', reference: 'KWT-0001' }).expect(201);
      expect(res.body).toEqual({
        transactionId: expect.any(String),
        valueDate: '2026-02-14',
        backdated: false,
        allocations: [{ installmentNumber: 1, principal: '334000.00', lateFee: '0.00' }],
        principal: '334000.00',
        lateFee: '0.00',
        overpayment: '0.00',
        loan: { outstandingPrincipal: '666000.00', status: 'ACTIVE', creditBalance: '0.00' },
        journalEntryId: expect.any(String),
        adjustmentEntryId: null,
      });
      expect(await entryLines(res.body.journalEntryId)).toEqual([
        ['1100', '334000.00', '0.00'],
        ['1200', '0.00', '334000.00'],
      ]);
      expect(await schedule(loanId)).toEqual([
        [1, '334000.00', '0.00', '2026-02-14'],
        [2, '0.00', '0.00', null],
        [3, '0.00', '0.00', null],
      ]);
      expect(await getLoan(loanId)).toMatchObject({ outstandingPrincipal: '666000.00', status: 'ACTIVE', nextDueDate: '2026-03-15' });
      const audit = await ds.query(`SELECT action, actor_id FROM audit_log WHERE entity_id = $1`, [res.body.transactionId]);
      expect(audit).toEqual([{ action: 'REPAYMENT_POSTED', actor_id: finance.id }]);
      await expectBooksAddUp();
    });

    it('pays part of one installment, then several at once with the rest, oldest first', async () => {
      const loanId = await book();
      const part = await paid(loanId, '100000', '2026-02-10');
      expect(shortAllocations(part.allocations)).toEqual([[1, '100000.00', '0.00']]);
      expect(part.loan).toEqual({ outstandingPrincipal: '900000.00', status: 'ACTIVE', creditBalance: '0.00' });
      const several = await paid(loanId, '600000', '2026-03-01');
      expect(shortAllocations(several.allocations)).toEqual([
        [1, '234000.00', '0.00'],
        [2, '334000.00', '0.00'],
        [3, '32000.00', '0.00'],
      ]);
      expect(await schedule(loanId)).toEqual([
        [1, '334000.00', '0.00', '2026-03-01'],
        [2, '334000.00', '0.00', '2026-03-01'],
        [3, '32000.00', '0.00', null],
      ]);
      await expectBooksAddUp();
    });

    it('more than owed closes the loan and keeps the rest as credit: Cr 2100, visible on the loan; the closed loan takes no more', async () => {
      const loanId = await book();
      const res = await paid(loanId, '1050000', '2026-03-01');
      expect(res).toMatchObject({ principal: '1000000.00', overpayment: '50000.00', loan: { outstandingPrincipal: '0.00', status: 'CLOSED', creditBalance: '50000.00' } });
      expect(await entryLines(res.journalEntryId)).toEqual([
        ['1100', '1050000.00', '0.00'],
        ['1200', '0.00', '1000000.00'],
        ['2100', '0.00', '50000.00'],
      ]);
      expect(await getLoan(loanId)).toMatchObject({ status: 'CLOSED', outstandingPrincipal: '0.00', creditBalance: '50000.00', nextDueDate: null });
      const again = await pay(loanId, { amount: '1000', valueDate: '2026-03-02' }).expect(409);
      expect(again.body.code).toBe('INVALID_STATE');
      await expectBooksAddUp();
    });

    it("puts an installment's late fee before its principal (Cr 1210), and the loan's terms select the strategy", async () => {
      const loanId = await book();
      await assessLateFee(loanId, 1, '25000');
      const res = await paid(loanId, '100000', '2026-02-20');
      expect(shortAllocations(res.allocations)).toEqual([[1, '75000.00', '25000.00']]);
      expect(await entryLines(res.journalEntryId)).toEqual([
        ['1100', '100000.00', '0.00'],
        ['1200', '0.00', '75000.00'],
        ['1210', '0.00', '25000.00'],
      ]);
      // A loan whose terms name the other strategy pays principal first.
      const other = await book();
      await ds.query(`UPDATE loan SET terms_snapshot = terms_snapshot || '{"allocationStrategy": "OLDEST_FIRST_PRINCIPAL_FIRST"}' WHERE id = $1`, [other]);
      await assessLateFee(other, 1, '25000');
      expect(shortAllocations((await paid(other, '340000', '2026-02-20')).allocations)).toEqual([[1, '334000.00', '6000.00']]);
      await expectBooksAddUp();
    });

    it('replayed by key: the same answer with Idempotent-Replayed and one posting; another body under the key is 409', async () => {
      const loanId = await book();
      const body = { amount: '50000', valueDate: '2026-02-01', reference: 'VA-REPLAY' };
      const first = await pay(loanId, body, 'replay-key').expect(201);
      const second = await pay(loanId, body, 'replay-key').expect(201);
      expect(second.headers['idempotent-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM loan_transaction WHERE loan_id = $1`, [loanId]);
      expect(n).toBe(1);
      const reused = await pay(loanId, { ...body, amount: '50001' }, 'replay-key').expect(409);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const missing = await t.http().post(`/api/loans/${loanId}/repayments`).set(auth(finance.token)).send({ ...body, channel: 'VA' }).expect(400);
      expect(missing.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
      await expectBooksAddUp();
    });

    it('defaults the value date to the business date; refuses one after it (VALUE_DATE_IN_FUTURE) or before the disbursement', async () => {
      const loanId = await book();
      expect((await pay(loanId, { amount: '1000' }).expect(201)).body.valueDate).toBe(TODAY);
      const future = await pay(loanId, { amount: '1000', valueDate: '2026-03-06' }).expect(422);
      expect(future.body.code).toBe('VALUE_DATE_IN_FUTURE');
      const early = await pay(loanId, { amount: '1000', valueDate: '2026-01-14' }).expect(422);
      expect(early.body.code).toBe('VALUE_DATE_BEFORE_DISBURSEMENT');
    });

    it('refuses a repayment on a WRITTEN_OFF loan: 409 INVALID_STATE', async () => {
      const loanId = await book();
      const columns = new Set(
        (await ds.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'loan' AND column_name IN ('written_off_on', 'written_off_amount')`)).map(
          (r: { column_name: string }) => r.column_name,
        ),
      );
      const extra = [columns.has('written_off_on') ? `, written_off_on = '${TODAY}'` : '', columns.has('written_off_amount') ? ', written_off_amount = outstanding_principal' : ''].join('');
      await ds.query(`UPDATE loan SET status = 'WRITTEN_OFF'${extra} WHERE id = $1`, [loanId]);
      const res = await pay(loanId, { amount: '1000', valueDate: TODAY }).expect(409);
      expect(res.body.code).toBe('INVALID_STATE');
      expect(res.body.detail).toMatch(/WRITTEN_OFF/);
    });

    it.each([
      [{ amount: 1000 }, 'amount'],
      [{ amount: '0' }, 'amount'],
      [{ amount: '-5' }, 'amount'],
      [{ amount: '1.234' }, 'amount'],
      [{ amount: '1e6' }, 'amount'],
      [{ channel: 'CASH' }, 'channel'],
      [{ reference: '' }, 'reference'],
      [{ reference: '   ' }, 'reference'],
      [{ valueDate: '2026-02-30' }, 'valueDate'],
      [{ surprise: true }, 'surprise'],
    ])('refuses %p: 400 VALIDATION_FAILED naming the field', async (patch, field) => {
      const res = await pay('00000000-0000-4000-8000-000000000000', { amount: '1000', ...patch }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('is for finance only (role before body), 404 for an unknown loan, 400 for a bad id, 401 without a token', async () => {
      const loanId = await book();
      const denied = await pay(loanId, { amount: 'nope' }, key(), officer.token).expect(403);
      expect(denied.body.code).toBe('FORBIDDEN');
      await pay('00000000-0000-4000-8000-000000000000', { amount: '1000', valueDate: TODAY }).expect(404);
      const bad = await pay('not-a-uuid', { amount: '1000' }).expect(400);
      expect(bad.body.errors[0].field).toBe('id');
      await t.http().post(`/api/loans/${loanId}/repayments`).set('Idempotency-Key', key()).send({ amount: '1000', channel: 'VA', reference: 'x' }).expect(401);
    });
  });

  describe('backdated repayments', () => {
    it('replays the later payment after the earlier one, moves its split with one ADJUSTMENT entry, and ends as in-order arrival', async () => {
      const backdated = await book();
      const inOrder = await book();
      for (const id of [backdated, inOrder]) await assessLateFee(id, 1, '25000');

      // Arrival out of order: 200,000 dated 1 March first (the fee and 175,000 of #1) ...
      const march = await paid(backdated, '200000', '2026-03-01');
      expect(shortAllocations(march.allocations)).toEqual([[1, '175000.00', '25000.00']]);
      // ... then 359,000 dated 20 February: it takes the fee and all of #1; the March payment moves to #2.
      const feb = await paid(backdated, '359000', '2026-02-20');
      expect(feb).toMatchObject({ backdated: true, principal: '334000.00', lateFee: '25000.00', overpayment: '0.00' });
      expect(shortAllocations(feb.allocations)).toEqual([[1, '334000.00', '25000.00']]);
      expect(feb.loan).toEqual({ outstandingPrincipal: '466000.00', status: 'ACTIVE', creditBalance: '0.00' });
      expect(await entryLines(feb.journalEntryId)).toEqual([
        ['1100', '359000.00', '0.00'],
        ['1200', '0.00', '334000.00'],
        ['1210', '0.00', '25000.00'],
      ]);
      // The March payment now pays 25,000 more principal and 25,000 less late fee: Dr 1210 / Cr 1200, dated today.
      expect(await entryLines(feb.adjustmentEntryId)).toEqual([
        ['1200', '0.00', '25000.00'],
        ['1210', '25000.00', '0.00'],
      ]);
      const [adj] = await ds.query(`SELECT kind, value_date::text AS value_date FROM journal_entry WHERE id = $1`, [feb.adjustmentEntryId]);
      expect(adj).toEqual({ kind: 'REPAYMENT_ADJUSTMENT', value_date: TODAY });

      // The same payments in value-date order on a twin loan end in the same place.
      await paid(inOrder, '359000', '2026-02-20');
      await paid(inOrder, '200000', '2026-03-01');
      expect(await schedule(backdated)).toEqual(await schedule(inOrder));
      expect(await schedule(backdated)).toEqual([
        [1, '334000.00', '25000.00', '2026-02-20'],
        [2, '200000.00', '0.00', null],
        [3, '0.00', '0.00', null],
      ]);
      const byDate = async (loanId: string) =>
        (await transactions(loanId)).items.map((x: { valueDate: string; allocations: Allocation[] }) => [x.valueDate, shortAllocations(x.allocations)]).sort();
      expect(await byDate(backdated)).toEqual(await byDate(inOrder));
      expect((await transactions(backdated)).items.find((x: { id: string }) => x.id === march.transactionId)).toMatchObject({
        principal: '200000.00',
        lateFee: '0.00',
        allocations: [{ installmentNumber: 2, principal: '200000.00', lateFee: '0.00' }],
      });
      await expectBooksAddUp();
    });

    it('books no adjustment when the replay moves no money between accounts', async () => {
      const loanId = await book();
      await paid(loanId, '100000', '2026-03-01');
      const early = await paid(loanId, '50000', '2026-02-20');
      expect(early).toMatchObject({ backdated: true, adjustmentEntryId: null });
      // A payment dated the same day as the latest one comes after it: not backdated.
      expect((await paid(loanId, '10000', '2026-03-01')).backdated).toBe(false);
      expect(await schedule(loanId)).toEqual([
        [1, '160000.00', '0.00', null],
        [2, '0.00', '0.00', null],
        [3, '0.00', '0.00', null],
      ]);
      await expectBooksAddUp();
    });

    it('a backdated payment that completes the schedule turns a later payment into credit', async () => {
      const loanId = await book();
      await paid(loanId, '100000', '2026-03-01');
      const early = await paid(loanId, '950000', '2026-02-20');
      expect(early).toMatchObject({ backdated: true, principal: '950000.00', overpayment: '0.00', loan: { outstandingPrincipal: '0.00', status: 'CLOSED', creditBalance: '50000.00' } });
      expect(await entryLines(early.adjustmentEntryId)).toEqual([
        ['1200', '50000.00', '0.00'],
        ['2100', '0.00', '50000.00'],
      ]);
      await expectBooksAddUp();
    });
    it('cannot reach back over a reschedule: a backdated payment is 422, a reversal 409; in-order payments use the new schedule', async () => {
      const loanId = await book();
      const before = await paid(loanId, '100000', '2026-03-01');
      // What a reschedule leaves (servicing): the unpaid rows superseded, version 2 spreading the 900,000 left.
      await ds.query(`UPDATE loan_installment SET superseded_at = now() WHERE loan_id = $1 AND payment_status <> 'PAID' AND superseded_at IS NULL`, [loanId]);
      await ds.query(
        `INSERT INTO loan_installment (loan_id, number, due_date, principal_due, schedule_version)
         VALUES ($1, 1, '2026-04-15', 450000, 2), ($1, 2, '2026-05-15', 450000, 2)`,
        [loanId],
      );
      const early = await pay(loanId, { amount: '50000', valueDate: '2026-02-20' }).expect(422);
      expect(early.body.code).toBe('VALUE_DATE_BEFORE_RESCHEDULE');
      await askReversal(loanId, before.transactionId).expect(202);
      expect((await approve(loanId, before.transactionId).expect(409)).body.code).toBe('RESCHEDULED_SINCE');
      const next = await paid(loanId, '500000', '2026-03-05');
      expect(shortAllocations(next.allocations)).toEqual([
        [1, '450000.00', '0.00'],
        [2, '50000.00', '0.00'],
      ]);
      expect(next.loan).toEqual({ outstandingPrincipal: '400000.00', status: 'ACTIVE', creditBalance: '0.00' });
      await expectBooksAddUp();
    });
  });

  describe('reversals with four eyes', () => {
    it('asked by one finance user (202 PENDING), refused to the same user (403), applied by another: the loan reopens and the later payment moves back', async () => {
      const loanId = await book();
      const p1 = await paid(loanId, '600000', '2026-03-01');
      const p2 = await paid(loanId, '500000', '2026-03-05');
      expect(p2.loan).toEqual({ outstandingPrincipal: '0.00', status: 'CLOSED', creditBalance: '100000.00' });

      const asked = await askReversal(loanId, p1.transactionId).expect(202);
      expect(asked.body).toMatchObject({ transactionId: p1.transactionId, loanId, status: 'PENDING', requestedBy: finance.id, decidedBy: null, reversalTransactionId: null });
      // Nothing moves until it is approved.
      expect((await getLoan(loanId)).status).toBe('CLOSED');
      const self = await approve(loanId, p1.transactionId, finance.token).expect(403);
      expect(self.body.code).toBe('MAKER_CHECKER_VIOLATION');

      const applied = await approve(loanId, p1.transactionId).expect(200);
      expect(applied.body).toMatchObject({
        id: asked.body.id,
        status: 'APPROVED',
        decidedBy: finance2.id,
        reversalTransactionId: expect.any(String),
        loan: { outstandingPrincipal: '500000.00', status: 'ACTIVE', creditBalance: '0.00' },
      });
      expect(await entryLines(applied.body.journalEntryId)).toEqual([
        ['1100', '0.00', '600000.00'],
        ['1200', '600000.00', '0.00'],
      ]);
      // The later payment's 100,000 of credit goes back to principal.
      expect(await entryLines(applied.body.adjustmentEntryId)).toEqual([
        ['1200', '0.00', '100000.00'],
        ['2100', '100000.00', '0.00'],
      ]);
      expect(await schedule(loanId)).toEqual([
        [1, '334000.00', '0.00', '2026-03-05'],
        [2, '166000.00', '0.00', null],
        [3, '0.00', '0.00', null],
      ]);
      const list = (await transactions(loanId)).items;
      expect(list.map((x: { kind: string; status: string }) => [x.kind, x.status])).toEqual([
        ['REVERSAL', 'POSTED'],
        ['REPAYMENT', 'POSTED'],
        ['REPAYMENT', 'REVERSED'],
      ]);
      expect(list[0]).toMatchObject({ reversesTransactionId: p1.transactionId, amount: '600000.00', principal: '600000.00', valueDate: TODAY });
      expect(shortAllocations(list[1].allocations)).toEqual([
        [1, '334000.00', '0.00'],
        [2, '166000.00', '0.00'],
      ]);
      expect(list[1].overpayment).toBe('0.00');
      expect(list[2]).toMatchObject({ reversalTransactionId: applied.body.reversalTransactionId, reversalRequest: { status: 'APPROVED', decidedBy: finance2.id } });

      // Approving again, or asking again: 409.
      expect((await approve(loanId, p1.transactionId).expect(409)).body.code).toBe('INVALID_STATE');
      expect((await askReversal(loanId, p1.transactionId).expect(409)).body.code).toBe('ALREADY_REVERSED');
      await expectBooksAddUp();
    });

    it('refuses what cannot be reversed: a refund, a second request while one is pending, a transaction of another loan, an unknown one', async () => {
      const loanId = await book();
      const other = await book();
      const p = await paid(loanId, '1010000', '2026-03-01');
      const rf = (await refund(loanId, { amount: '10000' }).expect(201)).body;
      expect((await askReversal(loanId, rf.transactionId).expect(409)).body.code).toBe('INVALID_STATE');
      await askReversal(loanId, p.transactionId).expect(202);
      expect((await askReversal(loanId, p.transactionId, finance2.token).expect(409)).body.code).toBe('REVERSAL_ALREADY_REQUESTED');
      await askReversal(other, p.transactionId).expect(404);
      await askReversal(loanId, '00000000-0000-4000-8000-000000000000').expect(404);
      await approve(loanId, '00000000-0000-4000-8000-000000000000').expect(404);
      const blank = await askReversal(loanId, p.transactionId, finance.token, ' ').expect(400);
      expect(blank.body.errors[0].field).toBe('reason');
      await askReversal(loanId, p.transactionId, officer.token).expect(403);
      await t.http().post(`/api/loans/${loanId}/transactions/${p.transactionId}/reversal/approve`).set(auth(officer.token)).expect(403);
      const noKey = await t.http().post(`/api/loans/${loanId}/transactions/${p.transactionId}/reversal`).set(auth(finance.token)).send({ reason: 'x' }).expect(400);
      expect(noKey.body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    });

    it('a rejected request posts nothing and cannot be approved; a new one can be asked', async () => {
      const loanId = await book();
      const p = await paid(loanId, '334000', '2026-03-01');
      await askReversal(loanId, p.transactionId).expect(202);
      const rejected = await t
        .http()
        .post(`/api/loans/${loanId}/transactions/${p.transactionId}/reversal/reject`)
        .set(auth(finance.token))
        .send({ note: 'Dana sudah masuk' })
        .expect(200);
      expect(rejected.body).toMatchObject({ status: 'REJECTED', decidedBy: finance.id, decisionNote: 'Dana sudah masuk' });
      expect((await approve(loanId, p.transactionId).expect(409)).body.code).toBe('INVALID_STATE');
      await askReversal(loanId, p.transactionId).expect(202);
      expect((await getLoan(loanId)).outstandingPrincipal).toBe('666000.00');
      await expectBooksAddUp();
    });

    it('refuses to take back credit already refunded: 409 CREDIT_ALREADY_REFUNDED', async () => {
      const loanId = await book();
      const p = await paid(loanId, '1100000', '2026-03-01');
      await refund(loanId, {}).expect(201);
      await askReversal(loanId, p.transactionId).expect(202);
      const res = await approve(loanId, p.transactionId).expect(409);
      expect(res.body.code).toBe('CREDIT_ALREADY_REFUNDED');
      expect(await getLoan(loanId)).toMatchObject({ status: 'CLOSED', outstandingPrincipal: '0.00' });
      await expectBooksAddUp();
    });
  });

  describe('POST /api/loans/:id/refunds', () => {
    it('pays the credit back (Dr 2100 / Cr 1100), in parts or whole; more than the credit is 422', async () => {
      const loanId = await book();
      await paid(loanId, '1080000', '2026-03-01');
      const part = await refund(loanId, { amount: '30000', valueDate: '2026-03-02' }).expect(201);
      expect(part.body).toMatchObject({ amount: '30000.00', valueDate: '2026-03-02', loan: { status: 'CLOSED', creditBalance: '50000.00' } });
      expect(await entryLines(part.body.journalEntryId)).toEqual([
        ['1100', '0.00', '30000.00'],
        ['2100', '30000.00', '0.00'],
      ]);
      const tooMuch = await refund(loanId, { amount: '50000.01' }).expect(422);
      expect(tooMuch.body.code).toBe('REFUND_EXCEEDS_CREDIT');
      const early = await refund(loanId, { valueDate: '2026-02-28' }).expect(422);
      expect(early.body.code).toBe('VALUE_DATE_BEFORE_LAST_REPAYMENT');
      const rest = await refund(loanId, {}, 'refund-rest').expect(201);
      expect(rest.body).toMatchObject({ amount: '50000.00', valueDate: TODAY, loan: { creditBalance: '0.00' } });
      const replay = await refund(loanId, {}, 'refund-rest').expect(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect((await refund(loanId, {}).expect(422)).body.code).toBe('NO_CREDIT_BALANCE');
      expect(await getLoan(loanId)).not.toHaveProperty('creditBalance');
      await expectBooksAddUp();
    });

    it('leaves cash promised to a pending transfer order alone: 422 INSUFFICIENT_FUND over the available cash', async () => {
      // A programme of its own, so that its cash is exactly what this test moves.
      const smallProgramme = await buildProgramme(ds, 'REFUNDCASH-UMKM');
      const smallProduct = await buildProduct(ds, { programmeId: smallProgramme });
      await setBusinessDate(DISBURSED);
      await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', key()).send({ programmeId: smallProgramme, amount: '1000000', reference: 'SP2D kecil' }).expect(201);
      const { loanId } = await disbursedLoan(t, { officerToken: officer.token, financeToken: finance.token, productId: smallProduct, amount: '1000000', tenor: 3, valueDate: DISBURSED });
      await setBusinessDate(TODAY);
      await paid(loanId, '1080000', '2026-03-01'); // cash 1,080,000, of which 80,000 is the borrower's credit
      const next = await approvedApplication(t, { officerToken: officer.token, productId: smallProduct, amount: '1050000', tenor: 3 });
      await t.http().post('/api/disbursements').set(auth(finance.token)).set('Idempotency-Key', key()).send({ applicationId: next.id, bankCode: '114', accountNumber: '0011223344', accountName: 'Siti Aminah' }).expect(201);

      const refused = await refund(loanId, { amount: '80000' }).expect(422);
      expect(refused.body).toMatchObject({ code: 'INSUFFICIENT_FUND', amount: '80000.00', available: '30000.00' });
      expect((await getLoan(loanId)).creditBalance).toBe('80000.00');
      await refund(loanId, { amount: '30000' }).expect(201);
      await expectBooksAddUp();
    });

    it('refuses a loan without credit, a bad amount, and other roles', async () => {
      const loanId = await book();
      expect((await refund(loanId, { amount: '1' }).expect(422)).body.code).toBe('NO_CREDIT_BALANCE');
      expect((await refund(loanId, { amount: '0' }).expect(400)).body.errors[0].field).toBe('amount');
      await t.http().post(`/api/loans/${loanId}/refunds`).set(auth(officer.token)).set('Idempotency-Key', key()).send({ reference: 'x' }).expect(403);
      await refund('00000000-0000-4000-8000-000000000000', {}).expect(404);
    });
  });

  describe('GET /api/loans/:id/transactions', () => {
    it('lists repayments, reversals and refunds newest first with their allocations, a page at a time, by kind', async () => {
      const loanId = await book();
      const a = await paid(loanId, '400000', '2026-02-14');
      const b = await paid(loanId, '700000', '2026-03-01');
      const r = (await refund(loanId, { amount: '100000' }).expect(201)).body;
      const all = await transactions(loanId);
      expect(all.nextCursor).toBeNull();
      expect(all.items.map((x: { id: string }) => x.id)).toEqual([r.transactionId, b.transactionId, a.transactionId]);
      expect(all.items[0]).toMatchObject({ kind: 'REFUND', status: 'POSTED', amount: '100000.00', channel: null, allocations: [], reversalRequest: null, postedBy: finance.id });
      expect(all.items[1]).toMatchObject({
        kind: 'REPAYMENT',
        amount: '700000.00',
        channel: 'VA',
        principal: '600000.00',
        overpayment: '100000.00',
        allocations: [
          { installmentNumber: 2, principal: '268000.00', lateFee: '0.00' },
          { installmentNumber: 3, principal: '332000.00', lateFee: '0.00' },
        ],
      });
      const first = await transactions(loanId, { limit: 2 });
      expect(first.items).toHaveLength(2);
      const second = await transactions(loanId, { limit: 2, cursor: first.nextCursor });
      expect(second).toEqual({ items: [expect.objectContaining({ id: a.transactionId })], nextCursor: null });
      expect((await transactions(loanId, { kind: 'REFUND' })).items.map((x: { id: string }) => x.id)).toEqual([r.transactionId]);
    });

    it('is for staff: 403 for a borrower, 404 for an unknown loan, 400 for a bad cursor or kind', async () => {
      const loanId = await book();
      const [{ borrower_id }] = await ds.query(`SELECT borrower_id FROM loan WHERE id = $1`, [loanId]);
      const borrower = await t.userWithRoles(['borrower'], { borrowerId: borrower_id });
      await t.http().get(`/api/loans/${loanId}/transactions`).set(auth(borrower.token)).expect(403);
      await t.http().get('/api/loans/00000000-0000-4000-8000-000000000000/transactions').set(auth(finance.token)).expect(404);
      expect((await t.http().get(`/api/loans/${loanId}/transactions`).query({ cursor: 'nope' }).set(auth(finance.token)).expect(400)).body.errors[0].field).toBe('cursor');
      expect((await t.http().get(`/api/loans/${loanId}/transactions`).query({ kind: 'FEE' }).set(auth(finance.token)).expect(400)).body.errors[0].field).toBe('kind');
    });
  });

  describe('concurrency', () => {
    it('ten different payments at once on one loan all land, in any arrival order, exactly as posted in value-date order', async () => {
      const loanId = await book();
      const payments = [
        ['120000', '2026-02-01'],
        ['90000', '2026-02-04'],
        ['150000', '2026-02-07'],
        ['80000', '2026-02-10'],
        ['110000', '2026-02-13'],
        ['100000', '2026-02-16'],
        ['130000', '2026-02-19'],
        ['70000', '2026-02-22'],
        ['95000', '2026-02-25'],
        ['105000', '2026-02-28'],
      ].map(([amount, valueDate], k) => ({ amount, valueDate, reference: `RACE-${k}` }));
      // Latest value dates first, so that most arrivals are backdated and replay the others.
      const answers = await Promise.all([...payments].reverse().map((p) => pay(loanId, p)));
      expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 10 }, () => 201));
      // Arrivals out of value-date order were replayed under the loan's lock.
      expect(answers.filter((a) => a.body.backdated).length).toBeGreaterThan(0);

      const installments: InstallmentBalance[] = (
        await ds.query(
          `SELECT id, number, due_date::text AS due_date, principal_due::text AS principal_due FROM loan_installment WHERE loan_id = $1 ORDER BY number`,
          [loanId],
        )
      ).map((i: { id: string; number: number; due_date: string; principal_due: string }) => ({
        id: i.id,
        number: i.number,
        dueDate: i.due_date,
        principalDue: Money.of(i.principal_due),
        principalPaid: Money.zero(),
        lateFeeDue: Money.zero(),
        lateFeePaid: Money.zero(),
        paidOn: null,
      }));
      const expected = replayAllocations(
        installments,
        payments.map((p, k) => ({ id: p.reference, amount: Money.of(p.amount), valueDate: p.valueDate, seq: BigInt(k) })),
      );
      const listed = (await transactions(loanId)).items as { reference: string; allocations: Allocation[]; overpayment: string }[];
      expect(listed).toHaveLength(10);
      for (const e of expected.payments) {
        const got = listed.find((x) => x.reference === e.paymentId)!;
        expect(shortAllocations(got.allocations)).toEqual(e.allocations.map((a) => [a.installmentNumber, a.principal.toString(), a.lateFee.toString()]));
        expect(got.overpayment).toBe(e.overpayment.toString());
      }
      expect(await getLoan(loanId)).toMatchObject({ status: 'CLOSED', outstandingPrincipal: '0.00', creditBalance: '50000.00' });
      expect(await schedule(loanId)).toEqual(expected.installments.map((i) => [i.number, i.principalPaid.toString(), '0.00', i.paidOn]));
      await expectBooksAddUp();
    });

    it('ten requests with one key post once: the others replay the answer or are told it is in progress', async () => {
      const loanId = await book();
      const answers = await Promise.all(Array.from({ length: 10 }, () => pay(loanId, { amount: '1000', valueDate: TODAY, reference: 'SAME' }, 'one-key')));
      for (const a of answers) expect([201, 409]).toContain(a.status);
      expect(answers.filter((a) => a.status === 201 && a.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
      for (const a of answers.filter((x) => x.status === 409)) expect(a.body.code).toBe('IDEMPOTENCY_KEY_IN_PROGRESS');
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM loan_transaction WHERE loan_id = $1`, [loanId]);
      expect(n).toBe(1);
      await expectBooksAddUp();
    });
  });

  describe('OpenAPI', () => {
    it('describes every route with its answers and errors', async () => {
      const paths = (await t.http().get('/api/docs-json').expect(200)).body.paths;
      const post = paths['/api/loans/{id}/repayments'].post;
      expect(post.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['id', 'Idempotency-Key']));
      expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '409', '422']));
      expect(post.responses['409'].description).toMatch(/INVALID_STATE.*IDEMPOTENCY_KEY_REUSED/);
      expect(post.responses['422'].description).toMatch(/VALUE_DATE_IN_FUTURE/);
      const reversal = paths['/api/loans/{id}/transactions/{txId}/reversal'].post;
      expect(Object.keys(reversal.responses)).toEqual(expect.arrayContaining(['202', '400', '404', '409']));
      expect(reversal.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
      const approval = paths['/api/loans/{id}/transactions/{txId}/reversal/approve'].post;
      expect(approval.responses['403'].description).toContain('MAKER_CHECKER_VIOLATION');
      expect(Object.keys(paths['/api/loans/{id}/refunds'].post.responses)).toEqual(expect.arrayContaining(['201', '400', '404', '409', '422']));
      expect(paths['/api/loans/{id}/transactions'].get.responses['200']).toBeDefined();
      expect(paths['/api/loans/{id}/transactions/{txId}/reversal/reject'].post.responses['200']).toBeDefined();
    });
  });
});
