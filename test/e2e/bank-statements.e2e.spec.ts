// Bank statement reconciliation over HTTP (issue 7): a CSV and the same transactions as MT940 match a
// VA credit to its loan (a repayment), a debit to its confirmed disbursement and leave an unknown
// credit in suspense; a second import posts nothing; a bad line refuses the file whole; finance
// assigns or returns suspense credits; the statement's balances are checked against the ledger.
import { DataSource } from 'typeorm';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { approvedApplication } from '../support/approved-application.js';

// Loans of Rp1,000,000 over 3 months disbursed on this date: 334,000 due 2026-02-15.
const DISBURSED = '2026-01-15';
const TODAY = '2026-02-16';

interface Booked {
  loanId: string;
  va: string;
  number: string;
  bankReference: string;
  disbursementReference: string;
}

describe('bank statements (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: { token: string };
  let finance: { id: string; token: string };
  let seq = 0;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const key = () => `bs-${++seq}`;
  const setBusinessDate = (date: string) => ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [date]);

  /** A programme of its own (so its cash is only this test's), with a product and Rp500m capital. */
  const programme = async (code: string) => {
    const programmeId = await buildProgramme(ds, code);
    const productId = await buildProduct(ds, { programmeId });
    await setBusinessDate(DISBURSED);
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', key()).send({ programmeId, amount: '500000000', reference: 'SP2D' }).expect(201);
    return { programmeId, productId };
  };

  const order = async (productId: string) => {
    const app = await approvedApplication(t, { officerToken: officer.token, productId, amount: '1000000', tenor: 3 });
    return (
      await t
        .http()
        .post('/api/disbursements')
        .set(auth(finance.token))
        .set('Idempotency-Key', key())
        .send({ applicationId: app.id, bankCode: '114', accountNumber: '0011223344', accountName: 'Siti Aminah' })
        .expect(201)
    ).body as { id: string; reference: string };
  };

  /** Orders and confirms a loan of Rp1,000,000 on DISBURSED; leaves the business date at TODAY. */
  const book = async (productId: string): Promise<Booked> => {
    await setBusinessDate(DISBURSED);
    const placed = await order(productId);
    const bankReference = `JTM${1000 + seq}`;
    const confirmed = await t
      .http()
      .post(`/api/disbursements/${placed.id}/confirm`)
      .set(auth(finance.token))
      .set('Idempotency-Key', key())
      .send({ valueDate: DISBURSED, bankReference })
      .expect(200);
    await setBusinessDate(TODAY);
    const loan = (await t.http().get(`/api/loans/${confirmed.body.loanId}`).set(auth(finance.token)).expect(200)).body;
    return { loanId: loan.id, va: loan.virtualAccount, number: loan.number, bankReference, disbursementReference: placed.reference };
  };

  const upload = (file: string, fields: Record<string, string>, token = finance.token) => {
    const req = t.http().post('/api/bank-statements').set(auth(token));
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    return req.attach('file', Buffer.from(file), { filename: 'statement.txt', contentType: 'text/plain' });
  };

  const csvOf = (b: Booked, unknownRef: string) =>
    [
      'date,description,reference,debit,credit,balance',
      `2026-01-15,Pencairan ${b.disbursementReference},${b.bankReference},1000000.00,,499000000.00`,
      `2026-02-14,SETORAN VA ${b.va},VA20260214,,334000.00,499334000.00`,
      `2026-02-15,TRANSFER DARI HAMBA ALLAH,${unknownRef},,50000.00,499384000.00`,
    ].join('\n');

  const mt940Of = (b: Booked, unknownRef: string) =>
    [
      ':20:STMT20260215',
      ':25:0011223344',
      ':28C:00001/001',
      ':60F:C260115IDR500000000,00',
      `:61:2601150115D1000000,00NTRF${b.bankReference}`,
      `:86:Pencairan ${b.disbursementReference}`,
      ':61:2602140214C334000,00NTRFVA20260214',
      `:86:SETORAN VA ${b.va}`,
      `:61:2602150215C50000,00NTRF${unknownRef}`,
      ':86:TRANSFER DARI HAMBA ALLAH',
      ':62F:C260215IDR499384000,00',
    ].join('\r\n');

  const net = async (programmeId: string, account: string) =>
    (
      await ds.query(`SELECT coalesce(sum(debit) - sum(credit), 0)::text AS net FROM journal_line WHERE programme_id = $1 AND account_code = $2`, [programmeId, account])
    )[0].net as string;
  const repaymentsOf = async (loanId: string) =>
    (await ds.query(`SELECT amount::text AS amount, channel, reference FROM loan_transaction WHERE loan_id = $1 AND kind = 'REPAYMENT' ORDER BY seq`, [loanId])) as {
      amount: string;
    }[];
  const lines = async (statementId: string, status?: string) =>
    (await t.http().get(`/api/bank-statements/${statementId}/lines`).query(status ? { status } : {}).set(auth(finance.token)).expect(200)).body;
  const stored = async () =>
    (
      await ds.query(
        `SELECT (SELECT count(*) FROM bank_statement)::int AS statements, (SELECT count(*) FROM bank_statement_line)::int AS lines,
                (SELECT count(*) FROM journal_entry)::int AS entries, (SELECT count(*) FROM loan_transaction)::int AS transactions`,
      )
    )[0];

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/bank-statements', () => {
    let csv: { programmeId: string; booked: Booked; statementId: string; file: string };

    it('CSV: a VA credit, a debit for a confirmed disbursement and an unknown credit: 2 matched, 1 unmatched, one repayment, one suspense entry', async () => {
      const { programmeId, productId } = await programme('BSCSV-UMKM');
      const booked = await book(productId);
      const file = csvOf(booked, 'TRF-UNKNOWN-1');
      const res = await upload(file, { format: 'CSV', programmeId }).expect(201);
      expect(res.body).toEqual({ id: expect.any(String), lines: 3, matched: 2, unmatched: 1, mismatched: 0, repaymentsPosted: 1, duplicates: 0 });
      csv = { programmeId, booked, statementId: res.body.id, file };

      expect(await repaymentsOf(booked.loanId)).toEqual([{ amount: '334000.00', channel: 'VA', reference: 'VA20260214' }]);
      const schedule = (await t.http().get(`/api/loans/${booked.loanId}/schedule`).set(auth(finance.token)).expect(200)).body.installments;
      expect(schedule[0]).toMatchObject({ number: 1, principalPaid: '334000.00', status: 'PAID' });
      expect(await net(programmeId, '1900')).toBe('-50000.00');
      expect(await net(programmeId, '1100')).toBe('499384000.00');

      const all = await lines(res.body.id);
      expect(all.items.map((l: { lineNo: number; direction: string; amount: string; status: string; reason: string | null }) => [l.lineNo, l.direction, l.amount, l.status, l.reason])).toEqual([
        [2, 'DEBIT', '1000000.00', 'MATCHED', null],
        [3, 'CREDIT', '334000.00', 'MATCHED', null],
        [4, 'CREDIT', '50000.00', 'UNMATCHED', 'NO_MATCH'],
      ]);
      expect(all.items[0].disbursementId).toEqual(expect.any(String));
      expect(all.items[1]).toMatchObject({ loanId: booked.loanId, loanTransactionId: expect.any(String) });
      expect(all.items[2]).toMatchObject({ suspenseEntryId: expect.any(String), resolution: null });
      const audit = await ds.query(`SELECT action, actor_id FROM audit_log WHERE entity_id = $1`, [res.body.id]);
      expect(audit).toEqual([{ action: 'BANK_STATEMENT_IMPORTED', actor_id: finance.id }]);
    });

    it('the same CSV again posts nothing: 3 duplicates, and the same transactions as MT940 are duplicates too', async () => {
      const before = await stored();
      const again = await upload(csv.file, { format: 'CSV', programmeId: csv.programmeId }).expect(201);
      expect(again.body).toEqual({ id: expect.any(String), lines: 3, matched: 0, unmatched: 0, mismatched: 0, repaymentsPosted: 0, duplicates: 3 });
      const asMt940 = await upload(mt940Of(csv.booked, 'TRF-UNKNOWN-1'), { format: 'MT940', programmeId: csv.programmeId }).expect(201);
      expect(asMt940.body).toMatchObject({ lines: 3, matched: 0, repaymentsPosted: 0, duplicates: 3 });
      const after = await stored();
      expect(after).toEqual({ ...before, statements: before.statements + 2 });
      expect(await repaymentsOf(csv.booked.loanId)).toHaveLength(1);
      expect(await net(csv.programmeId, '1900')).toBe('-50000.00');
    });

    it('MT940 with the same transactions gives the same result as the CSV', async () => {
      const { programmeId, productId } = await programme('BSMT940-UMKM');
      const booked = await book(productId);
      const res = await upload(mt940Of(booked, 'TRF-UNKNOWN-2'), { format: 'MT940', programmeId }).expect(201);
      expect(res.body).toEqual({ id: expect.any(String), lines: 3, matched: 2, unmatched: 1, mismatched: 0, repaymentsPosted: 1, duplicates: 0 });
      expect(await repaymentsOf(booked.loanId)).toEqual([{ amount: '334000.00', channel: 'VA', reference: 'VA20260214' }]);
      expect(await net(programmeId, '1900')).toBe('-50000.00');
      expect(await net(programmeId, '1100')).toBe('499384000.00');
      const all = await lines(res.body.id);
      expect(all.items.map((l: { lineNo: number; status: string }) => [l.lineNo, l.status])).toEqual([
        [5, 'MATCHED'],
        [7, 'MATCHED'],
        [9, 'UNMATCHED'],
      ]);
      const statement = (await t.http().get(`/api/bank-statements/${res.body.id}`).set(auth(finance.token)).expect(200)).body;
      expect(statement).toMatchObject({ format: 'MT940', account: '0011223344', lines: 3, matched: 2 });
      expect(statement.balanceCheck).toMatchObject({ openingBalance: '500000000.00', closingBalance: '499384000.00', fileConsistent: true, difference: '0.00', unexplained: '0.00' });
    });

    it('a debit naming a PENDING disbursement confirms it; one of another amount or dated before the order is MISMATCHED and explains the balance difference', async () => {
      const { programmeId, productId } = await programme('BSDSB-UMKM');
      await setBusinessDate(DISBURSED);
      const pending = await order(productId);
      const other = await order(productId);
      const early = await order(productId);
      await setBusinessDate(TODAY);
      const file = [
        'date,description,reference,debit,credit,balance',
        `2026-01-14,Pencairan ${early.reference},JTM-P-0,1000000.00,,499000000.00`,
        `2026-01-16,Pencairan ${pending.reference},JTM-P-1,1000000.00,,498000000.00`,
        `2026-01-16,Pencairan ${other.reference},JTM-P-2,900000.00,,497100000.00`,
      ].join('\n');
      const res = await upload(file, { format: 'CSV', programmeId }).expect(201);
      expect(res.body).toMatchObject({ lines: 3, matched: 1, mismatched: 2, unmatched: 0, repaymentsPosted: 0 });
      const confirmed = (await t.http().get(`/api/disbursements/${pending.id}`).set(auth(finance.token)).expect(200)).body;
      expect(confirmed).toMatchObject({ status: 'DISBURSED', bankReference: 'JTM-P-1' });
      const untouched = (await t.http().get(`/api/disbursements/${other.id}`).set(auth(finance.token)).expect(200)).body;
      expect(untouched.status).toBe('PENDING');
      expect((await t.http().get(`/api/disbursements/${early.id}`).set(auth(finance.token)).expect(200)).body.status).toBe('PENDING');
      expect((await lines(res.body.id, 'MISMATCHED')).items).toEqual([
        expect.objectContaining({ lineNo: 2, reason: 'VALUE_DATE_BEFORE_ORDER', disbursementId: early.id }),
        expect.objectContaining({ lineNo: 4, reason: 'AMOUNT_DIFFERS', disbursementId: other.id }),
      ]);
      const check = (await t.http().get(`/api/bank-statements/${res.body.id}`).set(auth(finance.token)).expect(200)).body.balanceCheck;
      expect(check).toMatchObject({ openingBalance: '500000000.00', closingBalance: '497100000.00', fileConsistent: true, ledgerCash: '499000000.00', difference: '-1900000.00', unexplained: '0.00' });
      expect(check.explainedBy.map((e: { lineNo: number; amount: string }) => [e.lineNo, e.amount])).toEqual([
        [2, '-1000000.00'],
        [4, '-900000.00'],
      ]);
    });

    it('a per-bank profile: ; separated, dd/mm/yyyy, 1.234,56 amounts; a VA credit dated before the disbursement goes to suspense', async () => {
      const { programmeId, productId } = await programme('BSJTM-UMKM');
      const booked = await book(productId);
      const file = [
        'Tanggal;Keterangan;Referensi;Debet;Kredit;Saldo',
        `14/01/2026;SETORAN VA ${booked.va};VAJTM0;;1.000,00;`,
        `14/02/2026;SETORAN VA ${booked.va};VAJTM1;;334.000,00;499.334.000,00`,
      ].join('\n');
      const res = await upload(file, { format: 'CSV', profile: 'BANK_JATIM', programmeId }).expect(201);
      expect(res.body).toMatchObject({ lines: 2, matched: 1, unmatched: 1, repaymentsPosted: 1 });
      expect(await repaymentsOf(booked.loanId)).toEqual([{ amount: '334000.00', channel: 'VA', reference: 'VAJTM1' }]);
      expect((await lines(res.body.id, 'UNMATCHED')).items).toEqual([expect.objectContaining({ lineNo: 2, reason: 'VALUE_DATE_BEFORE_DISBURSEMENT', suspenseEntryId: expect.any(String) })]);
      expect(await net(programmeId, '1900')).toBe('-1000.00');
    });

    it('a credit to a WRITTEN_OFF loan is a recovery (Dr 1100 / Cr 5100); one the recoveries service refuses goes to suspense with its code', async () => {
      const { programmeId, productId } = await programme('BSWO-UMKM');
      const booked = await book(productId);
      const approver = await t.userWithRoles(['approver']);
      await t.http().post(`/api/loans/${booked.loanId}/write-off`).set(auth(approver.token)).set('Idempotency-Key', key()).send({ reason: 'Usaha tutup' }).expect(200);
      const file = [
        'date,description,reference,debit,credit,balance',
        `${TODAY},SETORAN VA ${booked.va},RCV1,,100000.00,`,
        `${TODAY},SETORAN VA ${booked.va},RCV2,,5000000.00,`,
      ].join('\n');
      const res = await upload(file, { format: 'CSV', programmeId }).expect(201);
      expect(res.body).toMatchObject({ lines: 2, matched: 1, unmatched: 1, repaymentsPosted: 0 });
      const all = (await lines(res.body.id)).items;
      expect(all[0]).toMatchObject({ status: 'MATCHED', loanId: booked.loanId, loanRecoveryId: expect.any(String), suspenseEntryId: null });
      expect(all[1]).toMatchObject({ status: 'UNMATCHED', reason: 'RECOVERY_EXCEEDS_WRITTEN_OFF', suspenseEntryId: expect.any(String) });
      expect(await net(programmeId, '5100')).toBe('900000.00');
      expect(await net(programmeId, '1900')).toBe('-5000000.00');
      expect(await repaymentsOf(booked.loanId)).toEqual([]);
    });

    it('a file with one malformed line is refused with that line number, nothing stored', async () => {
      const { programmeId, productId } = await programme('BSBAD-UMKM');
      const booked = await book(productId);
      const before = await stored();
      const file = ['date,description,reference,debit,credit,balance', `2026-02-14,SETORAN VA ${booked.va},VA1,,334000.00,`, '2026-02-15,TRANSFER,X1,,12x.00,'].join('\n');
      const res = await upload(file, { format: 'CSV', programmeId }).expect(400);
      expect(res.body).toMatchObject({ code: 'STATEMENT_INVALID', line: 3 });
      expect(res.body.detail).toContain('12x.00');
      const mt = await upload(':20:X\n:25:1\n:28C:1/1\n:60F:C260115IDR0,00\n:61:2602140214C12x,00NTRFA\n:62F:C260215IDR0,00', { format: 'MT940', programmeId }).expect(400);
      expect(mt.body).toMatchObject({ code: 'STATEMENT_INVALID', line: 5 });
      const future = await upload(['date,description,reference,debit,credit,balance', '2026-03-01,X,Y,,1.00,'].join('\n'), { format: 'CSV', programmeId }).expect(400);
      expect(future.body).toMatchObject({ code: 'STATEMENT_INVALID', line: 2 });
      expect(await stored()).toEqual(before);
      expect(await repaymentsOf(booked.loanId)).toEqual([]);
    });

    it('refuses a missing file or a bad format (400), and anyone but finance (403)', async () => {
      const noFile = await t.http().post('/api/bank-statements').set(auth(finance.token)).field('format', 'CSV').expect(400);
      expect(noFile.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
      const badFormat = await upload('x', { format: 'PDF' }).expect(400);
      expect(badFormat.body.errors).toEqual([expect.objectContaining({ field: 'format' })]);
      await upload('x', { format: 'CSV' }, officer.token).expect(403);
    });
  });

  describe('suspense: assign and return', () => {
    let programmeId: string;
    let booked: Booked;
    let suspense: string[];

    beforeAll(async () => {
      ({ programmeId } = await programme('BSSUSP-UMKM').then(async (p) => {
        booked = await book(p.productId);
        return p;
      }));
      const file = [
        'date,description,reference,debit,credit,balance',
        '2026-02-14,TRANSFER TANPA BERITA,TRF-A,,334000.00,',
        '2026-02-15,TRANSFER SALAH,TRF-B,,75000.00,',
      ].join('\n');
      const res = await upload(file, { format: 'CSV', programmeId }).expect(201);
      expect(res.body).toMatchObject({ unmatched: 2, repaymentsPosted: 0 });
      suspense = (await lines(res.body.id, 'UNMATCHED')).items.map((l: { id: string }) => l.id);
    });

    it('assigns a suspense credit to a loan: Dr 1900 / Cr 1100, then the repayment; audited', async () => {
      const res = await t.http().post(`/api/bank-statements/lines/${suspense[0]}/assign`).set(auth(finance.token)).send({ loanId: booked.loanId }).expect(200);
      expect(res.body).toMatchObject({ id: suspense[0], resolution: 'ASSIGNED', loanId: booked.loanId, loanTransactionId: expect.any(String) });
      expect(await repaymentsOf(booked.loanId)).toEqual([{ amount: '334000.00', channel: 'VA', reference: 'TRF-A' }]);
      expect(await net(programmeId, '1900')).toBe('-75000.00');
      expect(await net(programmeId, '1200')).toBe('666000.00');
      const audit = await ds.query(`SELECT action, actor_id FROM audit_log WHERE entity_id = $1`, [suspense[0]]);
      expect(audit).toEqual([{ action: 'BANK_LINE_ASSIGNED', actor_id: finance.id }]);
    });

    it('returns a suspense credit to its sender: Dr 1900 / Cr 1100; audited with the reason', async () => {
      const res = await t.http().post(`/api/bank-statements/lines/${suspense[1]}/return`).set(auth(finance.token)).send({ reason: 'Salah transfer' }).expect(200);
      expect(res.body).toMatchObject({ resolution: 'RETURNED' });
      expect(await net(programmeId, '1900')).toBe('0.00');
      expect(await net(programmeId, '1100')).toBe('499334000.00');
      const [audit] = await ds.query(`SELECT action, after FROM audit_log WHERE entity_id = $1`, [suspense[1]]);
      expect(audit).toMatchObject({ action: 'BANK_LINE_RETURNED', after: expect.objectContaining({ reason: 'Salah transfer' }) });
    });

    it('refuses a line already resolved or not in suspense (409), unknown ids (404), bad bodies (400), other roles (403)', async () => {
      const again = await t.http().post(`/api/bank-statements/lines/${suspense[0]}/return`).set(auth(finance.token)).send({ reason: 'x' }).expect(409);
      expect(again.body.code).toBe('INVALID_STATE');
      await t.http().post(`/api/bank-statements/lines/${suspense[1]}/assign`).set(auth(finance.token)).send({ loanId: booked.loanId }).expect(409);
      await t.http().post(`/api/bank-statements/lines/00000000-0000-4000-8000-000000000000/assign`).set(auth(finance.token)).send({ loanId: booked.loanId }).expect(404);
      const noLoan = await t.http().post(`/api/bank-statements/lines/${suspense[1]}/assign`).set(auth(finance.token)).send({ loanId: 'nope' }).expect(400);
      expect(noLoan.body.code).toBe('VALIDATION_FAILED');
      await t.http().post(`/api/bank-statements/lines/${suspense[1]}/return`).set(auth(finance.token)).send({ reason: ' ' }).expect(400);
      await t.http().post(`/api/bank-statements/lines/${suspense[1]}/return`).set(auth(officer.token)).send({ reason: 'x' }).expect(403);
    });
  });

  describe('GET /api/bank-statements/:id and /lines', () => {
    it('404 for an unknown statement, 400 for a bad status or id, pages with a cursor', async () => {
      await t.http().get('/api/bank-statements/00000000-0000-4000-8000-000000000000').set(auth(finance.token)).expect(404);
      await t.http().get('/api/bank-statements/00000000-0000-4000-8000-000000000000/lines').set(auth(finance.token)).expect(404);
      await t.http().get('/api/bank-statements/nope').set(auth(finance.token)).expect(400);
      const [s] = await ds.query(`SELECT statement_id AS id FROM bank_statement_line GROUP BY 1 HAVING count(*) = 3 LIMIT 1`);
      const bad = await t.http().get(`/api/bank-statements/${s.id}/lines`).query({ status: 'PAID' }).set(auth(finance.token)).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
      const first = (await t.http().get(`/api/bank-statements/${s.id}/lines`).query({ limit: 2 }).set(auth(finance.token)).expect(200)).body;
      expect(first.items).toHaveLength(2);
      const second = (await t.http().get(`/api/bank-statements/${s.id}/lines`).query({ limit: 2, cursor: first.nextCursor }).set(auth(finance.token)).expect(200)).body;
      expect(second).toEqual({ items: [expect.objectContaining({ lineNo: expect.any(Number) })], nextCursor: null });
      await t.http().get(`/api/bank-statements/${s.id}`).set(auth(officer.token)).expect(403);
    });
  });
});
