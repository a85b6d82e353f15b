import { createHash } from 'node:crypto';
import { parseCsv } from '#disbursement';
import { DataSource } from 'typeorm';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { approvedApplication, type ApprovedOptions } from '../support/approved-application.js';

const TODAY = '2026-06-15';

describe('disbursement batches and bank files (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: { token: string };
  let finance: { id: string; token: string };
  let productId: string;
  let seq = 0;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const ordered = async (account: Partial<{ bankCode: string; accountNumber: string; accountName: string }> = {}, opts: Partial<ApprovedOptions> = {}) => {
    const app = await approvedApplication(t, { officerToken: officer.token, productId, ...opts });
    const res = await t
      .http()
      .post('/api/disbursements')
      .set(auth(finance.token))
      .set('Idempotency-Key', `order-${++seq}`)
      .send({ applicationId: app.id, bankCode: '114', accountNumber: '0011223344', accountName: 'Siti Aminah', ...account });
    if (res.status !== 201) throw new Error(`order failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; reference: string; amount: string };
  };
  const batch = (body: Record<string, unknown>, token = finance.token) => t.http().post('/api/disbursement-batches').set(auth(token)).send(body);
  const download = (id: string, token = finance.token) =>
    t
      .http()
      .get(`/api/disbursement-batches/${id}/file`)
      .set(auth(token))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const getBatch = async (id: string) => (await t.http().get(`/api/disbursement-batches/${id}`).set(auth(finance.token)).expect(200)).body;
  const confirm = (id: string) =>
    t.http().post(`/api/disbursements/${id}/confirm`).set(auth(finance.token)).set('Idempotency-Key', `confirm-${++seq}`).send({ valueDate: TODAY, bankReference: `JTM-${seq}` }).expect(200);
  const cancel = (id: string) => t.http().post(`/api/disbursements/${id}/cancel`).set(auth(finance.token)).send({ reason: 'Rekening ditutup' }).expect(200);

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    await ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [TODAY]);
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
    productId = await buildProduct(ds);
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', 'cap').send({ amount: '500000000', reference: 'SP2D' }).expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it("makes a batch in the fund bank's layout (Bank Jatim) whose file opens as CSV with the right amounts, control total and SHA-256", async () => {
    const a = await ordered({ accountNumber: '0011223344', accountName: 'Siti Aminah' });
    const b = await ordered({ bankCode: '002', accountNumber: '000987654321', accountName: 'Batik Tulis, Bu Aminah' }, { amount: '2500000' });
    const res = await batch({ disbursementIds: [a.id, b.id] }).expect(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      number: expect.stringMatching(/^BAT-2026-\d{6}$/),
      count: 2,
      total: '7500000.00',
      status: 'OPEN',
      bankCode: '114',
      bankName: 'Bank Jatim',
      layout: 'BANK_JATIM_V1',
      fileSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      sentAt: null,
    });
    expect(res.body.disbursements.map((d: { id: string }) => d.id).sort()).toEqual([a.id, b.id].sort());
    const id = res.body.id as string;

    const file = await download(id).expect(200);
    expect(file.headers['content-type']).toMatch(/^text\/csv/);
    expect(file.headers['content-disposition']).toBe(`attachment; filename="${res.body.number}.csv"`);
    const bytes = file.body as Buffer;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(res.body.fileSha256);
    const records = parseCsv(bytes.toString('utf8'));
    expect(records[0]).toEqual(['NO', 'KODE_BANK', 'NO_REKENING', 'NAMA_PENERIMA', 'NOMINAL', 'MATA_UANG', 'BERITA', 'REFERENSI']);
    const rows = records.slice(1, -1);
    expect(rows.map((r) => r[0])).toEqual(['1', '2']);
    const byReference = Object.fromEntries(rows.map((r) => [r[7], r]));
    expect(byReference[a.reference].slice(1, 7)).toEqual(['114', '0011223344', 'SITI AMINAH', '5000000', 'IDR', `PENCAIRAN PINJAMAN ${a.reference}`]);
    expect(byReference[b.reference].slice(1, 7)).toEqual(['002', '000987654321', 'BATIK TULIS, BU AMINAH', '2500000', 'IDR', `PENCAIRAN PINJAMAN ${b.reference}`]);
    expect(records[records.length - 1]).toEqual(['TOTAL', '2', '7500000', '', '', '', '', '']);
    for (const r of records) expect(r).toHaveLength(8);

    // The first download sends it; a second gives the same bytes and changes nothing.
    const sent = await getBatch(id);
    expect(sent).toMatchObject({ status: 'SENT', sentBy: finance.id, sentAt: expect.any(String) });
    const again = await download(id).expect(200);
    expect(Buffer.compare(again.body as Buffer, bytes)).toBe(0);
    expect((await getBatch(id)).version).toBe(sent.version);
    const audits = await ds.query(`SELECT action, actor_id FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id]);
    expect(audits.map((r: { action: string }) => r.action)).toEqual([
      'DISBURSEMENT_BATCH_CREATED',
      'DISBURSEMENT_BATCH_SENT',
      'DISBURSEMENT_BATCH_FILE_DOWNLOADED',
      'DISBURSEMENT_BATCH_FILE_DOWNLOADED',
    ]);
    expect(audits.every((r: { actor_id: string }) => r.actor_id === finance.id)).toBe(true);
  });

  it('writes the generic layout for a bank without its own: header, amounts with 2 decimals, no control total', async () => {
    const a = await ordered({ bankCode: '002' }, { amount: '3000000' });
    const res = await batch({ disbursementIds: [a.id], bankCode: '002' }).expect(201);
    expect(res.body).toMatchObject({ layout: 'GENERIC_V1', bankName: 'BRI', count: 1, total: '3000000.00' });
    const records = parseCsv((await download(res.body.id).expect(200)).body.toString('utf8'));
    expect(records).toEqual([
      ['reference', 'bank_code', 'account_number', 'account_name', 'amount', 'description'],
      [a.reference, '002', '0011223344', 'Siti Aminah', '3000000.00', `Pencairan pinjaman ${a.reference}`],
    ]);
  });

  it('keeps a disbursement in one batch only: 409 DISBURSEMENT_ALREADY_BATCHED naming it and its batch', async () => {
    const a = await ordered();
    const b = await ordered();
    const first = await batch({ disbursementIds: [a.id] }).expect(201);
    const res = await batch({ disbursementIds: [b.id, a.id] }).expect(409);
    expect(res.body).toMatchObject({ code: 'DISBURSEMENT_ALREADY_BATCHED', disbursementIds: [a.id], batchIds: [first.body.id] });
    // Nothing of the refused batch stays: b is still free.
    await batch({ disbursementIds: [b.id] }).expect(201);
  });

  it('takes only PENDING orders: 409 DISBURSEMENT_NOT_PENDING for a confirmed or cancelled one', async () => {
    const paid = await ordered();
    await confirm(paid.id);
    const dropped = await ordered();
    await cancel(dropped.id);
    const res = await batch({ disbursementIds: [paid.id, dropped.id] }).expect(409);
    expect(res.body.code).toBe('DISBURSEMENT_NOT_PENDING');
    expect([...res.body.disbursementIds].sort()).toEqual([paid.id, dropped.id].sort());
  });

  it('refuses orders of two programmes in one batch: 422 BATCH_MIXES_PROGRAMMES', async () => {
    const programmeId = await buildProgramme(ds);
    const otherProduct = await buildProduct(ds, { programmeId });
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', 'cap-other').send({ programmeId, amount: '10000000', reference: 'X' }).expect(201);
    const here = await ordered();
    const there = await ordered({}, { productId: otherProduct });
    const res = await batch({ disbursementIds: [here.id, there.id] }).expect(422);
    expect(res.body.code).toBe('BATCH_MIXES_PROGRAMMES');
  });

  it('refuses an amount with sen in a whole-rupiah layout (422 BANK_FILE_AMOUNT_NOT_WHOLE) and takes it in the generic one', async () => {
    const withSen = await ordered({}, { amount: '1500000.50', tenor: 3 });
    const res = await batch({ disbursementIds: [withSen.id] }).expect(422);
    expect(res.body).toMatchObject({ code: 'BANK_FILE_AMOUNT_NOT_WHOLE', references: [withSen.reference] });
    const generic = await batch({ disbursementIds: [withSen.id], bankCode: '008' }).expect(201);
    expect(generic.body.total).toBe('1500000.50');
  });

  it.each([
    ['no ids', { disbursementIds: [] }, 'disbursementIds'],
    ['an id twice', { disbursementIds: ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001'] }, 'disbursementIds'],
    ['an id that is not a UUID', { disbursementIds: ['x'] }, 'disbursementIds'],
    ['an unknown bank', { disbursementIds: ['00000000-0000-4000-8000-000000000001'], bankCode: '115' }, 'bankCode'],
  ])('refuses %s: 400 naming the field', async (_label, body, field) => {
    const res = await batch(body).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers 404 for an unknown disbursement, naming it', async () => {
    const a = await ordered();
    const unknown = '00000000-0000-4000-8000-00000000abcd';
    const res = await batch({ disbursementIds: [a.id, unknown] }).expect(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', disbursementIds: [unknown] });
  });

  it('settles a batch when all its orders are confirmed, PARTLY_FAILED when some were cancelled, FAILED when all were', async () => {
    const [a, b, c, d, e] = [await ordered(), await ordered(), await ordered(), await ordered(), await ordered()];
    const settled = (await batch({ disbursementIds: [a.id, b.id] }).expect(201)).body.id;
    await t.http().post(`/api/disbursement-batches/${settled}/sent`).set(auth(finance.token)).expect(200);
    await confirm(a.id);
    expect((await getBatch(settled)).status).toBe('SENT');
    await confirm(b.id);
    expect(await getBatch(settled)).toMatchObject({ status: 'SETTLED', closedAt: expect.any(String) });

    const partly = (await batch({ disbursementIds: [c.id, d.id] }).expect(201)).body.id;
    await cancel(c.id);
    await confirm(d.id);
    const p = await getBatch(partly);
    expect(p.status).toBe('PARTLY_FAILED');
    expect(p.disbursements.map((x: { status: string }) => x.status).sort()).toEqual(['CANCELLED', 'DISBURSED']);

    const failed = (await batch({ disbursementIds: [e.id] }).expect(201)).body.id;
    await cancel(e.id);
    expect((await getBatch(failed)).status).toBe('FAILED');
    // A settled batch still downloads, the same file as made.
    const file = await download(failed).expect(200);
    expect(createHash('sha256').update(file.body as Buffer).digest('hex')).toBe((await getBatch(failed)).fileSha256);
  });

  it('marks a batch SENT on request; again on a SENT batch changes nothing; a closed batch is 409 INVALID_STATE', async () => {
    const a = await ordered();
    const id = (await batch({ disbursementIds: [a.id] }).expect(201)).body.id;
    const sent = await t.http().post(`/api/disbursement-batches/${id}/sent`).set(auth(finance.token)).expect(200);
    expect(sent.body).toMatchObject({ status: 'SENT', sentBy: finance.id });
    const again = await t.http().post(`/api/disbursement-batches/${id}/sent`).set(auth(finance.token)).expect(200);
    expect(again.body.version).toBe(sent.body.version);
    await confirm(a.id);
    const closed = await t.http().post(`/api/disbursement-batches/${id}/sent`).set(auth(finance.token)).expect(409);
    expect(closed.body.code).toBe('INVALID_STATE');
  });

  it('lists batches newest first by status; finance and admin read them, the file is finance only', async () => {
    const a = await ordered();
    const id = (await batch({ disbursementIds: [a.id] }).expect(201)).body.id;
    const open = await t.http().get('/api/disbursement-batches').query({ status: 'OPEN' }).set(auth(t.adminToken)).expect(200);
    expect(open.body.items[0].id).toBe(id);
    expect(open.body.items.every((b: { status: string }) => b.status === 'OPEN')).toBe(true);
    const page = await t.http().get('/api/disbursement-batches').query({ limit: 1 }).set(auth(finance.token)).expect(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    await download(id, t.adminToken).expect(403);
    await batch({ disbursementIds: [a.id] }, officer.token).expect(403);
    await t.http().get('/api/disbursement-batches').set(auth(officer.token)).expect(403);
    await t.http().get('/api/disbursement-batches/00000000-0000-4000-8000-000000000000').set(auth(finance.token)).expect(404);
    await download('00000000-0000-4000-8000-000000000000').expect(404);
    await t.http().get('/api/disbursement-batches/x').set(auth(finance.token)).expect(400);
    expect((await getBatch(id)).status).toBe('OPEN');
  });
});
