// PATCH /api/borrowers/:id: correcting a borrower's details (UU PDP's right to rectification, and a new SIM
// card, a move, a business that grew), audited, under the row lock, and harmless to repeat.
import { randomInt } from 'node:crypto';
import { type AppConfig, APP_CONFIG, TransactionRunner } from '#platform';
import { ReminderSender } from '#notifications';
import { DataSource } from 'typeorm';
import { buildApplicant, buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { disbursedLoan } from '../support/approved-application.js';
import { DedupingGateway } from '../support/deduping-gateway.js';
import { randomNik } from '../support/fixtures.js';

type Body = Record<string, unknown>;
const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const mobile = () => `0857${randomInt(10_000_000, 100_000_000)}`;
const e164 = (phone: string) => `+62${phone.slice(1)}`;
const masked = (phone: string) => `${phone.slice(0, 5)}${'*'.repeat(phone.length - 8)}${phone.slice(-3)}`;

describe('borrower correction (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: { id: string; token: string };
  let secondOfficer: { id: string; token: string };

  const register = async (over: Body = {}) => {
    const res = await t
      .http()
      .post('/api/borrowers')
      .set(auth(officer.token))
      .send({
        nik: randomNik({ birthDate: '1980-02-03', gender: 'F' }),
        fullName: 'Siti Rohmah',
        phone: mobile(),
        address: { street: 'Jl. Raya Kamal No. 7', villageName: 'Banyu Ajuh', districtCode: '35.26.04', postalCode: '69162' },
        business: { name: 'Kerupuk Ikan Kamal', sector: 'CULINARY', startedOn: '2015-03-01', monthlyRevenue: '4500000', monthlyExpenses: '2750000' },
        ...over,
      });
    expect(res.status).toBe(201);
    return res.body as { id: string; phone: string; fullName: string };
  };
  const correct = (id: string, body: Body, token = officer.token) => t.http().patch(`/api/borrowers/${id}`).set(auth(token)).send(body);
  const row = async (id: string) =>
    (await ds.query(`SELECT version, kk_hash, phone_hash, row_to_json(b)::text AS json FROM borrower b WHERE id = $1`, [id]))[0] as {
      version: number;
      kk_hash: string | null;
      phone_hash: string;
      json: string;
    };
  const corrections = (id: string) =>
    ds.query(`SELECT actor_id, before, after FROM audit_log WHERE action = 'BORROWER_CORRECTED' AND entity_id = $1 ORDER BY id`, [id]) as Promise<
      { actor_id: string; before: Body & { phone: string }; after: Body & { phone: string; reason: string; kkChanged: boolean } }[]
    >;
  const fields = (res: { body: { errors: { field: string; code: string }[] } }) => res.body.errors.map((e) => [e.field, e.code]);

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    officer = await t.userWithRoles(['loan_officer']);
    secondOfficer = await t.userWithRoles(['loan_officer']);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives a borrower a new mobile number: found by it, not by the old one, audited masked with the reason, never in clear at rest', async () => {
    const b = await register();
    const before = await row(b.id);
    const phone = mobile();
    const res = await correct(b.id, { phone: phone.replace(/(\d{4})(\d{4})(\d+)/, '$1-$2-$3'), reason: 'Nomor HP baru, kartu lama hilang' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: b.id, phone: e164(phone), fullName: 'Siti Rohmah' });
    const after = await row(b.id);
    expect(after.version).toBe(before.version + 1);
    expect(after.phone_hash).not.toBe(before.phone_hash);
    expect(after.json).not.toContain(phone.slice(1));
    const staff = await t.userWithRoles(['approver']);
    const byNew = await t.http().get('/api/borrowers').query({ phone }).set(auth(staff.token)).expect(200);
    expect(byNew.body.items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    const byOld = await t.http().get('/api/borrowers').query({ phone: b.phone }).set(auth(staff.token)).expect(200);
    expect(byOld.body.items.map((x: { id: string }) => x.id)).not.toContain(b.id);
    const [audit] = await corrections(b.id);
    expect(audit.actor_id).toBe(officer.id);
    expect(audit.before.phone).toBe(masked(b.phone));
    expect(audit.after).toMatchObject({ phone: masked(e164(phone)), reason: 'Nomor HP baru, kartu lama hilang', kkChanged: false });
    expect(JSON.stringify(audit)).not.toContain(phone.slice(1));
  });

  it('moves a borrower, renames her, adds her KK and restates her business in one step; the name search follows', async () => {
    const b = await register();
    const kk = `352604${randomInt(1_000_000_000, 9_999_999_999)}`;
    const res = await correct(b.id, {
      fullName: 'Siti Rohmah Hasanah',
      kk,
      address: { street: 'Jl. Trunojoyo 21', districtCode: '35.26.01', postalCode: '69111' },
      business: { name: 'Kerupuk Ikan Rohmah', nib: '9120001234567', sector: 'TRADE', startedOn: '2016-01-01', monthlyRevenue: '6000000', monthlyExpenses: '3500000.50' },
      reason: 'Pindah ke kota, usaha berkembang',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      fullName: 'Siti Rohmah Hasanah',
      kkOnFile: true,
      address: { street: 'Jl. Trunojoyo 21', villageName: null, districtCode: '35.26.01', districtName: 'Bangkalan', postalCode: '69111' },
      business: { name: 'Kerupuk Ikan Rohmah', nib: '9120001234567', sector: 'TRADE', monthlyRevenue: '6000000.00', monthlyExpenses: '3500000.50' },
      phone: b.phone,
    });
    const revealed = await t.http().get(`/api/borrowers/${b.id}/nik`).set(auth(officer.token)).expect(200);
    expect(revealed.body.kk).toBe(kk);
    expect((await row(b.id)).json).not.toContain(kk);
    const found = await t.http().get('/api/borrowers').query({ name: 'rohmah hasanah', districtCode: '35.26.01' }).set(auth(officer.token)).expect(200);
    expect(found.body.items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    const [audit] = await corrections(b.id);
    expect(audit.before).toMatchObject({ fullName: 'Siti Rohmah', kkOnFile: false, address: { districtCode: '35.26.04' }, business: { monthlyRevenue: '4500000.00' } });
    expect(audit.after).toMatchObject({ fullName: 'Siti Rohmah Hasanah', kkOnFile: true, kkChanged: true, business: { sector: 'TRADE' } });
    expect(JSON.stringify(audit)).not.toContain(kk);
  });

  it('gives a borrower registered without a business the one she now has', async () => {
    const { borrowerId } = await buildApplicant(ds, { business: null });
    const res = await correct(borrowerId, {
      business: { name: 'Warung Bu Sri', sector: 'CULINARY', startedOn: '2020-05-01', monthlyRevenue: '3000000', monthlyExpenses: '1800000' },
      reason: 'Data usaha dilengkapi',
    });
    expect(res.status).toBe(200);
    expect(res.body.business).toMatchObject({ name: 'Warung Bu Sri', nib: null, monthlyRevenue: '3000000.00' });
    expect((await corrections(borrowerId))).toHaveLength(1);
  });

  it('changes nothing and writes no audit row when what is sent is already on file, so a retry is harmless', async () => {
    const b = await register();
    const phone = mobile();
    const body = { phone, address: { street: 'Jl. Raya Kamal No. 7', villageName: 'Banyu Ajuh', districtCode: '35.26.04', postalCode: '69162' }, reason: 'Nomor baru' };
    const first = await correct(b.id, body);
    const version = (await row(b.id)).version;
    const again = await correct(b.id, { ...body, phone: e164(phone) });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    expect((await row(b.id)).version).toBe(version);
    expect(await corrections(b.id)).toHaveLength(1);
  });

  it('names every bad field in one 400 and writes nothing; the NIK, gender and birth date cannot be sent', async () => {
    const b = await register();
    const before = await row(b.id);
    const bad = await correct(b.id, {
      fullName: '  ',
      phone: '031-3456789',
      kk: '123',
      address: { street: 'Jl. A', districtCode: '35.26', postalCode: '0123' },
      business: { name: 'X', nib: '12', sector: 'CULINARY', startedOn: '1979-01-01', monthlyRevenue: '1', monthlyExpenses: '1' },
      reason: 'Koreksi',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fields(bad)).toEqual([
      ['kk', 'KK_FORMAT'],
      ['fullName', 'FULL_NAME_EMPTY'],
      ['phone', 'PHONE_FORMAT'],
      ['address.postalCode', 'POSTAL_CODE_FORMAT'],
      ['business.nib', 'NIB_FORMAT'],
      ['business.startedOn', 'STARTED_ON_BEFORE_BIRTH'],
      ['address.districtCode', 'NOT_A_DISTRICT'],
    ]);
    const identity = await correct(b.id, { nik: randomNik(), gender: 'M', birthDate: '1990-01-01', reason: 'Koreksi' });
    expect(identity.status).toBe(400);
    expect(fields(identity).map(([field]) => field).sort()).toEqual(['birthDate', 'gender', 'nik']);
    const empty = await correct(b.id, { reason: 'Koreksi' });
    expect(fields(empty)).toEqual([['body', 'NOTHING_TO_CORRECT']]);
    const noReason = await correct(b.id, { phone: mobile() });
    expect(noReason.status).toBe(400);
    expect(fields(noReason).map(([field]) => field)).toEqual(['reason']);
    expect(await row(b.id)).toEqual(before);
    expect(await corrections(b.id)).toEqual([]);
  });

  it('is 404 for an unknown borrower, 409 ALREADY_ANONYMISED for an erased one, and refused to approvers and finance', async () => {
    const unknown = await correct('6f1c1a51-3a8e-4c1e-9a55-0e7a4a1f0b9d', { phone: mobile(), reason: 'Koreksi' });
    expect(unknown.status).toBe(404);
    const b = await register();
    await ds.query(`UPDATE borrower SET anonymised_at = now() WHERE id = $1`, [b.id]);
    const erased = await correct(b.id, { phone: mobile(), reason: 'Koreksi' });
    expect(erased.status).toBe(409);
    expect(erased.body.code).toBe('ALREADY_ANONYMISED');
    for (const roles of [['approver'], ['finance']]) {
      const other = await t.userWithRoles(roles);
      expect((await correct(b.id, { phone: mobile(), reason: 'Koreksi' }, other.token)).status).toBe(403);
    }
  });

  it('two officers correcting one borrower at the same moment, 5 times: both land, one after the other, each audit row starting where the other ended', async () => {
    for (let round = 0; round < 5; round++) {
      const b = await register();
      const start = (await row(b.id)).version;
      // Numbers that differ in the digits the mask shows, so the audit rows tell them apart.
      const phones = [`08571234${round}001`, `08579876${round}002`];
      const answers = await Promise.all([
        correct(b.id, { phone: phones[0], reason: 'Nomor dari petugas A' }, officer.token),
        correct(b.id, { phone: phones[1], reason: 'Nomor dari petugas B' }, secondOfficer.token),
      ]);
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      const audits = await corrections(b.id);
      expect(audits).toHaveLength(2);
      expect(audits[0].before.phone).toBe(masked(b.phone));
      expect(audits[1].before.phone).toBe(audits[0].after.phone);
      const final = (await t.http().get(`/api/borrowers/${b.id}`).set(auth(officer.token)).expect(200)).body.phone;
      expect(masked(final)).toBe(audits[1].after.phone);
      expect(phones.map(e164)).toContain(final);
      expect((await row(b.id)).version).toBe(start + 2);
    }
  });

  it('the reminders still to go out reach the new number', async () => {
    const programmeId = await buildProgramme(ds, 'KOREKSI-UMKM');
    const productId = await buildProduct(ds, { programmeId });
    const finance = await t.userWithRoles(['finance']);
    await ds.query(`UPDATE business_date SET date = '2026-01-15' WHERE id = 1`);
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', 'koreksi-cap').send({ programmeId, amount: '50000000', reference: 'SP2D' }).expect(201);
    const loan = await disbursedLoan(t, { officerToken: officer.token, financeToken: finance.token, productId, amount: '1000000', tenor: 3, valueDate: '2026-01-15' });
    const phone = mobile();
    await correct(loan.borrowerId, { phone, reason: 'Nomor HP baru' }).expect(200);
    const [next] = (await ds.query(`SELECT id, scheduled_for FROM notification WHERE loan_id = $1 ORDER BY scheduled_for LIMIT 1`, [loan.loanId])) as {
      id: string;
      scheduled_for: Date;
    }[];
    const gateway = new DedupingGateway(0);
    await gateway.start();
    try {
      const config = t.app.get<AppConfig>(APP_CONFIG);
      const sender = new ReminderSender(t.app.get(TransactionRunner), { ...config, NOTIFY_CHANNELS: 'WHATSAPP', NOTIFY_GATEWAY_URL: gateway.url });
      await expect(sender.send(next.id, 1, new Date(new Date(next.scheduled_for).getTime() + 60_000))).resolves.toBe('SENT');
    } finally {
      await gateway.stop();
    }
    expect(gateway.requests.map((r) => r.to)).toEqual([e164(phone)]);
  });
});
