// The copies the portfolio report reads instead of joining (migration 1800): journal_line.entry_kind
// (its entry's kind) and loan.sector (the borrower's business sector when the loan was booked). The
// writers (LedgerService's insert, LoansService.book) and the migration's backfill must agree, or the
// report would count lines and slice loans differently for rows written before and after it.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ReportDenormalised1763800001800 } from '../../migrations/1763800001800-report-denormalised.js';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { disbursedLoan } from '../support/approved-application.js';

const DISBURSED = '2026-01-15';

describe('report copies: journal_line.entry_kind and loan.sector', () => {
  let t: TestApp;
  let ds: DataSource;
  let finance: { token: string };
  let programmeId: string;
  const loans: Record<'culinary' | 'trade', { loanId: string; borrowerId: string }> = {
    culinary: { loanId: '', borrowerId: '' },
    trade: { loanId: '', borrowerId: '' },
  };
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** Lines whose copy of the kind is not their entry's, and loans whose sector is not their borrower's business's now. */
  const disagreements = async () => {
    const [r] = (await ds.query(
      `SELECT (SELECT count(*)::int FROM journal_line l JOIN journal_entry e ON e.id = l.entry_id WHERE l.entry_kind IS DISTINCT FROM e.kind) AS lines,
              (SELECT count(*)::int FROM loan l LEFT JOIN business b ON b.borrower_id = l.borrower_id WHERE l.sector IS DISTINCT FROM b.sector) AS loans,
              (SELECT count(*)::int FROM journal_line) AS all_lines, (SELECT count(*)::int FROM loan) AS all_loans`,
    )) as { lines: number; loans: number; all_lines: number; all_loans: number }[];
    return r;
  };

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    const officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
    programmeId = await buildProgramme(ds, 'DENORM-UMKM');
    const productId = await buildProduct(ds, { programmeId });
    await ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [DISBURSED]);
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', 'denorm-cap').send({ programmeId, amount: '100000000', reference: 'SP2D' }).expect(201);
    const book = async (sector: string) => {
      const { loanId, borrowerId } = await disbursedLoan(t, {
        officerToken: officer.token,
        financeToken: finance.token,
        productId,
        amount: '1000000',
        tenor: 3,
        applicant: { business: { sector } },
        valueDate: DISBURSED,
      });
      return { loanId, borrowerId };
    };
    loans.culinary = await book('CULINARY');
    loans.trade = await book('TRADE');
    await t
      .http()
      .post(`/api/loans/${loans.trade.loanId}/repayments`)
      .set(auth(finance.token))
      .set('Idempotency-Key', 'denorm-pay')
      .send({ amount: '400000', valueDate: DISBURSED, channel: 'TELLER', reference: 'KW-DN-1' })
      .expect(201);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('the writers copy the entry kind onto every line and the business sector onto every booked loan', async () => {
    const r = await disagreements();
    expect(r).toMatchObject({ lines: 0, loans: 0 });
    expect(r.all_lines).toBeGreaterThanOrEqual(6); // capital, two disbursements, a repayment: two lines each at least
    const kinds = (await ds.query(
      `SELECT DISTINCT l.entry_kind FROM journal_line l WHERE l.programme_id = $1 ORDER BY 1`,
      [programmeId],
    )) as { entry_kind: string }[];
    expect(kinds.map((k) => k.entry_kind)).toEqual(expect.arrayContaining(['DISBURSEMENT', 'REPAYMENT']));
    const sectors = (await ds.query(`SELECT id, sector FROM loan WHERE programme_id = $1`, [programmeId])) as { id: string; sector: string }[];
    expect(Object.fromEntries(sectors.map((s) => [s.id, s.sector]))).toEqual({ [loans.culinary.loanId]: 'CULINARY', [loans.trade.loanId]: 'TRADE' });
  });

  it("the migration's backfill gives every existing row what the writers wrote (down and up again, rolled back)", async () => {
    const linesBefore = await ds.query(`SELECT id, entry_kind FROM journal_line ORDER BY id`);
    const loansBefore = await ds.query(`SELECT id, sector FROM loan ORDER BY id`);
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const migration = new ReportDenormalised1763800001800();
      await migration.down(runner);
      expect(await runner.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'journal_line' AND column_name = 'entry_kind'`)).toEqual([]);
      await migration.up(runner);
      expect(await runner.query(`SELECT id, entry_kind FROM journal_line ORDER BY id`)).toEqual(linesBefore);
      expect(await runner.query(`SELECT id, sector FROM loan ORDER BY id`)).toEqual(loansBefore);
      // The backfill's trigger switch is undone: lines are append-only again.
      await expect(runner.query(`UPDATE journal_line SET entry_kind = entry_kind WHERE id = (SELECT min(id) FROM journal_line)`)).rejects.toThrow(/append-only/);
    } finally {
      await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  });

  it('a loan keeps the sector it was booked with when the business changes later, and the report slices by it', async () => {
    await ds.query(`UPDATE business SET sector = 'FISHERY' WHERE borrower_id = $1`, [loans.culinary.borrowerId]);
    const [{ sector }] = (await ds.query(`SELECT sector FROM loan WHERE id = $1`, [loans.culinary.loanId])) as { sector: string }[];
    expect(sector).toBe('CULINARY');
    const res = await t.http().get('/api/reports/portfolio').query({ programmeId }).set(auth(finance.token)).expect(200);
    expect(res.body.bySector.map((s: { sector: string; activeLoans: number }) => [s.sector, s.activeLoans])).toEqual([
      ['CULINARY', 1],
      ['TRADE', 1],
    ]);
    expect(res.body.repaid.amount).toBe('400000.00');
  });
});
