// The demo loan `npm start` books after seeding (scripts/demo-loan.mjs), through the api as the staff
// would: one loan for the demo borrower with her first installment paid, the books balanced, no reminder
// shown as sent unless asked, and nothing booked twice when a later start seeds again.
import type { AddressInfo } from 'node:net';
import { Decimal } from 'decimal.js';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../support/app.js';
import type { bookDemoLoan as BookDemoLoan } from '../../scripts/demo-loan.mjs';

describe('the demo loan (scripts/demo-loan.mjs)', () => {
  let t: TestApp;
  let baseUrl: string;
  let bookDemoLoan: typeof BookDemoLoan;

  beforeAll(async () => {
    t = await createTestApp();
    const { seedDemo } = await import('../../scripts/seed-demo.js');
    await seedDemo();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    ({ bookDemoLoan } = await import('../../scripts/demo-loan.mjs'));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('books one loan for peminjam with its first installment paid, and none the second time', async () => {
    const first = await bookDemoLoan(baseUrl, t.db.url);
    expect(first.alreadyBooked).toBe(false);
    const again = await bookDemoLoan(baseUrl, t.db.url);
    expect(again).toMatchObject({ loanId: first.loanId, number: first.number, alreadyBooked: true });

    const borrower = await t.login('peminjam', 'peminjam-demo');
    const loans = (await t.http().get('/api/me/loans').set('Authorization', `Bearer ${borrower}`).expect(200)).body.items;
    expect(loans).toHaveLength(1);
    expect(loans[0]).toMatchObject({ id: first.loanId, number: first.number, virtualAccount: first.virtualAccount, status: 'ACTIVE' });

    const schedule = (await t.http().get(`/api/me/loans/${first.loanId}/schedule`).set('Authorization', `Bearer ${borrower}`).expect(200)).body;
    const installments = schedule.installments as { principalDue: string; principalPaid: string }[];
    expect(installments).toHaveLength(6);
    expect(installments.reduce((sum, i) => sum.plus(i.principalDue), new Decimal(0)).toFixed(0)).toBe('3000000');
    expect(installments[0]!.principalPaid).toBe(installments[0]!.principalDue);
    expect(installments.slice(1).every((i) => new Decimal(i.principalPaid).isZero())).toBe(true);

    const [{ transactions, sent }] = await t.app.get(DataSource).query<{ transactions: number; sent: number }[]>(
      `SELECT (SELECT count(*)::int FROM loan_transaction WHERE loan_id = $1 AND kind = 'REPAYMENT' AND channel = 'TELLER') AS transactions,
              (SELECT count(*)::int FROM notification WHERE loan_id = $1 AND status = 'SENT') AS sent`,
      [first.loanId],
    );
    expect({ transactions, sent }).toEqual({ transactions: 1, sent: 0 });

    const trial = (await t.http().get('/api/ledger/trial-balance').set('Authorization', `Bearer ${t.adminToken}`).expect(200)).body;
    expect(trial.totalDebit).toBe(trial.totalCredit);
  });
});
