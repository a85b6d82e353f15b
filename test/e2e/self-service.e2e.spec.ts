import { DataSource } from 'typeorm';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { disbursedLoan } from '../support/approved-application.js';
import { insertBorrower } from '../support/fixtures.js';

// Borrower self-service: a borrower sees their own loans (what they owe, when, and the virtual account
// to pay into) and nobody else's.

describe('self-service: GET /api/me/loans and /api/me/loans/:id/schedule (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: { token: string };
  let finance: { token: string };
  let approver: { token: string };
  let product: string;
  let siti: { borrowerId: string; token: string; loan: Booked };
  let budi: { borrowerId: string; token: string; loan: Booked };

  interface Booked {
    id: string;
    number: string;
    virtualAccount: string;
    borrowerId: string;
  }

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const setBusinessDate = (date: string) => ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [date]);
  const myLoans = (token: string, query: Record<string, unknown> = {}) => t.http().get('/api/me/loans').query(query).set(auth(token));
  const mySchedule = (token: string, loanId: string) => t.http().get(`/api/me/loans/${loanId}/schedule`).set(auth(token));

  /** Rp1,000,000 over 3 months from 2026-01-15: 334,000 / 334,000 / 332,000 due Feb 15, Mar 15, Apr 15. */
  const book = async (): Promise<Booked> => {
    await setBusinessDate('2026-01-15');
    const loan = await disbursedLoan(t, { officerToken: officer.token, financeToken: finance.token, productId: product, amount: '1000000', tenor: 3, valueDate: '2026-01-15' });
    return { id: loan.loanId, number: loan.loanNumber, virtualAccount: loan.virtualAccount, borrowerId: loan.borrowerId };
  };

  const borrowerWithLoan = async () => {
    const loan = await book();
    const user = await t.userWithRoles(['borrower'], { borrowerId: loan.borrowerId });
    return { borrowerId: loan.borrowerId, token: user.token, loan };
  };

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
    approver = await t.userWithRoles(['approver']);
    const programmeId = await buildProgramme(ds, 'SELF-UMKM');
    product = await buildProduct(ds, { programmeId });
    await setBusinessDate('2026-01-01');
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', 'cap').send({ programmeId, amount: '100000000', reference: 'SP2D' }).expect(201);
    siti = await borrowerWithLoan();
    budi = await borrowerWithLoan();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists my loans with what I owe, when, and the virtual account to pay into', async () => {
    await setBusinessDate('2026-03-01');
    const res = await myLoans(siti.token).expect(200);
    expect(res.body).toEqual({
      items: [
        {
          id: siti.loan.id,
          number: siti.loan.number,
          status: 'ACTIVE',
          principal: '1000000.00',
          outstandingPrincipal: '1000000.00',
          nextDueDate: '2026-03-15',
          nextDueAmount: '334000.00',
          virtualAccount: siti.loan.virtualAccount,
          overdueAmount: '334000.00',
          daysPastDue: 14,
          disbursedOn: '2026-01-15',
        },
      ],
      nextCursor: null,
    });
    expect(siti.loan.virtualAccount).toMatch(/^\d{9,24}$/);
  });

  it("shows my loan's schedule exactly as staff see it", async () => {
    const mine = await mySchedule(siti.token, siti.loan.id).expect(200);
    const staff = await t.http().get(`/api/loans/${siti.loan.id}/schedule`).set(auth(officer.token)).expect(200);
    expect(mine.body).toEqual(staff.body);
    expect(mine.body.installments.map((i: { number: number; dueDate: string; principalDue: string; status: string }) => [i.number, i.dueDate, i.principalDue, i.status])).toEqual([
      [1, '2026-02-15', '334000.00', 'OVERDUE'],
      [2, '2026-03-15', '334000.00', 'UPCOMING'],
      [3, '2026-04-15', '332000.00', 'UPCOMING'],
    ]);
  });

  it("another borrower's loan is 404, never 403; so is an unknown one; a bad id is 400", async () => {
    const res = await mySchedule(siti.token, budi.loan.id).expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
    await mySchedule(budi.token, siti.loan.id).expect(404);
    await mySchedule(siti.token, '00000000-0000-4000-8000-000000000000').expect(404);
    const bad = await mySchedule(siti.token, 'not-a-uuid').expect(400);
    expect(bad.body.errors[0].field).toBe('id');
    const budiList = await myLoans(budi.token).expect(200);
    expect(budiList.body.items.map((l: { id: string }) => l.id)).toEqual([budi.loan.id]);
  });

  it('a borrower without loans gets an empty list', async () => {
    const borrowerId = await insertBorrower(ds);
    const user = await t.userWithRoles(['borrower'], { borrowerId });
    expect((await myLoans(user.token).expect(200)).body).toEqual({ items: [], nextCursor: null });
  });

  it('is for borrowers only: staff get 403 FORBIDDEN, no token 401', async () => {
    for (const token of [t.adminToken, officer.token, finance.token, approver.token]) {
      const res = await myLoans(token).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
      await mySchedule(token, siti.loan.id).expect(403);
    }
    await t.http().get('/api/me/loans').expect(401);
    // And borrowers do not read the staff endpoints.
    await t.http().get(`/api/loans/${siti.loan.id}`).set(auth(siti.token)).expect(403);
  });

  it('pages newest first with limit and cursor; a forged cursor is 400', async () => {
    // A second loan of Siti's: booked for another applicant, then made hers (the builder makes one borrower per application).
    const second = await book();
    await ds.query(`UPDATE loan SET borrower_id = $2 WHERE id = $1`, [second.id, siti.borrowerId]);
    await setBusinessDate('2026-03-01');
    const first = await myLoans(siti.token, { limit: 1 }).expect(200);
    expect(first.body.items.map((l: { id: string }) => l.id)).toEqual([second.id]);
    const next = await myLoans(siti.token, { limit: 1, cursor: first.body.nextCursor }).expect(200);
    expect(next.body).toEqual({ items: [expect.objectContaining({ id: siti.loan.id })], nextCursor: null });
    for (const query of [{ cursor: 'nope' }, { limit: 0 }, { limit: 501 }]) await myLoans(siti.token, query).expect(400);
  });

  it('after a restructure shows only the current schedule and the new next due date', async () => {
    await setBusinessDate('2026-03-20');
    await t.http().post(`/api/loans/${budi.loan.id}/reschedule`).set(auth(approver.token)).send({ newTenor: 4, firstDueDate: '2026-04-10' }).expect(200);
    const schedule = (await mySchedule(budi.token, budi.loan.id).expect(200)).body.installments;
    expect(schedule.map((i: { number: number; dueDate: string; principalDue: string }) => [i.number, i.dueDate, i.principalDue])).toEqual([
      [1, '2026-04-10', '250000.00'],
      [2, '2026-05-10', '250000.00'],
      [3, '2026-06-10', '250000.00'],
      [4, '2026-07-10', '250000.00'],
    ]);
    const [loan] = (await myLoans(budi.token).expect(200)).body.items;
    expect(loan).toMatchObject({ nextDueDate: '2026-04-10', nextDueAmount: '250000.00', overdueAmount: '0.00', daysPastDue: 0 });
  });
});
