import { ACCOUNTS, LedgerService, type LineDraft } from '#ledger';
import { Money } from '#money';
import { TransactionRunner } from '#platform';
import { DataSource } from 'typeorm';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { disbursedLoan } from '../support/approved-application.js';

// Write-off and recoveries over HTTP. Repayments and late fees are written the way the repayment and
// close-of-day areas write them (installments, loan balance and a balanced journal entry), so that
// these specs do not depend on those endpoints and the books stay whole.

describe('servicing: write-off and recoveries (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: { token: string };
  let finance: { token: string };
  let approver: { token: string };
  let programmeId: string;
  let product: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const setBusinessDate = (date: string) => ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [date]);
  const post = (lines: LineDraft[], valueDate: string, kind: string) =>
    t.app.get(TransactionRunner).run((em) => t.app.get(LedgerService).post(em, { programmeId, valueDate, kind, description: `spec ${kind}`, lines }));

  /** Rp3,000,000 over 6 months from 2026-01-15: 6 x 500,000 due on the 15th, Feb to Jul. */
  const book = async (): Promise<{ id: string; number: string }> => {
    await setBusinessDate('2026-01-15');
    const loan = await disbursedLoan(t, { officerToken: officer.token, financeToken: finance.token, productId: product, amount: '3000000', tenor: 6, valueDate: '2026-01-15' });
    return { id: loan.loanId, number: loan.loanNumber };
  };

  /** What a repayment writes: installments paid in full, the loan balance, Dr 1100 / Cr 1200. */
  const payInFull = async (loanId: string, numbers: number[], valueDate: string) => {
    const [{ total }] = await ds.query(`SELECT sum(principal_due)::text AS total FROM loan_installment WHERE loan_id = $1 AND number = ANY($2) AND superseded_at IS NULL`, [
      loanId,
      numbers,
    ]);
    await ds.query(`UPDATE loan_installment SET principal_paid = principal_due, paid_on = $3 WHERE loan_id = $1 AND number = ANY($2) AND superseded_at IS NULL`, [
      loanId,
      numbers,
      valueDate,
    ]);
    await ds.query(`UPDATE loan SET outstanding_principal = outstanding_principal - $2::numeric WHERE id = $1`, [loanId, total]);
    await post([{ account: ACCOUNTS.CASH, debit: Money.of(total) }, { account: ACCOUNTS.LOANS_RECEIVABLE, credit: Money.of(total) }], valueDate, 'REPAYMENT');
  };

  /** What close-of-day writes when a product charges a late fee: the installment's fee, Dr 1210 / Cr 4100. */
  const chargeLateFee = async (loanId: string, number: number, fee: string, valueDate: string) => {
    await ds.query(`UPDATE loan_installment SET late_fee_due = late_fee_due + $3::numeric WHERE loan_id = $1 AND number = $2 AND superseded_at IS NULL`, [loanId, number, fee]);
    await post([{ account: ACCOUNTS.LATE_FEES_RECEIVABLE, debit: Money.of(fee) }, { account: ACCOUNTS.LATE_FEE_INCOME, credit: Money.of(fee) }], valueDate, 'LATE_FEE');
  };

  const writeOff = (loanId: string, key: string | null, body: Record<string, unknown> = { reason: 'Usaha tutup; penagihan tidak berhasil' }, token = approver.token) => {
    const req = t.http().post(`/api/loans/${loanId}/write-off`).set(auth(token));
    return (key === null ? req : req.set('Idempotency-Key', key)).send(body);
  };
  const recover = (loanId: string, key: string | null, body: Record<string, unknown>, token = finance.token) => {
    const req = t.http().post(`/api/loans/${loanId}/recoveries`).set(auth(token));
    return (key === null ? req : req.set('Idempotency-Key', key)).send(body);
  };

  /** The books agree with the loans: balanced, 1200 = outstanding principal, 1210 = unpaid fees, 5100 = written off - recovered. */
  const expectBooksWhole = async () => {
    const tb = (await t.http().get('/api/ledger/trial-balance').query({ programmeId }).set(auth(t.adminToken)).expect(200)).body;
    expect(tb.totalDebit).toBe(tb.totalCredit);
    const balance = Object.fromEntries(tb.accounts.map((a: { code: string; balance: string }) => [a.code, a.balance]));
    const [sums] = await ds.query(
      `SELECT (SELECT coalesce(sum(outstanding_principal), 0)::numeric(18,2)::text FROM loan WHERE programme_id = $1) AS outstanding,
              (SELECT coalesce(sum(i.late_fee_due - i.late_fee_paid), 0)::numeric(18,2)::text FROM loan_installment i JOIN loan l ON l.id = i.loan_id
                WHERE l.programme_id = $1 AND l.status <> 'WRITTEN_OFF' AND i.superseded_at IS NULL) AS fees,
              (SELECT coalesce(sum(written_off_amount - recovered_amount), 0)::numeric(18,2)::text FROM loan WHERE programme_id = $1) AS lost`,
      [programmeId],
    );
    expect(balance[ACCOUNTS.LOANS_RECEIVABLE]).toBe(sums.outstanding);
    expect(balance[ACCOUNTS.LATE_FEES_RECEIVABLE]).toBe(sums.fees);
    expect(balance[ACCOUNTS.LOAN_LOSSES]).toBe(sums.lost);
    return balance;
  };

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
    approver = await t.userWithRoles(['approver']);
    programmeId = await buildProgramme(ds, 'WOFF-UMKM');
    product = await buildProduct(ds, { programmeId });
    await setBusinessDate('2026-01-01');
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', 'cap').send({ programmeId, amount: '100000000', reference: 'SP2D' }).expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/loans/:id/write-off', () => {
    let loan: { id: string; number: string };
    let answer: Record<string, unknown>;

    beforeAll(async () => {
      loan = await book();
      await payInFull(loan.id, [1], '2026-02-14');
      await chargeLateFee(loan.id, 2, '25000', '2026-03-16');
      await setBusinessDate('2026-09-01');
      await expectBooksWhole();
    });

    it('Dr 5100 / Cr 1200 for the outstanding principal and Dr 5100 / Cr 1210 for unpaid late fees; the loan is WRITTEN_OFF with nothing outstanding', async () => {
      const res = await writeOff(loan.id, 'wo-1').expect(200);
      answer = res.body;
      expect(res.body).toEqual({
        loanId: loan.id,
        loanNumber: loan.number,
        status: 'WRITTEN_OFF',
        writtenOffOn: '2026-09-01',
        principal: '2500000.00',
        lateFees: '25000.00',
        writtenOffAmount: '2525000.00',
        recoveredAmount: '0.00',
        recoverableAmount: '2525000.00',
        reason: 'Usaha tutup; penagihan tidak berhasil',
        journalEntryId: expect.any(String),
      });
      const lines = await ds.query(
        `SELECT l.account_code AS account, l.debit::text AS debit, l.credit::text AS credit, e.value_date::text AS "valueDate", e.kind
           FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id WHERE e.id = $1 ORDER BY l.id`,
        [res.body.journalEntryId],
      );
      expect(lines).toEqual([
        { account: '5100', debit: '2500000.00', credit: '0.00', valueDate: '2026-09-01', kind: 'WRITE_OFF' },
        { account: '1200', debit: '0.00', credit: '2500000.00', valueDate: '2026-09-01', kind: 'WRITE_OFF' },
        { account: '5100', debit: '25000.00', credit: '0.00', valueDate: '2026-09-01', kind: 'WRITE_OFF' },
        { account: '1210', debit: '0.00', credit: '25000.00', valueDate: '2026-09-01', kind: 'WRITE_OFF' },
      ]);
      const [row] = await ds.query(
        `SELECT status, outstanding_principal::text AS outstanding, written_off_amount::text AS amount, written_off_on::text AS "on" FROM loan WHERE id = $1`,
        [loan.id],
      );
      expect(row).toEqual({ status: 'WRITTEN_OFF', outstanding: '0.00', amount: '2525000.00', on: '2026-09-01' });
      const view = (await t.http().get(`/api/loans/${loan.id}`).set(auth(officer.token)).expect(200)).body;
      expect(view).toMatchObject({ status: 'WRITTEN_OFF', outstandingPrincipal: '0.00' });
    });

    it('keeps the trial balance balanced, with 1200 equal to the outstanding principal of the loans', async () => {
      const balance = await expectBooksWhole();
      expect(balance[ACCOUNTS.LOANS_RECEIVABLE]).toBe('0.00');
      expect(balance[ACCOUNTS.LATE_FEES_RECEIVABLE]).toBe('0.00');
      expect(balance[ACCOUNTS.LOAN_LOSSES]).toBe('2525000.00');
    });

    it('is audited with the balances before and after', async () => {
      const [audit] = await ds.query(`SELECT actor_id, before, after FROM audit_log WHERE action = 'LOAN_WRITTEN_OFF' AND entity_id = $1`, [loan.id]);
      expect(audit.actor_id).toEqual(expect.any(String));
      expect(audit.before).toMatchObject({ status: 'ACTIVE', outstandingPrincipal: '2500000.00', lateFeesReceivable: '25000.00' });
      expect(audit.after).toMatchObject({ status: 'WRITTEN_OFF', outstandingPrincipal: '0.00', writtenOffAmount: '2525000.00', writtenOffOn: '2026-09-01', journalEntryId: answer.journalEntryId });
    });

    it('replays the first answer for the same key and body, with nothing posted twice; the same key with another body is 409', async () => {
      const replay = await writeOff(loan.id, 'wo-1').expect(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(answer);
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM journal_entry WHERE kind = 'WRITE_OFF' AND source_id = $1`, [loan.id]);
      expect(n).toBe(1);
      const reused = await writeOff(loan.id, 'wo-1', { reason: 'Lain' }).expect(409);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('only an ACTIVE loan: a second write-off, and a reschedule of a written-off loan, are 409 INVALID_STATE', async () => {
      expect((await writeOff(loan.id, 'wo-2').expect(409)).body.code).toBe('INVALID_STATE');
      const res = await t.http().post(`/api/loans/${loan.id}/reschedule`).set(auth(approver.token)).send({ newTenor: 3 }).expect(409);
      expect(res.body.code).toBe('INVALID_STATE');
    });

    it('of two concurrent write-offs of one loan under different keys, exactly one succeeds', async () => {
      const other = await book();
      await setBusinessDate('2026-09-01');
      const results = await Promise.all([writeOff(other.id, 'race-a'), writeOff(other.id, 'race-b')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM journal_entry WHERE kind = 'WRITE_OFF' AND source_id = $1`, [other.id]);
      expect(n).toBe(1);
      await expectBooksWhole();
    });

    it('422 NOTHING_TO_WRITE_OFF for an ACTIVE loan that owes nothing', async () => {
      const paid = await book();
      await payInFull(paid.id, [1, 2, 3, 4, 5, 6], '2026-01-20');
      await setBusinessDate('2026-09-01');
      expect((await writeOff(paid.id, 'wo-paid').expect(422)).body.code).toBe('NOTHING_TO_WRITE_OFF');
    });

    it('needs an Idempotency-Key and an approver; 400 for a blank reason; 404 for an unknown loan', async () => {
      const active = await book();
      await setBusinessDate('2026-09-01');
      expect((await writeOff(active.id, null).expect(400)).body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
      expect((await writeOff(active.id, 'x'.repeat(256)).expect(400)).body.code).toBe('IDEMPOTENCY_KEY_INVALID');
      for (const token of [finance.token, officer.token, t.adminToken]) expect((await writeOff(active.id, 'wo-role', undefined, token).expect(403)).body.code).toBe('FORBIDDEN');
      const blank = await writeOff(active.id, 'wo-blank', { reason: ' ' }).expect(400);
      expect(blank.body.errors[0].field).toBe('reason');
      await writeOff(active.id, 'wo-none', {}).expect(400);
      await writeOff('00000000-0000-4000-8000-000000000000', 'wo-404').expect(404);
      const [{ status }] = await ds.query(`SELECT status FROM loan WHERE id = $1`, [active.id]);
      expect(status).toBe('ACTIVE');
    });

    it('GET /api/loans/:id/write-off answers the write-off for staff; 404 for a loan not written off', async () => {
      const res = await t.http().get(`/api/loans/${loan.id}/write-off`).set(auth(officer.token)).expect(200);
      expect(res.body).toEqual(answer);
      const active = await book();
      await t.http().get(`/api/loans/${active.id}/write-off`).set(auth(officer.token)).expect(404);
    });
  });

  describe('POST /api/loans/:id/recoveries', () => {
    let loan: { id: string; number: string };

    beforeAll(async () => {
      loan = await book();
      await payInFull(loan.id, [1, 2], '2026-03-10');
      await setBusinessDate('2026-10-01');
      await writeOff(loan.id, 'rec-wo').expect(200);
      await setBusinessDate('2026-10-15');
    });

    it('Dr 1100 / Cr 5100, recorded with the loan totals; 1200 untouched', async () => {
      const before = await expectBooksWhole();
      const res = await recover(loan.id, 'rec-1', { amount: '500000', valueDate: '2026-10-14', channel: 'TELLER', reference: 'TLR-0042' }).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        loanId: loan.id,
        amount: '500000.00',
        valueDate: '2026-10-14',
        channel: 'TELLER',
        reference: 'TLR-0042',
        journalEntryId: expect.any(String),
        createdAt: expect.any(String),
        loan: { status: 'WRITTEN_OFF', writtenOffAmount: '2000000.00', recoveredAmount: '500000.00', recoverableAmount: '1500000.00' },
      });
      const lines = await ds.query(`SELECT account_code AS account, debit::text AS debit, credit::text AS credit FROM journal_line WHERE entry_id = $1 ORDER BY id`, [
        res.body.journalEntryId,
      ]);
      expect(lines).toEqual([
        { account: '1100', debit: '500000.00', credit: '0.00' },
        { account: '5100', debit: '0.00', credit: '500000.00' },
      ]);
      const [row] = await ds.query(`SELECT loan_id, amount::text AS amount, channel, reference FROM loan_recovery WHERE id = $1`, [res.body.id]);
      expect(row).toEqual({ loan_id: loan.id, amount: '500000.00', channel: 'TELLER', reference: 'TLR-0042' });
      const installments = await ds.query(`SELECT sum(principal_paid)::text AS paid FROM loan_installment WHERE loan_id = $1`, [loan.id]);
      expect(installments[0].paid).toBe('1000000.00');
      const after = await expectBooksWhole();
      expect(after[ACCOUNTS.LOANS_RECEIVABLE]).toBe(before[ACCOUNTS.LOANS_RECEIVABLE]);
      expect(Money.of(before[ACCOUNTS.LOAN_LOSSES]).minus(Money.of(after[ACCOUNTS.LOAN_LOSSES])).toString()).toBe('500000.00');
    });

    it('replays by key without posting twice', async () => {
      const body = { amount: '500000', valueDate: '2026-10-14', channel: 'TELLER', reference: 'TLR-0042' };
      const replay = await recover(loan.id, 'rec-1', body).expect(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body.loan.recoveredAmount).toBe('500000.00');
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM loan_recovery WHERE loan_id = $1`, [loan.id]);
      expect(n).toBe(1);
      expect((await recover(loan.id, 'rec-1', { ...body, amount: '1' }).expect(409)).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('422 RECOVERY_EXCEEDS_WRITTEN_OFF beyond what was written off minus recoveries; exactly the rest is fine, then nothing more', async () => {
      const over = await recover(loan.id, 'rec-over', { amount: '1500000.01', channel: 'VA', reference: 'VA-1' }).expect(422);
      expect(over.body).toMatchObject({ code: 'RECOVERY_EXCEEDS_WRITTEN_OFF', recoverableAmount: '1500000.00', recoveredAmount: '500000.00' });
      const rest = await recover(loan.id, 'rec-rest', { amount: '1500000', channel: 'VA', reference: 'VA-2' }).expect(201);
      expect(rest.body).toMatchObject({ valueDate: '2026-10-15', loan: { recoveredAmount: '2000000.00', recoverableAmount: '0.00' } });
      expect((await recover(loan.id, 'rec-more', { amount: '1', channel: 'TRANSFER', reference: 'TRF-1' }).expect(422)).body.code).toBe('RECOVERY_EXCEEDS_WRITTEN_OFF');
      // 5100 holds what is written off and not recovered: this loan now adds nothing to it.
      await expectBooksWhole();
      const summary = (await t.http().get(`/api/loans/${loan.id}/write-off`).set(auth(finance.token)).expect(200)).body;
      expect(summary).toMatchObject({ writtenOffAmount: '2000000.00', recoveredAmount: '2000000.00', recoverableAmount: '0.00' });
    });

    it('422 for a value date after the business date or before the write-off', async () => {
      const future = await recover(loan.id, 'rec-future', { amount: '1', valueDate: '2026-10-16', channel: 'TELLER', reference: 'R' }).expect(422);
      expect(future.body.code).toBe('VALUE_DATE_IN_FUTURE');
      const early = await recover(loan.id, 'rec-early', { amount: '1', valueDate: '2026-09-30', channel: 'TELLER', reference: 'R' }).expect(422);
      expect(early.body).toMatchObject({ code: 'VALUE_DATE_BEFORE_WRITE_OFF', writtenOffOn: '2026-10-01' });
    });

    it('409 INVALID_STATE on a loan that is not written off', async () => {
      const active = await book();
      await setBusinessDate('2026-10-15');
      const res = await recover(active.id, 'rec-active', { amount: '1000', channel: 'TELLER', reference: 'R' }).expect(409);
      expect(res.body.code).toBe('INVALID_STATE');
    });

    it.each([
      [{ amount: 1000, channel: 'TELLER', reference: 'R' }, 'amount'],
      [{ amount: '0', channel: 'TELLER', reference: 'R' }, 'amount'],
      [{ amount: '1.001', channel: 'TELLER', reference: 'R' }, 'amount'],
      [{ amount: '100', channel: 'CASH', reference: 'R' }, 'channel'],
      [{ amount: '100', channel: 'TELLER', reference: ' ' }, 'reference'],
      [{ amount: '100', channel: 'TELLER', reference: 'R', valueDate: '15-10-2026' }, 'valueDate'],
    ])('refuses %p: 400 naming the field', async (body, field) => {
      const res = await recover(loan.id, `rec-bad-${field}-${JSON.stringify(body).length}`, body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('finance only, with an Idempotency-Key; 404 for an unknown loan', async () => {
      const body = { amount: '1', channel: 'TELLER', reference: 'R' };
      for (const token of [approver.token, officer.token, t.adminToken]) await recover(loan.id, 'rec-role', body, token).expect(403);
      expect((await recover(loan.id, null, body).expect(400)).body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
      await recover('00000000-0000-4000-8000-000000000000', 'rec-404', body).expect(404);
    });

    it('GET /api/loans/:id/recoveries lists them newest first, a page at a time', async () => {
      const first = await t.http().get(`/api/loans/${loan.id}/recoveries`).query({ limit: 1 }).set(auth(officer.token)).expect(200);
      expect(first.body.items.map((r: { reference: string }) => r.reference)).toEqual(['VA-2']);
      const second = await t.http().get(`/api/loans/${loan.id}/recoveries`).query({ limit: 1, cursor: first.body.nextCursor }).set(auth(officer.token)).expect(200);
      expect(second.body).toEqual({ items: [expect.objectContaining({ reference: 'TLR-0042', amount: '500000.00' })], nextCursor: null });
      await t.http().get(`/api/loans/${loan.id}/recoveries`).query({ cursor: 'nope' }).set(auth(officer.token)).expect(400);
      await t.http().get('/api/loans/00000000-0000-4000-8000-000000000000/recoveries').set(auth(officer.token)).expect(404);
      const borrower = await t.userWithRoles(['borrower'], { borrowerId: (await ds.query(`SELECT borrower_id FROM loan WHERE id = $1`, [loan.id]))[0].borrower_id });
      await t.http().get(`/api/loans/${loan.id}/recoveries`).set(auth(borrower.token)).expect(403);
    });
  });
});
