// Money conservation (issue 11 items 1 and 2, the short half; the long model runs in the reliability
// suite). checkInvariants must find nothing on books the services wrote, and must find each kind of
// corruption: every case below breaks one rule inside a transaction that is rolled back (triggers off
// with session_replication_role = replica, as a faulty writer or a hand edit would), checks, and leaves
// the database as it was for the next case. Then a seeded random model of 100 steps over HTTP.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { approvedApplication, disbursedLoan } from '../support/approved-application.js';
import { checkInvariants, describeViolations, INVARIANT_RULES } from '../reliability/support/invariants.js';
import { modelSeed, runMoneyModel } from '../reliability/support/money-model.js';

describe('checkInvariants (detects every rule it names)', () => {
  let t: TestApp;
  let ds: DataSource;
  let programmeId: string;
  const ids = { active: '', closed: '', writtenOff: '', liveTx: '', reversedTx: '', reversalTx: '', pending: '' };

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const key = () => ({ 'Idempotency-Key': randomUUID() });

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    const officer = await t.userWithRoles(['loan_officer']);
    const finance = await t.userWithRoles(['finance']);
    const finance2 = await t.userWithRoles(['finance']);
    const approver = await t.userWithRoles(['approver']);
    programmeId = await buildProgramme(ds);
    const productId = await buildProduct(ds, { programmeId });
    await ds.query(`UPDATE business_date SET date = '2026-02-02' WHERE id = 1`);
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set(key()).send({ programmeId, amount: '50000000', reference: 'SP2D 1' }).expect(201);
    const book = async () => (await disbursedLoan(t, { officerToken: officer.token, financeToken: finance.token, productId, amount: '3000000', tenor: 3, valueDate: '2026-02-02' })).loanId;
    ids.active = await book();
    ids.closed = await book();
    ids.writtenOff = await book();
    await ds.query(`UPDATE business_date SET date = '2026-03-10' WHERE id = 1`);
    const repay = async (loanId: string, amount: string) =>
      (await t.http().post(`/api/loans/${loanId}/repayments`).set(auth(finance.token)).set(key()).send({ amount, channel: 'TELLER', reference: `R-${randomUUID().slice(0, 8)}` }).expect(201)).body
        .transactionId as string;
    ids.liveTx = await repay(ids.active, '500000');
    ids.reversedTx = await repay(ids.active, '200000');
    await t.http().post(`/api/loans/${ids.active}/transactions/${ids.reversedTx}/reversal`).set(auth(finance.token)).set(key()).send({ reason: 'bounced' }).expect(202);
    const applied = await t.http().post(`/api/loans/${ids.active}/transactions/${ids.reversedTx}/reversal/approve`).set(auth(finance2.token)).expect(200);
    ids.reversalTx = (await ds.query(`SELECT reversal_transaction_id AS id FROM loan_transaction WHERE id = $1`, [ids.reversedTx]))[0].id;
    expect(applied.body.status).toBe('APPROVED');
    await repay(ids.closed, '3100000'); // 100,000 beyond the principal: the borrower's credit
    await repay(ids.writtenOff, '1000000');
    await t.http().post(`/api/loans/${ids.writtenOff}/write-off`).set(auth(approver.token)).set(key()).send({ reason: 'usaha tutup' }).expect(200);
    await t.http().post(`/api/loans/${ids.writtenOff}/recoveries`).set(auth(finance.token)).set(key()).send({ amount: '250000', channel: 'TELLER', reference: 'RC-1' }).expect(201);
    // One order left PENDING (not confirmed): cash the fund has promised.
    const approved = await approvedApplication(t, { officerToken: officer.token, productId, amount: '1000000', tenor: 3 });
    ids.pending = (
      await t.http().post('/api/disbursements').set(auth(finance.token)).set(key()).send({ applicationId: approved.id, bankCode: '114', accountNumber: '0011223344', accountName: 'Siti' }).expect(201)
    ).body.id;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('finds nothing on books the services wrote', async () => {
    const violations = await checkInvariants(ds);
    expect(describeViolations(violations)).toBe('');
    expect(await checkInvariants(ds, programmeId)).toEqual([]);
  });

  /** A journal entry with these lines (balanced or not), attributed as given. */
  const entry = (lines: [account: string, debit: number, credit: number][], opts: { kind?: string; lineKind?: string; sourceType?: string; sourceId?: string } = {}) => {
    const id = randomUUID();
    const kind = opts.kind ?? 'CORRUPTION';
    const values = lines.map(([a, d, c]) => `('${id}', '${programmeId}', '2026-03-10', '${opts.lineKind ?? kind}', '${a}', ${d}, ${c})`).join(', ');
    return `INSERT INTO journal_entry (id, programme_id, value_date, kind, description, source_type, source_id)
              VALUES ('${id}', '${programmeId}', '2026-03-10', '${kind}', 'spec', ${opts.sourceType ? `'${opts.sourceType}'` : 'NULL'}, ${opts.sourceId ? `'${opts.sourceId}'` : 'NULL'});
            INSERT INTO journal_line (entry_id, programme_id, value_date, entry_kind, account_code, debit, credit) VALUES ${values};`;
  };
  const unpaidInstallment = () => `(SELECT id FROM loan_installment WHERE loan_id = '${ids.active}' AND superseded_at IS NULL AND principal_paid = 0 ORDER BY number DESC LIMIT 1)`;

  const cases: [name: string, sql: () => string, rules: string[]][] = [
    ['an entry with one line', () => entry([['1100', 100, 0]]), ['ENTRY_UNBALANCED', 'LEDGER_UNBALANCED', 'FUND_CAPITAL_IDENTITY', 'CASH_MATCHES_MOVEMENTS']],
    ['cash booked as late fee income', () => entry([['1100', 1000, 0], ['4100', 0, 1000]]), ['CASH_MATCHES_MOVEMENTS', 'LATE_FEE_INCOME_MATCHES_ASSESSED']],
    ['a loan receivable nobody owes', () => entry([['1200', 1000, 0], ['1100', 0, 1000]]), ['UNATTRIBUTED_1200_LINE', 'LOANS_RECEIVABLE_MATCHES_LOANS', 'CASH_MATCHES_MOVEMENTS']],
    ['suspense without a bank line', () => entry([['1100', 1000, 0], ['1900', 0, 1000]]), ['SUSPENSE_MATCHES_OPEN_LINES']],
    ['a loss without a write-off', () => entry([['5100', 1000, 0], ['1100', 0, 1000]]), ['LOAN_LOSSES_MATCH_WRITE_OFFS']],
    ['a late fee receivable on no installment', () => entry([['1210', 1000, 0], ['4100', 0, 1000]]), ['LATE_FEES_RECEIVABLE_MATCHES_INSTALLMENTS', 'LATE_FEE_INCOME_MATCHES_ASSESSED']],
    ['a credit paid out that no loan held', () => entry([['2100', 1000, 0], ['1100', 0, 1000]]), ['BORROWER_CREDITS_MATCH_LOANS']],
    [
      "a loan's balance edited",
      () => `UPDATE loan SET outstanding_principal = outstanding_principal - 1000 WHERE id = '${ids.active}'`,
      ['LOANS_RECEIVABLE_MATCHES_LOANS', 'LOAN_SHARE_OF_1200', 'OUTSTANDING_MATCHES_REPAYMENTS', 'SCHEDULE_MATCHES_OUTSTANDING'],
    ],
    ['a late fee without its entry', () => `UPDATE loan_installment SET late_fee_due = late_fee_due + 5000 WHERE id = ${unpaidInstallment()}`, ['LATE_FEES_RECEIVABLE_MATCHES_INSTALLMENTS', 'LATE_FEE_INCOME_MATCHES_ASSESSED']],
    ['a recovery without its row', () => `UPDATE loan SET recovered_amount = recovered_amount + 1 WHERE id = '${ids.writtenOff}'`, ['RECOVERED_MATCHES_RECOVERIES', 'LOAN_LOSSES_MATCH_WRITE_OFFS']],
    ['a write-off that disagrees with its loan', () => `UPDATE loan_write_off SET late_fees = late_fees + 1 WHERE loan_id = '${ids.writtenOff}'`, ['WRITE_OFF_MATCHES_LOAN']],
    ['an installment grown', () => `UPDATE loan_installment SET principal_due = principal_due + 1000 WHERE id = ${unpaidInstallment()}`, ['INSTALLMENTS_SUM_TO_PRINCIPAL', 'SCHEDULE_MATCHES_OUTSTANDING']],
    ['a loan whose days past due count from the wrong date', () => `UPDATE loan SET oldest_unpaid_due_date = oldest_unpaid_due_date - 30 WHERE id = '${ids.active}'`, ['OLDEST_UNPAID_MATCHES_SCHEDULE']],
    ['a loan closed while it owes', () => `UPDATE loan SET status = 'CLOSED' WHERE id = '${ids.active}'`, ['LOAN_STATUS_MATCHES_BALANCE']],
    ['an installment paid without an allocation', () => `UPDATE loan_installment SET principal_paid = 1000 WHERE id = ${unpaidInstallment()}`, ['INSTALLMENT_PAID_MATCHES_ALLOCATIONS', 'SCHEDULE_MATCHES_OUTSTANDING']],
    [
      'a repayment allocated twice',
      () => `INSERT INTO repayment_allocation (transaction_id, installment_id, loan_id, installment_number, principal, late_fee)
             SELECT '${ids.liveTx}', id, loan_id, number, 1000, 0 FROM loan_installment WHERE id = ${unpaidInstallment()}`,
      ['TRANSACTION_SPLIT_MATCHES_ALLOCATIONS', 'INSTALLMENT_PAID_MATCHES_ALLOCATIONS'],
    ],
    [
      'a reversal that pays an installment',
      () => `INSERT INTO repayment_allocation (transaction_id, installment_id, loan_id, installment_number, principal, late_fee)
             SELECT '${ids.reversalTx}', id, loan_id, number, 1000, 0 FROM loan_installment WHERE id = ${unpaidInstallment()}`,
      ['ALLOCATION_ON_NON_REPAYMENT'],
    ],
    ['a credit balance from nowhere', () => `UPDATE loan SET credit_balance = credit_balance + 1 WHERE id = '${ids.closed}'`, ['CREDIT_BALANCE_MATCHES_OVERPAYMENTS', 'BORROWER_CREDITS_MATCH_LOANS']],
    ['a reversed repayment unlinked from its reversal', () => `UPDATE loan_transaction SET reversal_transaction_id = NULL WHERE id = '${ids.reversedTx}'`, ['REVERSAL_MIRRORS_REPAYMENT']],
    ['a repayment whose amount is not the cash it brought', () => `UPDATE loan_transaction SET amount = amount + 1, overpayment = overpayment + 1 WHERE id = '${ids.liveTx}'`, ['TRANSACTION_CASH_LINE', 'CASH_MATCHES_MOVEMENTS']],
    // Lines carry their entry's kind for the portfolio report (migration 1800): one that says otherwise is miscounted there.
    ['a line that names another kind than its entry', () => entry([['1100', 10, 0], ['1100', 0, 10]], { lineKind: 'REPAYMENT' }), ['LINE_KIND_MATCHES_ENTRY']],
    ['a repayment posted twice', () => entry([['1100', 1000, 0], ['2100', 0, 1000]], { sourceType: 'loan_transaction', sourceId: ids.liveTx }), ['TRANSACTION_POSTED_ONCE']],
    ['a loan booked twice', () => entry([['1200', 1000, 0], ['1100', 0, 1000]], { kind: 'DISBURSEMENT', sourceType: 'loan', sourceId: ids.active }), ['LOAN_BOOKED_ONCE', 'LOAN_SHARE_OF_1200']],
    [
      "a day's late fees posted twice",
      () =>
        entry([['1210', 10, 0], ['4100', 0, 10]], { kind: 'LATE_FEE_ASSESSMENT', sourceType: 'close_of_day_day', sourceId: '2026-03-09' }) +
        entry([['1210', 10, 0], ['4100', 0, 10]], { kind: 'LATE_FEE_ASSESSMENT', sourceType: 'close_of_day_day', sourceId: '2026-03-09' }),
      ['LATE_FEES_POSTED_ONCE_PER_DAY'],
    ],
    [
      'one repayment claimed by two bank lines',
      () => {
        const statement = randomUUID();
        const line = (n: number) =>
          `('${randomUUID()}', '${statement}', '${programmeId}', ${n}, '2026-03-10', 'CREDIT', 500000, 'VA', 'spec', 'fp-${randomUUID()}', 'MATCHED', '${ids.liveTx}')`;
        return `INSERT INTO bank_statement (id, programme_id, format, file_sha256, first_date, last_date, line_count, matched, unmatched, mismatched, repayments_posted, duplicates)
                  VALUES ('${statement}', '${programmeId}', 'CSV', 'x', '2026-03-10', '2026-03-10', 2, 2, 0, 0, 2, 0);
                INSERT INTO bank_statement_line (id, statement_id, programme_id, line_no, value_date, direction, amount, reference, description, fingerprint, status, loan_transaction_id)
                  VALUES ${line(1)}, ${line(2)};`;
      },
      ['BANK_LINE_BOOKED_ONCE'],
    ],
  ];

  it.each(cases)('finds %s', async (_name, sql, rules) => {
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`SET LOCAL session_replication_role = replica`);
      await runner.query(sql());
      const found = new Set((await checkInvariants(runner.manager)).map((v) => v.rule));
      expect([...found].sort()).toEqual(expect.arrayContaining(rules));
      // Scoped: the check of one programme sees it too, and the rolled-back case leaves nothing behind.
      expect((await checkInvariants(runner.manager, programmeId)).length).toBeGreaterThan(0);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await checkInvariants(ds)).toEqual([]);
  });

  it('has a detection case for every rule', () => {
    const covered = new Set(cases.flatMap(([, , rules]) => rules));
    expect(INVARIANT_RULES.filter((r) => !covered.has(r))).toEqual([]);
  });
});

describe('money model, short (seeded random steps over HTTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('100 random steps keep every invariant and agree with the model', async () => {
    const seed = modelSeed();
    const report = await runMoneyModel(t, { seed, steps: 100, checkEvery: 10 });
    if (report.mismatches.length) throw new Error(`MODEL_SEED=${seed} replays this failure:\n${report.mismatches.join('\n')}`);
    expect(report.violations).toEqual([]);
    expect(report.steps).toBe(100);
    expect(report.checks).toBeGreaterThanOrEqual(10);
  }, 240_000);
});
