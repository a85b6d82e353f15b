import { ACCOUNTS, LedgerService } from '#ledger';
import { Money } from '#money';
import { TransactionRunner } from '#platform';
import { DataSource } from 'typeorm';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { disbursedLoan } from '../support/approved-application.js';

// Restructure and area moratorium over HTTP, on loans booked through the disbursement flow. Repayments
// and late fees are written the way the repayment and close-of-day areas write them (installments,
// loan balance and a balanced journal entry), so that these specs do not depend on those endpoints.

interface Booked {
  id: string;
  number: string;
  borrowerId: string;
}

type Installment = { number: number; dueDate: string; principalDue: string; principalPaid: string; lateFeeDue: string; status: string };

describe('servicing: reschedule and area moratorium (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: { token: string };
  let finance: { token: string };
  let approver: { token: string };
  let programmeId: string;
  let product: string;
  let movingProduct: string;
  /** A programme and products of their own for the moratorium, so that it counts only its own loans. */
  let areaProgrammeId: string;
  let areaProduct: string;
  let areaMovingProduct: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const setBusinessDate = (date: string) => ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [date]);

  /** Orders and confirms a loan on `disbursedOn` in `districtCode`. */
  const book = async (opts: { productId?: string; amount: string; tenor: number; disbursedOn: string; districtCode?: string }): Promise<Booked> => {
    await setBusinessDate(opts.disbursedOn);
    const loan = await disbursedLoan(t, {
      officerToken: officer.token,
      financeToken: finance.token,
      productId: opts.productId ?? product,
      amount: opts.amount,
      tenor: opts.tenor,
      applicant: { districtCode: opts.districtCode ?? '35.26.01' },
      valueDate: opts.disbursedOn,
    });
    return { id: loan.loanId, number: loan.loanNumber, borrowerId: loan.borrowerId };
  };

  /** What a repayment writes: principal onto current installments, the loan balance, Dr 1100 / Cr 1200. */
  const pay = async (loanId: string, paid: Record<number, string>, valueDate: string) => {
    let total = Money.zero();
    for (const [number, amount] of Object.entries(paid)) {
      await ds.query(
        `UPDATE loan_installment SET principal_paid = principal_paid + $3::numeric,
                paid_on = CASE WHEN principal_paid + $3::numeric = principal_due THEN $4::date END
          WHERE loan_id = $1 AND number = $2 AND superseded_at IS NULL`,
        [loanId, Number.parseInt(number, 10), amount, valueDate],
      );
      total = total.plus(Money.of(amount));
    }
    await ds.query(`UPDATE loan SET outstanding_principal = outstanding_principal - $2::numeric WHERE id = $1`, [loanId, total.toString()]);
    const [{ programme_id: loanProgramme }] = await ds.query(`SELECT programme_id FROM loan WHERE id = $1`, [loanId]);
    await t.app.get(TransactionRunner).run((em) =>
      t.app.get(LedgerService).post(em, {
        programmeId: loanProgramme,
        valueDate,
        kind: 'REPAYMENT',
        description: 'spec repayment',
        lines: [
          { account: ACCOUNTS.CASH, debit: total },
          { account: ACCOUNTS.LOANS_RECEIVABLE, credit: total },
        ],
      }),
    );
  };

  const schedule = async (loanId: string): Promise<Installment[]> =>
    (await t.http().get(`/api/loans/${loanId}/schedule`).set(auth(officer.token)).expect(200)).body.installments;
  const rows = async (loanId: string) =>
    ds.query(
      `SELECT number, due_date::text AS "dueDate", principal_due::text AS "principalDue", principal_paid::text AS "principalPaid",
              schedule_version AS version, superseded_at IS NOT NULL AS superseded
         FROM loan_installment WHERE loan_id = $1 ORDER BY schedule_version, number`,
      [loanId],
    );
  const oldestUnpaid = async (loanId: string) =>
    (await ds.query(`SELECT oldest_unpaid_due_date::text AS d FROM loan WHERE id = $1`, [loanId]))[0].d as string | null;
  const reschedule = (loanId: string, body: Record<string, unknown>, token = approver.token) =>
    t.http().post(`/api/loans/${loanId}/reschedule`).set(auth(token)).send(body);
  const moratorium = (body: Record<string, unknown>, token = approver.token) => t.http().post('/api/loans/moratorium').set(auth(token)).send(body);
  const sen = (amounts: string[]) => amounts.reduce((s, a) => s + BigInt(a.replace('.', '')), 0n);

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
    approver = await t.userWithRoles(['approver']);
    programmeId = await buildProgramme(ds, 'SRVC-UMKM');
    product = await buildProduct(ds, { programmeId });
    movingProduct = await buildProduct(ds, { programmeId });
    areaProgrammeId = await buildProgramme(ds, 'AREA-UMKM');
    areaProduct = await buildProduct(ds, { programmeId: areaProgrammeId });
    areaMovingProduct = await buildProduct(ds, { programmeId: areaProgrammeId });
    await ds.query(`UPDATE product SET move_due_dates_off_holidays = true WHERE id = ANY($1)`, [[movingProduct, areaMovingProduct]]);
    await setBusinessDate('2026-01-01');
    for (const id of [programmeId, areaProgrammeId])
      await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', `cap-${id}`).send({ programmeId: id, amount: '100000000', reference: 'SP2D' }).expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/loans/:id/reschedule', () => {
    let golden: Booked;

    beforeAll(async () => {
      // Rp3,000,000 over 6 months at unit 1,000: 6 x 500,000 due on the 15th, Feb to Jul.
      golden = await book({ amount: '3000000', tenor: 6, disbursedOn: '2026-01-15' });
      await pay(golden.id, { 1: '500000', 2: '500000' }, '2026-03-10');
    });

    it('golden: the 2,000,000 remaining over 4 at unit 1,000 UP is 4 x 500,000, the overdue installment folded in, history kept', async () => {
      await setBusinessDate('2026-04-20');
      const before = (await t.http().get(`/api/loans/${golden.id}`).set(auth(officer.token)).expect(200)).body;
      expect(before).toMatchObject({ outstandingPrincipal: '2000000.00', overdueAmount: '500000.00', daysPastDue: 5 });

      const res = await reschedule(golden.id, { newTenor: 4, reason: 'Usaha terdampak banjir' }).expect(200);
      expect(res.body.scheduleVersion).toBe(2);
      expect(res.body.loan).toMatchObject({
        id: golden.id,
        status: 'ACTIVE',
        outstandingPrincipal: '2000000.00',
        overdueAmount: '0.00',
        daysPastDue: 0,
        collectibility: 1,
        nextDueDate: '2026-05-20',
        nextDueAmount: '500000.00',
      });
      const expected = [
        { number: 1, dueDate: '2026-02-15', principalDue: '500000.00', principalPaid: '500000.00', lateFeeDue: '0.00', lateFeePaid: '0.00', status: 'PAID', paidOn: '2026-03-10' },
        { number: 2, dueDate: '2026-03-15', principalDue: '500000.00', principalPaid: '500000.00', lateFeeDue: '0.00', lateFeePaid: '0.00', status: 'PAID', paidOn: '2026-03-10' },
        { number: 3, dueDate: '2026-05-20', principalDue: '500000.00', principalPaid: '0.00', lateFeeDue: '0.00', lateFeePaid: '0.00', status: 'UPCOMING' },
        { number: 4, dueDate: '2026-06-20', principalDue: '500000.00', principalPaid: '0.00', lateFeeDue: '0.00', lateFeePaid: '0.00', status: 'UPCOMING' },
        { number: 5, dueDate: '2026-07-20', principalDue: '500000.00', principalPaid: '0.00', lateFeeDue: '0.00', lateFeePaid: '0.00', status: 'UPCOMING' },
        { number: 6, dueDate: '2026-08-20', principalDue: '500000.00', principalPaid: '0.00', lateFeeDue: '0.00', lateFeePaid: '0.00', status: 'UPCOMING' },
      ];
      expect(res.body.installments).toEqual(expected);
      expect(await schedule(golden.id)).toEqual(expected);
      // The unpaid part of the current schedule sums to the outstanding principal.
      const unpaid = expected.filter((i) => i.status !== 'PAID').map((i) => i.principalDue);
      expect(sen(unpaid)).toBe(200000000n);
      // DPD resets: the oldest unpaid due date is the new first due date.
      expect(await oldestUnpaid(golden.id)).toBe('2026-05-20');

      // History: the four replaced rows stay, superseded, as version 1.
      const all = await rows(golden.id);
      expect(all.filter((r: { superseded: boolean }) => r.superseded).map((r: { number: number; dueDate: string; version: number }) => [r.version, r.number, r.dueDate])).toEqual([
        [1, 3, '2026-04-15'],
        [1, 4, '2026-05-15'],
        [1, 5, '2026-06-15'],
        [1, 6, '2026-07-15'],
      ]);
      expect(all).toHaveLength(10);
    });

    it('is audited with the replaced installments before and the new ones after', async () => {
      const [audit] = await ds.query(`SELECT actor_id, before, after FROM audit_log WHERE action = 'LOAN_RESCHEDULED' AND entity_id = $1`, [golden.id]);
      expect(audit.actor_id).toEqual(expect.any(String));
      expect(audit.before).toMatchObject({ outstandingPrincipal: '2000000.00', oldestUnpaidDueDate: '2026-04-15', scheduleVersion: 1 });
      expect(audit.before.supersededInstallments.map((i: { number: number }) => i.number)).toEqual([3, 4, 5, 6]);
      expect(audit.after).toMatchObject({ newTenor: 4, reason: 'Usaha terdampak banjir', scheduleVersion: 2, businessDate: '2026-04-20', oldestUnpaidDueDate: '2026-05-20' });
      expect(audit.after.installments.map((i: { principalDue: string }) => i.principalDue)).toEqual(['500000.00', '500000.00', '500000.00', '500000.00']);
    });

    it('a second restructure adds version 3 and keeps both earlier versions; a partly paid row keeps its paid part as history', async () => {
      await pay(golden.id, { 3: '200000' }, '2026-04-21');
      await setBusinessDate('2026-04-22');
      const res = await reschedule(golden.id, { newTenor: 3, firstDueDate: '2026-06-01' }).expect(200);
      expect(res.body.scheduleVersion).toBe(3);
      // 1,800,000 over 3: 600,000 each, from the first due date, numbered on after the paid rows.
      expect(res.body.installments.map((i: Installment) => [i.number, i.dueDate, i.principalDue, i.status])).toEqual([
        [1, '2026-02-15', '500000.00', 'PAID'],
        [2, '2026-03-15', '500000.00', 'PAID'],
        [3, '2026-06-01', '600000.00', 'UPCOMING'],
        [4, '2026-07-01', '600000.00', 'UPCOMING'],
        [5, '2026-08-01', '600000.00', 'UPCOMING'],
      ]);
      expect(res.body.loan).toMatchObject({ outstandingPrincipal: '1800000.00', nextDueDate: '2026-06-01', nextDueAmount: '600000.00' });
      const partly = (await rows(golden.id)).find((r: { version: number; number: number }) => r.version === 2 && r.number === 3);
      expect(partly).toMatchObject({ superseded: true, principalDue: '500000.00', principalPaid: '200000.00' });
      const versions = await ds.query(`SELECT schedule_version AS v, count(*)::int AS n FROM loan_installment WHERE loan_id = $1 GROUP BY 1 ORDER BY 1`, [golden.id]);
      expect(versions).toEqual([
        { v: 1, n: 6 },
        { v: 2, n: 4 },
        { v: 3, n: 3 },
      ]);
    });

    it('folds overdue installments into a schedule from a first due date on the business date itself', async () => {
      // Rp1,000,000 over 3: 334,000 / 334,000 / 332,000 due Feb 15, Mar 15, Apr 15; nothing paid.
      const loan = await book({ amount: '1000000', tenor: 3, disbursedOn: '2026-01-15' });
      await setBusinessDate('2026-04-20');
      expect((await t.http().get(`/api/loans/${loan.id}`).set(auth(officer.token)).expect(200)).body).toMatchObject({ daysPastDue: 64, collectibility: 2 });
      const res = await reschedule(loan.id, { newTenor: 2, firstDueDate: '2026-04-20' }).expect(200);
      expect(res.body.installments.map((i: Installment) => [i.number, i.dueDate, i.principalDue, i.status])).toEqual([
        [1, '2026-04-20', '500000.00', 'DUE'],
        [2, '2026-05-20', '500000.00', 'UPCOMING'],
      ]);
      expect(res.body.loan).toMatchObject({ overdueAmount: '0.00', daysPastDue: 0, collectibility: 1, nextDueDate: '2026-04-20' });
    });

    it('moves new due dates off weekends and holidays when the loan terms say so', async () => {
      const loan = await book({ productId: movingProduct, amount: '1000000', tenor: 3, disbursedOn: '2026-01-15' });
      await setBusinessDate('2026-04-01');
      // One period after the business date is Friday 2026-05-01, Hari Buruh: the next working day is Monday 2026-05-04.
      // Monday 2026-06-01 is Hari Lahir Pancasila: Tuesday 2026-06-02.
      const res = await reschedule(loan.id, { newTenor: 3 }).expect(200);
      expect(res.body.installments.map((i: Installment) => i.dueDate)).toEqual(['2026-05-04', '2026-06-02', '2026-07-01']);
    });

    it('refuses a first due date before the business date (422) and a rounding unit that leaves an installment at zero (422)', async () => {
      await setBusinessDate('2026-04-22');
      const past = await reschedule(golden.id, { newTenor: 3, firstDueDate: '2026-04-21' }).expect(422);
      expect(past.body).toMatchObject({ code: 'FIRST_DUE_DATE_IN_PAST', businessDate: '2026-04-22' });
      // 500 left over 2 at unit 1,000 UP: 1,000 + (-500).
      const small = await book({ amount: '1000000', tenor: 3, disbursedOn: '2026-01-15' });
      await pay(small.id, { 1: '334000', 2: '334000', 3: '331500' }, '2026-02-01');
      await setBusinessDate('2026-04-22');
      const unit = await reschedule(small.id, { newTenor: 2 }).expect(422);
      expect(unit.body.code).toBe('SCHEDULE_UNIT_TOO_LARGE');
    });

    it('only an ACTIVE loan: 409 INVALID_STATE', async () => {
      const loan = await book({ amount: '1000000', tenor: 3, disbursedOn: '2026-01-15' });
      await pay(loan.id, { 1: '334000', 2: '334000', 3: '332000' }, '2026-02-01');
      await ds.query(`UPDATE loan SET status = 'CLOSED' WHERE id = $1`, [loan.id]);
      await setBusinessDate('2026-04-22');
      const res = await reschedule(loan.id, { newTenor: 2 }).expect(409);
      expect(res.body.code).toBe('INVALID_STATE');
    });

    it('is for approvers: 403 for finance and loan officers, 401 without a token', async () => {
      for (const token of [finance.token, officer.token]) {
        const res = await reschedule(golden.id, { newTenor: 3 }, token).expect(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      await t.http().post(`/api/loans/${golden.id}/reschedule`).send({ newTenor: 3 }).expect(401);
    });

    it.each([
      [{ newTenor: 0 }, 'newTenor'],
      [{ newTenor: 121 }, 'newTenor'],
      [{ newTenor: '4' }, 'newTenor'],
      [{}, 'newTenor'],
      [{ newTenor: 4, firstDueDate: '2026-02-30' }, 'firstDueDate'],
      [{ newTenor: 4, reason: '  ' }, 'reason'],
      [{ newTenor: 4, principal: '1' }, 'principal'],
    ])('refuses %p: 400 naming the field', async (body, field) => {
      const res = await reschedule(golden.id, body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('404 for an unknown loan, 400 for an id that is not a UUID', async () => {
      await reschedule('00000000-0000-4000-8000-000000000000', { newTenor: 3 }).expect(404);
      const bad = await reschedule('BKL-2026-000001', { newTenor: 3 }).expect(400);
      expect(bad.body.errors[0].field).toBe('id');
    });
  });

  describe('OpenAPI', () => {
    it('documents every servicing and self-service route with its error answers', async () => {
      const paths = (await t.http().get('/api/docs-json').expect(200)).body.paths;
      const codes = (op: { responses: Record<string, unknown> }) => Object.keys(op.responses);
      expect(codes(paths['/api/loans/{id}/reschedule'].post)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409', '422']));
      expect(paths['/api/loans/{id}/reschedule'].post.responses['422'].description).toContain('FIRST_DUE_DATE_IN_PAST');
      expect(codes(paths['/api/loans/moratorium'].post)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404']));
      const writeOff = paths['/api/loans/{id}/write-off'].post;
      expect(writeOff.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
      expect(codes(writeOff)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409', '422']));
      expect(writeOff.responses['409'].description).toMatch(/INVALID_STATE.*IDEMPOTENCY_KEY_REUSED/);
      const recoveries = paths['/api/loans/{id}/recoveries'].post;
      expect(recoveries.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
      expect(codes(recoveries)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '409', '422']));
      expect(recoveries.responses['422'].description).toContain('RECOVERY_EXCEEDS_WRITTEN_OFF');
      for (const p of ['/api/loans/{id}/write-off', '/api/loans/{id}/recoveries', '/api/me/loans', '/api/me/loans/{id}/schedule'])
        expect(codes(paths[p].get)).toEqual(expect.arrayContaining(['200', '401', '403']));
    });
  });

  describe('POST /api/loans/moratorium', () => {
    let inBangkalan: Booked;
    let inSocah: Booked;
    let inSocahMoving: Booked;
    let inBurneh: Booked;
    let closedInBangkalan: Booked;

    const dates = async (loanId: string) => (await schedule(loanId)).map((i) => i.dueDate);

    beforeAll(async () => {
      // 3 x 400,000 from Jan 31: due Feb 28, Mar 31, Apr 30 (clamped to each month's end).
      inBangkalan = await book({ productId: areaProduct, amount: '1200000', tenor: 3, disbursedOn: '2026-01-31', districtCode: '35.26.01' });
      await pay(inBangkalan.id, { 1: '400000', 2: '100000' }, '2026-02-27');
      // 334,000 / 334,000 / 332,000 due Feb 15, Mar 15, Apr 15.
      inSocah = await book({ productId: areaProduct, amount: '1000000', tenor: 3, disbursedOn: '2026-01-15', districtCode: '35.26.02' });
      // From Tuesday Jan 20, moving off holidays: Feb 20, Mar 20 (cuti bersama Idul Fitri, to Wednesday Mar 25), Apr 20.
      inSocahMoving = await book({ productId: areaMovingProduct, amount: '1000000', tenor: 3, disbursedOn: '2026-01-20', districtCode: '35.26.02' });
      inBurneh = await book({ productId: areaProduct, amount: '1000000', tenor: 3, disbursedOn: '2026-01-15', districtCode: '35.26.03' });
      closedInBangkalan = await book({ productId: areaProduct, amount: '1000000', tenor: 3, disbursedOn: '2026-01-15', districtCode: '35.26.01' });
      await ds.query(`UPDATE loan SET status = 'CLOSED' WHERE id = $1`, [closedInBangkalan.id]);
      // A Bangkalan regency holiday: it applies in every one of its kecamatan.
      await ds.query(`INSERT INTO holiday (date, name, kind, region_code) VALUES ('2026-05-20', 'Hari Jadi (spec)', 'REGIONAL', '35.26')`);
      await setBusinessDate('2026-03-20');
      expect(await dates(inSocahMoving.id)).toEqual(['2026-02-20', '2026-03-25', '2026-04-20']);
    });

    it('moves only ACTIVE loans in the named kecamatan, unpaid installments only, clamped to month ends, off holidays per terms, in one step', async () => {
      const before = {
        burneh: await dates(inBurneh.id),
        closed: await dates(closedInBangkalan.id),
      };
      const res = await moratorium({ programmeId: areaProgrammeId, districtCodes: ['35.26.01', '35.26.02'], from: '2026-02-01', months: 3 }).expect(200);
      expect(res.body).toEqual({
        id: expect.any(String),
        programmeId: areaProgrammeId,
        districtCodes: ['35.26.01', '35.26.02'],
        from: '2026-02-01',
        months: 3,
        loansAffected: 3,
        installmentsShifted: 8,
      });
      // Paid installment 1 stays; partly paid Mar 31 -> Jun 30 (clamped), Apr 30 -> Jul 30.
      expect((await schedule(inBangkalan.id)).map((i) => [i.dueDate, i.principalPaid, i.status])).toEqual([
        ['2026-02-28', '400000.00', 'PAID'],
        ['2026-06-30', '100000.00', 'PARTIALLY_PAID'],
        ['2026-07-30', '0.00', 'UPCOMING'],
      ]);
      // No holiday moving in these terms: May 15 stays although it is cuti bersama.
      expect(await dates(inSocah.id)).toEqual(['2026-05-15', '2026-06-15', '2026-07-15']);
      // Moving terms: May 20 is the regency's holiday -> May 21; Mar 25 -> Jun 25; Apr 20 -> Jul 20.
      expect(await dates(inSocahMoving.id)).toEqual(['2026-05-21', '2026-06-25', '2026-07-20']);
      expect(await dates(inBurneh.id)).toEqual(before.burneh);
      expect(await dates(closedInBangkalan.id)).toEqual(before.closed);

      // Overdue installments moved past the business date: nothing is in arrears any more.
      for (const loan of [inBangkalan, inSocah, inSocahMoving])
        expect((await t.http().get(`/api/loans/${loan.id}`).set(auth(officer.token)).expect(200)).body).toMatchObject({ daysPastDue: 0, overdueAmount: '0.00' });
      expect(await oldestUnpaid(inSocah.id)).toBe('2026-05-15');
      expect(await oldestUnpaid(inBurneh.id)).toBe('2026-02-15');

      const moved = await ds.query(
        `SELECT loan_id, due_date_before::text AS b, due_date_after::text AS a FROM loan_moratorium_installment WHERE moratorium_id = $1 ORDER BY loan_id, b`,
        [res.body.id],
      );
      expect(moved).toHaveLength(8);
      expect(moved.filter((m: { loan_id: string }) => m.loan_id === inBangkalan.id).map((m: { b: string; a: string }) => [m.b, m.a])).toEqual([
        ['2026-03-31', '2026-06-30'],
        ['2026-04-30', '2026-07-30'],
      ]);
      const [audit] = await ds.query(`SELECT after FROM audit_log WHERE action = 'LOAN_MORATORIUM_APPLIED' AND entity_id = $1`, [res.body.id]);
      expect(audit.after).toMatchObject({ loansAffected: 3, installmentsShifted: 8, businessDate: '2026-03-20' });
      expect([...audit.after.loanIds].sort()).toEqual([inBangkalan.id, inSocah.id, inSocahMoving.id].sort());
    });

    it('moves only installments due on or after `from`', async () => {
      // inSocah is now due May 15, Jun 15, Jul 15: from Jun 1, only the last two move, by one month.
      const res = await moratorium({ programmeId: areaProgrammeId, districtCodes: ['35.26.02'], from: '2026-06-01', months: 1 }).expect(200);
      expect(res.body).toMatchObject({ loansAffected: 2 });
      expect(await dates(inSocah.id)).toEqual(['2026-05-15', '2026-07-15', '2026-08-15']);
    });

    it('reads the default programme when none is named: this suite’s loans are not in it', async () => {
      const res = await moratorium({ districtCodes: ['35.26.01'], from: '2026-01-01', months: 2 }).expect(200);
      expect(res.body).toMatchObject({ loansAffected: 0, installmentsShifted: 0 });
    });

    it('400 naming the index of a kecamatan that does not exist', async () => {
      const res = await moratorium({ programmeId: areaProgrammeId, districtCodes: ['35.26.01', '35.26.99', '51.03.01', '99.99.99'], from: '2026-02-01', months: 3 }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors).toEqual([
        { field: 'districtCodes[1]', code: 'REGION_UNKNOWN', message: expect.stringContaining('35.26.99') },
        { field: 'districtCodes[3]', code: 'REGION_UNKNOWN', message: expect.stringContaining('99.99.99') },
      ]);
    });

    it.each([
      [{ districtCodes: [], from: '2026-02-01', months: 3 }, 'districtCodes'],
      [{ districtCodes: ['35.26'], from: '2026-02-01', months: 3 }, 'districtCodes'],
      [{ districtCodes: ['35.26.01', '35.26.01'], from: '2026-02-01', months: 3 }, 'districtCodes'],
      [{ districtCodes: ['35.26.01'], from: '2026-02-31', months: 3 }, 'from'],
      [{ districtCodes: ['35.26.01'], from: '2026-02-01', months: 0 }, 'months'],
      [{ districtCodes: ['35.26.01'], from: '2026-02-01', months: 25 }, 'months'],
      [{ districtCodes: ['35.26.01'], from: '2026-02-01' }, 'months'],
      [{ districtCodes: ['35.26.01'], from: '2026-02-01', months: 1, programmeId: 'x' }, 'programmeId'],
    ])('refuses %p: 400 naming the field', async (body, field) => {
      const res = await moratorium(body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('404 for an unknown programme; approvers only', async () => {
      await moratorium({ programmeId: '00000000-0000-4000-8000-000000000000', districtCodes: ['35.26.01'], from: '2026-02-01', months: 1 }).expect(404);
      for (const token of [finance.token, officer.token, t.adminToken])
        await moratorium({ programmeId: areaProgrammeId, districtCodes: ['35.26.01'], from: '2026-02-01', months: 1 }, token).expect(403);
    });
  });
});
