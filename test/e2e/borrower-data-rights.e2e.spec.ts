import { randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { borrowerPhoneAad, contactEmailAad, sealBorrowerPhone } from '#notifications';
import { sealIdentity } from '#intake';
import { FieldCipher, validateEnvironment } from '#platform';
import { DataSource } from 'typeorm';
import { PersonalDataRights1763800001500 } from '../../migrations/1763800001500-personal-data-rights.js';
import { BorrowerPhoneEncrypted1763800002200 } from '../../migrations/1763800002200-borrower-phone-encrypted.js';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { disbursedLoan } from '../support/approved-application.js';
import { randomNik } from '../support/fixtures.js';

// Personal data under UU PDP 27/2022: unreadable at rest without the key (checked with raw SQL and on the
// disk), the reminder e-mail address encrypted (and the migration that converts existing rows), a
// borrower's access request (export) and erasure by anonymisation once the retention period is over,
// with the ledger untouched.

const RETENTION_YEARS = 5; // not the default 10: shows PDP_RETENTION_YEARS is what counts
const randomKk = () => `3526${String(randomInt(1, 1e12)).padStart(12, '0')}`;
const randomPhone = () => `+62857${String(randomInt(1e7, 1e8))}`;
const pdfWith = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');

describe('borrower data rights (UU PDP) (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let storageDir: string;
  let cipher: FieldCipher;
  let officer: { token: string };
  let finance: { token: string };
  let productId: string;
  let programmeId: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const setBusinessDate = (date: string) => ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [date]);
  const storedFiles = (dir = storageDir): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? storedFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  const upload = (borrowerId: string, bytes: Buffer) =>
    t.http().post(`/api/borrowers/${borrowerId}/documents`).set(auth(officer.token)).field('kind', 'KTP').attach('file', bytes, { filename: 'ktp.pdf', contentType: 'application/pdf' });
  const anonymise = (borrowerId: string, key: string | null, body: Record<string, unknown> = { reason: 'Permintaan penghapusan oleh subjek data' }) => {
    const req = t.http().post(`/api/borrowers/${borrowerId}/anonymisation`).set(auth(t.adminToken));
    return (key === null ? req : req.set('Idempotency-Key', key)).send(body);
  };
  const trialBalance = async () => (await t.http().get('/api/ledger/trial-balance').set(auth(t.adminToken)).expect(200)).body;
  const countRows = async () =>
    (await ds.query(
      `SELECT (SELECT count(*) FROM journal_line)::int AS lines, (SELECT count(*) FROM loan_transaction)::int AS txs,
              (SELECT count(*) FROM loan_installment)::int AS installments, (SELECT sum(principal)::text FROM loan) AS principal`,
    ))[0];

  /** A registered borrower with NIK, KK, phone (over HTTP) and an e-mail address; returns what was sent. */
  const register = async () => {
    const nik = randomNik();
    const kk = randomKk();
    const phone = randomPhone();
    const email = `pdp.${randomBytes(4).toString('hex')}@contoh.id`;
    const res = await t
      .http()
      .post('/api/borrowers')
      .set(auth(officer.token))
      .send({
        nik,
        kk,
        fullName: 'Hj. Maimunah',
        phone,
        address: { street: 'Jl. Tanjung Bumi 12', districtCode: '35.26.02', postalCode: '69156' },
        business: { name: 'Batik Tulis Maimunah', sector: 'CRAFT_BATIK', startedOn: '2015-06-01', monthlyRevenue: '4500000', monthlyExpenses: '2000000' },
      });
    if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.body)}`);
    await t.http().put(`/api/borrowers/${res.body.id}/notification-preferences`).set(auth(officer.token)).send({ optOut: ['SMS'], email }).expect(200);
    return { id: res.body.id as string, nik, kk, phone, email };
  };

  /** A booked loan (Rp1,000,000 over 3 months from 2026-01-15) whose borrower has a real sealed NIK, KK, phone and e-mail. */
  const borrowerWithLoan = async () => {
    await setBusinessDate('2026-01-15');
    const loan = await disbursedLoan(t, { officerToken: officer.token, financeToken: finance.token, productId, amount: '1000000', tenor: 3, valueDate: '2026-01-15' });
    const nik = randomNik();
    const kk = randomKk();
    const phone = randomPhone();
    const sealed = sealIdentity(cipher, loan.borrowerId, nik, kk);
    await ds.query(`UPDATE borrower SET nik_encrypted = $2, nik_hash = $3, nik_masked = $4, kk_encrypted = $5, kk_hash = $6, phone_encrypted = $7 WHERE id = $1`, [
      loan.borrowerId,
      sealed.nikEncrypted,
      sealed.nikHash,
      sealed.nikMasked,
      sealed.kkEncrypted,
      sealed.kkHash,
      sealBorrowerPhone(cipher, loan.borrowerId, phone),
    ]);
    const email = `pdp.${randomBytes(4).toString('hex')}@contoh.id`;
    await t.http().put(`/api/borrowers/${loan.borrowerId}/notification-preferences`).set(auth(officer.token)).send({ optOut: [], email }).expect(200);
    return { ...loan, nik, kk, phone, email };
  };

  beforeAll(async () => {
    storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lumbung-pdp-'));
    t = await createTestApp({ DOCUMENT_STORAGE_DIR: storageDir, PDP_RETENTION_YEARS: String(RETENTION_YEARS) });
    ds = t.app.get(DataSource);
    cipher = new FieldCipher(validateEnvironment(process.env).DATA_ENCRYPTION_KEY);
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
    programmeId = await buildProgramme(ds, 'PDP-UMKM');
    productId = await buildProduct(ds, { programmeId, eligibility: { maxActiveLoans: 10 } });
    await setBusinessDate('2026-01-15');
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', 'pdp-cap').send({ programmeId, amount: '100000000', reference: 'SP2D' }).expect(201);
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(storageDir, { recursive: true, force: true });
  });

  describe('at rest, without the key', () => {
    it('no table holds a NIK, KK, phone or e-mail address in clear; the key opens them', async () => {
      const people = [await register(), await register()];
      const tables: { table_name: string }[] = await ds.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
      );
      // Every row of every table as text (the audit log and the outbox included), as psql would show it.
      const dump = (await Promise.all(tables.map(async ({ table_name }) => (await ds.query(`SELECT coalesce(string_agg(to_jsonb(x)::text, E'\\n'), '') AS text FROM "${table_name}" x`))[0].text as string))).join('\n');
      expect(dump.length).toBeGreaterThan(1000);
      for (const p of people) {
        expect(dump).not.toContain(p.nik);
        expect(dump).not.toContain(p.kk);
        expect(dump).not.toContain(p.email);
        // Without the country code: 0857..., 62857... and +62857... all hold these digits.
        expect(dump).not.toContain(p.phone.slice(3));
        const [row] = await ds.query(`SELECT nik_encrypted, nik_hash, nik_masked, kk_encrypted, kk_hash, phone_encrypted FROM borrower WHERE id = $1`, [p.id]);
        const identityColumns = Object.values(row).join(' ');
        for (const part of [p.nik, p.kk, p.nik.slice(4, 12), p.kk.slice(4), p.phone.slice(5, -3)]) expect(identityColumns).not.toContain(part);
        // The ciphertexts are real: the key opens them, another key does not, nor the key on another row.
        expect(cipher.decrypt(row.nik_encrypted, `borrower.nik:${p.id}`)).toBe(p.nik);
        expect(cipher.decrypt(row.kk_encrypted, `borrower.kk:${p.id}`)).toBe(p.kk);
        expect(cipher.decrypt(row.phone_encrypted, borrowerPhoneAad(p.id))).toBe(p.phone);
        const other = people.find((o) => o !== p)!;
        expect(() => cipher.decrypt(row.phone_encrypted, borrowerPhoneAad(other.id))).toThrow();
        expect(() => new FieldCipher(randomBytes(32).toString('base64')).decrypt(row.nik_encrypted, `borrower.nik:${p.id}`)).toThrow();
        const [contact] = await ds.query(`SELECT email_encrypted FROM notification_contact WHERE borrower_id = $1`, [p.id]);
        expect(cipher.decrypt(contact.email_encrypted, contactEmailAad(p.id))).toBe(p.email);
      }
    });

    it('stored document files are not the uploaded bytes and hold none of the NIK, KK or phone', async () => {
      const p = await register();
      const bytes = pdfWith(`KTP NIK ${p.nik} KK ${p.kk} HP ${p.phone} ${p.email}`);
      const before = new Set(storedFiles());
      await upload(p.id, bytes).expect(201);
      const added = storedFiles().filter((f) => !before.has(f));
      expect(added).toHaveLength(1);
      const onDisk = fs.readFileSync(added[0]);
      expect(onDisk.equals(bytes)).toBe(false);
      expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);
      const asText = onDisk.toString('latin1');
      for (const secret of [p.nik, p.kk, p.phone, p.email]) expect(asText).not.toContain(secret);
      // Base64 of the plaintext is not hiding in it either.
      expect(asText).not.toContain(bytes.toString('base64').slice(0, 24));
    });

    it('the migration encrypts e-mail addresses stored in clear before it (and its down decrypts them)', async () => {
      const p = await register();
      const migration = new PersonalDataRights1763800001500();
      const later = new BorrowerPhoneEncrypted1763800002200();
      const q = ds.createQueryRunner();
      try {
        await q.startTransaction();
        await later.down(q);
        await migration.down(q);
        const [old] = await q.query(`SELECT email FROM notification_contact WHERE borrower_id = $1`, [p.id]);
        expect(old.email).toBe(p.email); // down decrypted it: this is the state before the migration
        await migration.up(q);
        const columns = (await q.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'notification_contact'`)).map((c: { column_name: string }) => c.column_name);
        expect(columns).not.toContain('email');
        const [row] = await q.query(`SELECT email_encrypted FROM notification_contact WHERE borrower_id = $1`, [p.id]);
        expect(row.email_encrypted).not.toContain(p.email);
        expect(cipher.decrypt(row.email_encrypted, contactEmailAad(p.id))).toBe(p.email);
        await later.up(q);
        await q.commitTransaction();
      } finally {
        if (q.isTransactionActive) await q.rollbackTransaction();
        await q.release();
      }
      const prefs = await t.http().get(`/api/borrowers/${p.id}/notification-preferences`).set(auth(officer.token)).expect(200);
      expect(prefs.body.email).toBe(`${p.email.slice(0, 2)}${'*'.repeat(p.email.indexOf('@') - 2)}@contoh.id`);
    });

    it('the phone migration encrypts the numbers stored in clear before it, batch after batch (and its down decrypts them)', async () => {
      const people = [await register(), await register(), await register()];
      const all = (await ds.query(`SELECT count(*)::int AS n FROM borrower`))[0].n as number;
      // Two rows a batch: every borrower of the spec so far, over several rounds of the keyset walk.
      const migration = new BorrowerPhoneEncrypted1763800002200(2);
      const q = ds.createQueryRunner();
      try {
        await q.startTransaction();
        await migration.down(q);
        const clear = (await q.query(`SELECT id, phone FROM borrower WHERE id = ANY($1::uuid[]) ORDER BY id`, [people.map((p) => p.id)])) as { id: string; phone: string }[];
        expect(clear.map((r) => r.phone).sort()).toEqual(people.map((p) => p.phone).sort());
        await expect(q.query(`SELECT count(*)::int AS n FROM borrower WHERE phone IS NULL`)).resolves.toEqual([{ n: 0 }]);
        await migration.up(q);
        const columns = (await q.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'borrower'`)).map((c: { column_name: string }) => c.column_name);
        expect(columns).toContain('phone_encrypted');
        expect(columns).not.toContain('phone');
        const sealed = (await q.query(`SELECT id, phone_encrypted FROM borrower`)) as { id: string; phone_encrypted: string }[];
        expect(sealed).toHaveLength(all);
        for (const r of sealed) expect(cipher.decrypt(r.phone_encrypted, borrowerPhoneAad(r.id))).toMatch(/^\+628[0-9]+$|^-$/);
        for (const p of people) expect(cipher.decrypt(sealed.find((r) => r.id === p.id)!.phone_encrypted, borrowerPhoneAad(p.id))).toBe(p.phone);
        await q.commitTransaction();
      } finally {
        if (q.isTransactionActive) await q.rollbackTransaction();
        await q.release();
      }
      const shown = await t.http().get(`/api/borrowers/${people[2].id}`).set(auth(officer.token)).expect(200);
      expect(shown.body.phone).toBe(people[2].phone);
    });
  });

  describe('GET /api/borrowers/:id/export (access request)', () => {
    it('gives an admin everything held, in clear, with loans, schedule, transactions, notifications and documents; audited', async () => {
      const b = await borrowerWithLoan();
      await upload(b.borrowerId, pdfWith('surat keterangan usaha')).expect(201);
      await setBusinessDate('2026-02-20');
      await t.http().post(`/api/loans/${b.loanId}/repayments`).set(auth(finance.token)).set('Idempotency-Key', `pdp-rp-${b.loanId}`)
        .send({ amount: '334000', valueDate: '2026-02-16', channel: 'TELLER', reference: 'KW-1' }).expect(201);
      const res = await t.http().get(`/api/borrowers/${b.borrowerId}/export`).set(auth(t.adminToken)).expect(200);
      expect(res.body.borrower).toMatchObject({ id: b.borrowerId, nik: b.nik, kk: b.kk, phone: b.phone, anonymisedAt: null });
      expect(res.body.business).toMatchObject({ name: 'Batik Tulis Aminah', monthlyRevenue: '6000000.00' });
      expect(res.body.notificationPreferences).toEqual({ optOut: [], email: b.email });
      expect(res.body.applications).toEqual([expect.objectContaining({ id: b.applicationId, status: 'DISBURSED', amount: '1000000.00' })]);
      expect(res.body.loans).toHaveLength(1);
      const [loan] = res.body.loans;
      expect(loan).toMatchObject({ id: b.loanId, principal: '1000000.00', outstandingPrincipal: '666000.00', status: 'ACTIVE' });
      expect(loan.schedule.map((i: { principalDue: string }) => i.principalDue)).toEqual(['334000.00', '334000.00', '332000.00']);
      expect(loan.transactions).toEqual([expect.objectContaining({ kind: 'REPAYMENT', amount: '334000.00', valueDate: '2026-02-16', reference: 'KW-1' })]);
      expect(res.body.disbursements).toEqual([expect.objectContaining({ loanId: b.loanId, amount: '1000000.00', accountNumberMasked: expect.stringMatching(/^\*+\d{4}$/) })]);
      expect(res.body.notifications.length).toBeGreaterThan(0);
      expect(res.body.documents).toEqual([expect.objectContaining({ kind: 'KTP', contentType: 'application/pdf', deletedAt: null })]);
      expect(JSON.stringify(res.body.documents)).not.toContain('storage');
      const audits = await ds.query(`SELECT actor_id FROM audit_log WHERE action = 'BORROWER_DATA_EXPORTED' AND entity_id = $1`, [b.borrowerId]);
      expect(audits).toHaveLength(1);
    });

    it('is for admins only (403 for the loan officer, the borrower themself gets 403 too), 404 for an unknown id, 400 for a bad one', async () => {
      const b = await register();
      const res = await t.http().get(`/api/borrowers/${b.id}/export`).set(auth(officer.token)).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
      const own = await t.userWithRoles(['borrower'], { borrowerId: b.id });
      await t.http().get(`/api/borrowers/${b.id}/export`).set(auth(own.token)).expect(403);
      expect((await t.http().get('/api/borrowers/00000000-0000-4000-8000-000000000000/export').set(auth(t.adminToken)).expect(404)).body.code).toBe('NOT_FOUND');
      expect((await t.http().get('/api/borrowers/not-a-uuid/export').set(auth(t.adminToken)).expect(400)).body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('POST /api/borrowers/:id/anonymisation (erasure)', () => {
    it('is refused while a loan is ACTIVE (409), then until the retention period is over (422), and changes nothing when refused', async () => {
      const b = await borrowerWithLoan();
      const snapshot = async () => (await ds.query(`SELECT to_jsonb(x)::text AS row FROM borrower x WHERE id = $1`, [b.borrowerId]))[0].row;
      const before = await snapshot();
      const active = await anonymise(b.borrowerId, 'pdp-active').expect(409);
      expect(active.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(active.body.code).toBe('BORROWER_HAS_ACTIVE_LOAN');
      await setBusinessDate('2026-01-20');
      await t.http().post(`/api/loans/${b.loanId}/repayments`).set(auth(finance.token)).set('Idempotency-Key', `pdp-full-${b.loanId}`)
        .send({ amount: '1000000', valueDate: '2026-01-20', channel: 'TRANSFER', reference: 'LUNAS' }).expect(201);
      const early = await anonymise(b.borrowerId, 'pdp-early').expect(422);
      expect(early.body).toMatchObject({ code: 'RETENTION_PERIOD_NOT_OVER', retainUntil: `${2026 + RETENTION_YEARS}-01-20`, lastLoanEndedOn: '2026-01-20' });
      await setBusinessDate(`${2026 + RETENTION_YEARS}-01-19`);
      await anonymise(b.borrowerId, 'pdp-one-day-early').expect(422);
      expect(await snapshot()).toBe(before);
      expect((await anonymise(b.borrowerId, null).expect(400)).body.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
      const blank = await anonymise(b.borrowerId, 'pdp-blank', { reason: '   ' }).expect(400);
      expect(blank.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    });

    it('once allowed: tombstones, documents deleted from disk, sign-in closed, audited; loans and the ledger untouched', async () => {
      const b = await borrowerWithLoan();
      const user = await t.userWithRoles(['borrower'], { borrowerId: b.borrowerId });
      await upload(b.borrowerId, pdfWith('foto usaha')).expect(201);
      await upload(b.borrowerId, pdfWith('sertifikat')).expect(201);
      const keys: { storage_key: string }[] = await ds.query(`SELECT storage_key FROM borrower_document WHERE borrower_id = $1`, [b.borrowerId]);
      const filesBefore = storedFiles().length;
      await setBusinessDate('2026-03-01');
      // She pays it off into her virtual account; the bank's statement line carries her name.
      const { virtualAccount } = (await t.http().get(`/api/loans/${b.loanId}`).set(auth(finance.token)).expect(200)).body;
      const statement = ['date,description,reference,debit,credit,balance', `2026-02-27,TRF SITI AMINAH BATIK ${virtualAccount},VA-LUNAS,,1000000.00,`].join('\n');
      const imported = await t.http().post('/api/bank-statements').set(auth(finance.token)).field('format', 'CSV').field('programmeId', programmeId)
        .attach('file', Buffer.from(statement), { filename: 'rekening-koran.csv', contentType: 'text/plain' }).expect(201);
      expect(imported.body).toMatchObject({ matched: 1, repaymentsPosted: 1 });
      const bankLines = async () => (await t.http().get(`/api/bank-statements/${imported.body.id}/lines`).set(auth(finance.token)).expect(200)).body.items;
      expect((await bankLines())[0]).toMatchObject({ loanId: b.loanId, description: `TRF SITI AMINAH BATIK ${virtualAccount}`, amount: '1000000.00' });
      await setBusinessDate(`${2026 + RETENTION_YEARS}-02-27`);
      const ledgerBefore = await trialBalance();
      const rowsBefore = await countRows();
      const loanBefore = (await t.http().get(`/api/loans/${b.loanId}`).set(auth(t.adminToken)).expect(200)).body;

      const res = await anonymise(b.borrowerId, 'pdp-go').expect(200);
      expect(res.body).toMatchObject({ borrowerId: b.borrowerId, retentionEndedOn: `${2026 + RETENTION_YEARS}-02-27`, documentsDeleted: 2 });

      // The person is gone from the row, the business, the contact, the disbursement and the sign-in account.
      const [row] = await ds.query(`SELECT to_jsonb(x) AS row FROM borrower x WHERE id = $1`, [b.borrowerId]);
      expect(row.row).toMatchObject({ full_name: 'ANONIM', address_street: '-', kk_encrypted: null, kk_hash: null, nik_masked: '****************' });
      expect(cipher.decrypt(row.row.phone_encrypted, borrowerPhoneAad(b.borrowerId))).toBe('-');
      const everything = JSON.stringify((await t.http().get(`/api/borrowers/${b.borrowerId}/export`).set(auth(t.adminToken)).expect(200)).body);
      for (const secret of [b.nik, b.kk, b.phone, b.email, 'Siti Aminah', 'Batik Tulis Aminah', 'Jl. Raya Bangkalan']) expect(everything).not.toContain(secret);
      const shown = await t.http().get(`/api/borrowers/${b.borrowerId}`).set(auth(officer.token)).expect(200);
      expect(shown.body).toMatchObject({ fullName: 'ANONIM', phone: '-', nikMasked: '****************', kkOnFile: false });
      await t.http().get('/api/users/me').set(auth(user.token)).expect(401);
      await expect(ds.query(`SELECT count(*)::int AS n FROM notification_contact WHERE borrower_id = $1`, [b.borrowerId])).resolves.toEqual([{ n: 0 }]);
      await expect(ds.query(`SELECT DISTINCT account_name FROM disbursement WHERE borrower_id = $1`, [b.borrowerId])).resolves.toEqual([{ account_name: 'ANONIM' }]);
      // The bank line keeps its amount, date, reference and match; its text no longer names her.
      expect(await bankLines()).toEqual([expect.objectContaining({ loanId: b.loanId, description: '-', amount: '1000000.00', reference: 'VA-LUNAS', status: 'MATCHED' })]);

      // The document files are deleted from the disk, their rows marked deleted.
      expect(storedFiles().length).toBe(filesBefore - 2);
      for (const k of keys) expect(storedFiles().some((f) => f.includes(k.storage_key))).toBe(false);
      await expect(ds.query(`SELECT count(*)::int AS n FROM borrower_document WHERE borrower_id = $1 AND deleted_at IS NULL`, [b.borrowerId])).resolves.toEqual([{ n: 0 }]);

      // The money is untouched: same trial balance, same journal, same loan.
      expect(await trialBalance()).toEqual(ledgerBefore);
      expect(ledgerBefore.totalDebit).toBe(ledgerBefore.totalCredit);
      expect(await countRows()).toEqual(rowsBefore);
      expect((await t.http().get(`/api/loans/${b.loanId}`).set(auth(t.adminToken)).expect(200)).body).toEqual(loanBefore);

      const [audit] = await ds.query(`SELECT after FROM audit_log WHERE action = 'BORROWER_ANONYMISED' AND entity_id = $1`, [b.borrowerId]);
      expect(audit.after).toMatchObject({ reason: 'Permintaan penghapusan oleh subjek data', documentsDeleted: 2 });

      // A replay answers the first answer; another key finds it done.
      const replay = await anonymise(b.borrowerId, 'pdp-go').expect(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toEqual(res.body);
      expect((await anonymise(b.borrowerId, 'pdp-again').expect(409)).body.code).toBe('ALREADY_ANONYMISED');
      // The tombstone NIK still opens for an audited reveal (no 500 on an anonymised record).
      expect((await t.http().get(`/api/borrowers/${b.borrowerId}/nik`).set(auth(officer.token)).expect(200)).body.nik).toBe('0000000000000000');
    });

    it('a borrower who never had a loan may be erased at once; two anonymised borrowers do not collide', async () => {
      const [x, y] = [await register(), await register()];
      const rx = await anonymise(x.id, `pdp-x-${x.id}`).expect(200);
      expect(rx.body.retentionEndedOn).toBeNull();
      await anonymise(y.id, `pdp-y-${y.id}`).expect(200);
      await t.http().get('/api/borrowers').query({ nik: x.nik }).set(auth(officer.token)).expect(200).expect((r) => expect(r.body.items).toEqual([]));
    });

    it('is for admins only and 404 for an unknown borrower', async () => {
      const b = await register();
      expect((await t.http().post(`/api/borrowers/${b.id}/anonymisation`).set(auth(officer.token)).set('Idempotency-Key', 'x').send({ reason: 'abc' }).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await anonymise('00000000-0000-4000-8000-000000000000', 'pdp-404').expect(404)).body.code).toBe('NOT_FOUND');
    });
  });
});
