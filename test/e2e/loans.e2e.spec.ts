import { DataSource } from 'typeorm';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { approvedApplication } from '../support/approved-application.js';
import { insertBorrower } from '../support/fixtures.js';

// Loans are disbursed on this date: Rp1,000,000 over 3 months, unit 1,000 rounded up, remainder last:
// 334,000 on 2026-02-15, 334,000 on 2026-03-15, 332,000 on 2026-04-15.
const DISBURSED = '2026-01-15';

describe('loans: the account, its standing and its schedule (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: { token: string };
  let finance: { token: string };
  let programmeId: string;
  let bankLoan: { id: string; number: string; virtualAccount: string; borrowerId: string; productId: string };
  let bprLoan: { id: string };
  let seq = 0;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const setBusinessDate = (date: string) => ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [date]);
  const getLoan = async (id: string, token = finance.token) => (await t.http().get(`/api/loans/${id}`).set(auth(token)).expect(200)).body;
  const schedule = async (id: string) => (await t.http().get(`/api/loans/${id}/schedule`).set(auth(officer.token)).expect(200)).body.installments;
  const list = async (query: Record<string, unknown>) =>
    (await t.http().get('/api/loans').query({ programmeId, limit: 500, ...query }).set(auth(officer.token)).expect(200)).body.items.map((l: { id: string }) => l.id);
  /** Orders and confirms a loan of Rp1,000,000 over 3 months on DISBURSED; returns the confirmation. */
  const book = async (productId: string, districtCode = '35.26.01') => {
    await setBusinessDate(DISBURSED);
    const app = await approvedApplication(t, { officerToken: officer.token, productId, amount: '1000000', tenor: 3, applicant: { districtCode } });
    const placed = await t
      .http()
      .post('/api/disbursements')
      .set(auth(finance.token))
      .set('Idempotency-Key', `o-${++seq}`)
      .send({ applicationId: app.id, bankCode: '114', accountNumber: '0011223344', accountName: 'Siti Aminah' })
      .expect(201);
    const confirmed = await t
      .http()
      .post(`/api/disbursements/${placed.body.id}/confirm`)
      .set(auth(finance.token))
      .set('Idempotency-Key', `c-${++seq}`)
      .send({ valueDate: DISBURSED, bankReference: `JTM-${seq}` })
      .expect(200);
    return { id: confirmed.body.loanId as string, number: confirmed.body.loanNumber as string, virtualAccount: confirmed.body.virtualAccount as string, borrowerId: app.borrowerId, productId };
  };

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
    // A programme of its own, so that list filters see only this suite's loans.
    programmeId = await buildProgramme(ds, 'LOANSPEC-UMKM');
    const bankProduct = await buildProduct(ds, { programmeId });
    const bprProduct = await buildProduct(ds, { programmeId });
    await ds.query(`UPDATE product SET collectibility_table = 'BPR' WHERE id = $1`, [bprProduct]);
    await setBusinessDate(DISBURSED);
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', 'cap').send({ programmeId, amount: '100000000', reference: 'SP2D' }).expect(201);
    bankLoan = await book(bankProduct);
    bprLoan = await book(bprProduct, '35.26.02');
  });
  afterAll(async () => {
    await t.close();
  });

  describe('GET /api/loans/:id', () => {
    it("answers exactly api.md's fields on the disbursement day: nothing overdue, Kol 1, the first installment next", async () => {
      await setBusinessDate(DISBURSED);
      const loan = await getLoan(bankLoan.id);
      expect(Object.keys(loan).sort()).toEqual(
        [
          'id', 'number', 'borrowerId', 'productId', 'status', 'principal', 'outstandingPrincipal', 'overdueAmount', 'daysPastDue',
          'collectibility', 'nextDueDate', 'nextDueAmount', 'virtualAccount', 'disbursedOn',
        ].sort(),
      );
      expect(loan).toEqual({
        id: bankLoan.id,
        number: bankLoan.number,
        borrowerId: bankLoan.borrowerId,
        productId: bankLoan.productId,
        status: 'ACTIVE',
        principal: '1000000.00',
        outstandingPrincipal: '1000000.00',
        overdueAmount: '0.00',
        daysPastDue: 0,
        collectibility: 1,
        nextDueDate: '2026-02-15',
        nextDueAmount: '334000.00',
        virtualAccount: bankLoan.virtualAccount,
        disbursedOn: DISBURSED,
      });
      expect(bankLoan.number).toMatch(/^LOANSPEC-2026-\d{6}$/);
      expect(bankLoan.virtualAccount).toMatch(/^114000012026\d{6}$/);
    });

    it.each([
      ['2026-02-15', '0.00', 0, 1, 1, '2026-02-15'],
      ['2026-02-16', '334000.00', 1, 2, 1, '2026-03-15'],
      ['2026-03-17', '668000.00', 30, 2, 1, '2026-04-15'],
      ['2026-03-18', '668000.00', 31, 2, 2, '2026-04-15'],
      ['2026-05-20', '1000000.00', 94, 3, 3, null],
      ['2026-08-15', '1000000.00', 181, 5, 4, null],
    ])('on %s: overdue %s, %i days past due, Kol %i on the BANK table and Kol %i on the BPR table', async (date, overdue, dpd, bankKol, bprKol, next) => {
      await setBusinessDate(date);
      expect(await getLoan(bankLoan.id)).toMatchObject({ overdueAmount: overdue, daysPastDue: dpd, collectibility: bankKol, nextDueDate: next });
      expect(await getLoan(bprLoan.id)).toMatchObject({ overdueAmount: overdue, daysPastDue: dpd, collectibility: bprKol });
    });

    it('counts from the oldest installment not fully paid once the first is paid', async () => {
      // What the repayment issue will write; the trigger keeps the loan's oldest unpaid due date.
      await ds.query(`UPDATE loan_installment SET principal_paid = principal_due, paid_on = '2026-02-14' WHERE loan_id = $1 AND number = 1`, [bankLoan.id]);
      const [paid] = await ds.query(`SELECT payment_status FROM loan_installment WHERE loan_id = $1 AND number = 1`, [bankLoan.id]);
      expect(paid.payment_status).toBe('PAID');
      await ds.query(`UPDATE loan SET outstanding_principal = 666000 WHERE id = $1`, [bankLoan.id]);
      const [{ oldest }] = await ds.query(`SELECT oldest_unpaid_due_date::text AS oldest FROM loan WHERE id = $1`, [bankLoan.id]);
      expect(oldest).toBe('2026-03-15');
      await setBusinessDate('2026-03-20');
      expect(await getLoan(bankLoan.id)).toMatchObject({ outstandingPrincipal: '666000.00', overdueAmount: '334000.00', daysPastDue: 5, collectibility: 2, nextDueDate: '2026-04-15' });
    });

    it('answers staff (any staff role), not borrowers: 403; 404 for an unknown loan, 400 for a bad id', async () => {
      const admin = await getLoan(bankLoan.id, t.adminToken);
      expect(admin.id).toBe(bankLoan.id);
      const approver = await t.userWithRoles(['approver']);
      await getLoan(bankLoan.id, approver.token);
      const borrower = await t.userWithRoles(['borrower'], { borrowerId: bankLoan.borrowerId });
      const res = await t.http().get(`/api/loans/${bankLoan.id}`).set(auth(borrower.token)).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
      await t.http().get(`/api/loans/${bankLoan.id}/schedule`).set(auth(borrower.token)).expect(403);
      await t.http().get('/api/loans/00000000-0000-4000-8000-000000000000').set(auth(finance.token)).expect(404);
      await t.http().get('/api/loans/00000000-0000-4000-8000-000000000000/schedule').set(auth(finance.token)).expect(404);
      const bad = await t.http().get('/api/loans/BKL-2026-000001').set(auth(finance.token)).expect(400);
      expect(bad.body.errors[0].field).toBe('id');
      await t.http().get(`/api/loans/${bankLoan.id}`).expect(401);
    });
  });

  describe('GET /api/loans/:id/schedule', () => {
    it('lists the installments with their amounts and status on the business date, summing to the principal', async () => {
      await setBusinessDate('2026-03-15');
      const installments = await schedule(bprLoan.id);
      expect(installments).toEqual([
        { number: 1, dueDate: '2026-02-15', principalDue: '334000.00', principalPaid: '0.00', lateFeeDue: '0.00', lateFeePaid: '0.00', status: 'OVERDUE' },
        { number: 2, dueDate: '2026-03-15', principalDue: '334000.00', principalPaid: '0.00', lateFeeDue: '0.00', lateFeePaid: '0.00', status: 'DUE' },
        { number: 3, dueDate: '2026-04-15', principalDue: '332000.00', principalPaid: '0.00', lateFeeDue: '0.00', lateFeePaid: '0.00', status: 'UPCOMING' },
      ]);
      const sen = installments.reduce((s: bigint, i: { principalDue: string }) => s + BigInt(i.principalDue.replace('.', '')), 0n);
      expect(sen).toBe(100000000n);
    });

    it('shows PAID with paidOn and PARTIALLY_PAID for a payment ahead of its date', async () => {
      await ds.query(`UPDATE loan_installment SET principal_paid = 100000 WHERE loan_id = $1 AND number = 3`, [bankLoan.id]);
      await setBusinessDate('2026-03-01');
      const installments = await schedule(bankLoan.id);
      expect(installments[0]).toMatchObject({ status: 'PAID', paidOn: '2026-02-14', principalPaid: '334000.00' });
      expect(installments[1]).toMatchObject({ status: 'UPCOMING' });
      expect(installments[1]).not.toHaveProperty('paidOn');
      expect(installments[2]).toMatchObject({ status: 'PARTIALLY_PAID', principalPaid: '100000.00' });
    });
  });

  describe('GET /api/loans', () => {
    it('filters by collectibility on the business date, each loan by its own table', async () => {
      // The bank loan's first installment is paid (above): it counts from 2026-03-15, the BPR loan from 2026-02-15.
      await setBusinessDate('2026-04-20');
      // Bank loan: 36 days past due -> Kol 2. BPR loan: 64 days -> Kol 2.
      expect((await list({ collectibility: 2 })).sort()).toEqual([bankLoan.id, bprLoan.id].sort());
      expect(await list({ collectibility: 1 })).toEqual([]);
      await setBusinessDate('2026-02-20');
      // Bank loan: first paid, second not yet due -> Kol 1. BPR loan: 5 days -> Kol 1 on the BPR table.
      expect((await list({ collectibility: 1 })).sort()).toEqual([bankLoan.id, bprLoan.id].sort());
      await setBusinessDate('2026-06-25');
      // Bank loan: 102 days -> Kol 3 (BANK). BPR loan: 130 days -> Kol 3 (BPR).
      expect((await list({ collectibility: 3 })).sort()).toEqual([bankLoan.id, bprLoan.id].sort());
      await setBusinessDate('2026-07-20');
      // Bank loan: 127 days -> Kol 4. BPR loan: 155 days -> Kol 3.
      expect(await list({ collectibility: 4 })).toEqual([bankLoan.id]);
      expect(await list({ collectibility: 3 })).toEqual([bprLoan.id]);
      for (const id of [bankLoan.id, bprLoan.id]) {
        const loan = await getLoan(id);
        expect(await list({ collectibility: loan.collectibility })).toContain(id);
      }
    });

    it('filters by status and kecamatan, newest first, a page at a time', async () => {
      expect(await list({ status: 'ACTIVE' })).toEqual([bprLoan.id, bankLoan.id]);
      expect(await list({ status: 'CLOSED' })).toEqual([]);
      expect(await list({ districtCode: '35.26.02' })).toEqual([bprLoan.id]);
      expect(await list({ borrowerId: bankLoan.borrowerId })).toEqual([bankLoan.id]);
      const first = await t.http().get('/api/loans').query({ programmeId, limit: 1 }).set(auth(finance.token)).expect(200);
      expect(first.body.items.map((l: { id: string }) => l.id)).toEqual([bprLoan.id]);
      expect(first.body.items[0]).toHaveProperty('collectibility');
      const second = await t.http().get('/api/loans').query({ programmeId, limit: 1, cursor: first.body.nextCursor }).set(auth(finance.token)).expect(200);
      expect(second.body).toEqual({ items: [expect.objectContaining({ id: bankLoan.id })], nextCursor: null });
    });

    it('reads the default programme when none is named', async () => {
      const res = await t.http().get('/api/loans').set(auth(officer.token)).expect(200);
      expect(res.body.items.map((l: { id: string }) => l.id)).not.toContain(bankLoan.id);
    });

    it.each([
      [{ collectibility: 6 }, 'collectibility'],
      [{ collectibility: 'x' }, 'collectibility'],
      [{ status: 'OPEN' }, 'status'],
      [{ districtCode: '35.26' }, 'districtCode'],
      [{ cursor: 'nope' }, 'cursor'],
    ])('refuses %p: 400 naming the field', async (query, field) => {
      const res = await t.http().get('/api/loans').query(query).set(auth(officer.token)).expect(400);
      expect(res.body.errors[0].field).toBe(field);
    });

    it('is for staff only', async () => {
      const borrowerId = await insertBorrower(ds);
      const borrower = await t.userWithRoles(['borrower'], { borrowerId });
      await t.http().get('/api/loans').set(auth(borrower.token)).expect(403);
    });
  });
});
