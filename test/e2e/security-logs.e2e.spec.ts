import fs from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { APP_CONFIG, type AppConfig, TransactionRunner } from '#platform';
import { ReminderSender, sealBorrowerPhone } from '#notifications';
import { DataSource } from 'typeorm';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { disbursedLoan } from '../support/approved-application.js';
import { randomNik, testCipher } from '../support/fixtures.js';

// No personal data in the logs (UU PDP): the api runs at LOG_LEVEL=debug while borrowers are registered,
// looked up by NIK, refused, revealed, given an e-mail address and sent reminders over every channel
// (the gateway and SMTP refusing, so their failure paths log too). Every byte pino and the Nest logger
// write to stdout/stderr is captured and searched for each NIK, KK, phone number and e-mail address used.

/** Captures what is written to fd 1 and 2 (pino writes through sonic-boom's fs.write/fs.writeSync, Nest through process.stdout). */
function captureOutput(): { text: () => string; restore: () => void } {
  const chunks: string[] = [];
  const keep = (data: unknown) => chunks.push(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
  const realWrite = fs.write;
  const realWriteSync = fs.writeSync;
  const realStdout = process.stdout.write.bind(process.stdout);
  const realStderr = process.stderr.write.bind(process.stderr);
  const mutableFs = fs as unknown as Record<string, unknown>;
  mutableFs.writeSync = (fd: number, data: unknown, ...rest: unknown[]) => {
    if (fd === 1 || fd === 2) {
      keep(data);
      return Buffer.byteLength(data as string);
    }
    return (realWriteSync as (...a: unknown[]) => number)(fd, data, ...rest);
  };
  mutableFs.write = (fd: number, data: unknown, ...rest: unknown[]) => {
    if (fd === 1 || fd === 2) {
      keep(data);
      const cb = rest.at(-1) as (err: null, n: number) => void;
      process.nextTick(cb, null, Buffer.byteLength(data as string));
      return;
    }
    return (realWrite as (...a: unknown[]) => void)(fd, data, ...rest);
  };
  process.stdout.write = ((data: unknown) => (keep(data), true)) as typeof process.stdout.write;
  process.stderr.write = ((data: unknown) => (keep(data), true)) as typeof process.stderr.write;
  return {
    text: () => chunks.join(''),
    restore: () => {
      mutableFs.write = realWrite;
      mutableFs.writeSync = realWriteSync;
      process.stdout.write = realStdout;
      process.stderr.write = realStderr;
    },
  };
}

/** A port nobody listens on: the gateway and SMTP channels fail and log their failure. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('no personal data in the logs (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let capture: ReturnType<typeof captureOutput>;
  const secrets: { kind: string; value: string }[] = [];
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    capture = captureOutput();
    const port = await closedPort();
    t = await createTestApp({
      LOG_LEVEL: 'debug',
      NOTIFY_CHANNELS: 'WHATSAPP,SMS,EMAIL,LOG',
      NOTIFY_GATEWAY_URL: `http://127.0.0.1:${port}`,
      NOTIFY_GATEWAY_TIMEOUT_MS: '2000',
      NOTIFY_SMTP_URL: `smtp://lumbung:secret@127.0.0.1:${port}`,
    });
    ds = t.app.get(DataSource);
  });
  afterAll(async () => {
    capture?.restore();
    await t?.close();
  });

  it('registers, looks up, corrects, refuses, reveals and reminds; the captured log holds none of the NIK, KK, phone or e-mail', async () => {
    const officer = await t.userWithRoles(['loan_officer']);
    const finance = await t.userWithRoles(['finance']);

    // Registration, lookup by NIK (the NIK travels in the query string), a duplicate, a refused NIK, the audited reveal.
    const borrowerIds: string[] = [];
    for (let i = 0; i < 3; i++) {
      const nik = randomNik();
      const kk = `3526${String(100000000000 + i * 7919 + Math.floor(Math.random() * 1e6)).slice(0, 12)}`;
      const phone = `08573${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
      secrets.push({ kind: 'NIK', value: nik }, { kind: 'KK', value: kk }, { kind: 'phone', value: phone.slice(1) });
      const body = {
        nik,
        kk,
        fullName: 'Siti Rahmah',
        phone,
        address: { street: 'Jl. Raya Socah 3', districtCode: '35.26.02', postalCode: '69161' },
        business: { name: 'Batik Socah', sector: 'CRAFT_BATIK', startedOn: '2019-01-01', monthlyRevenue: '5000000', monthlyExpenses: '2000000' },
      };
      const res = await t.http().post('/api/borrowers').set(auth(officer.token)).send(body);
      if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.body)}`);
      borrowerIds.push(res.body.id);
      await t.http().get('/api/borrowers').query({ nik }).set(auth(officer.token)).expect(200);
      await t.http().post('/api/borrowers').set(auth(officer.token)).send(body).expect(409);
      await t.http().get(`/api/borrowers/${res.body.id}/nik`).set(auth(officer.token)).expect(200);
      const email = `siti.rahmah.${i}.${Date.now()}@contoh.id`;
      secrets.push({ kind: 'e-mail', value: email });
      await t.http().put(`/api/borrowers/${res.body.id}/notification-preferences`).set(auth(officer.token)).send({ optOut: [], email }).expect(200);
      // Looked up by phone (in the query string), then given a new one, and a refused one.
      await t.http().get('/api/borrowers').query({ phone }).set(auth(officer.token)).expect(200);
      const newPhone = `08574${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
      secrets.push({ kind: 'corrected phone', value: newPhone.slice(1) });
      await t.http().patch(`/api/borrowers/${res.body.id}`).set(auth(officer.token)).send({ phone: newPhone, reason: 'Nomor HP baru' }).expect(200);
      await t.http().patch(`/api/borrowers/${res.body.id}`).set(auth(officer.token)).send({ phone: `${newPhone}99999`, reason: 'Nomor HP baru' }).expect(400);
    }
    const badNik = `9926${randomNik().slice(4)}`;
    secrets.push({ kind: 'refused NIK', value: badNik });
    await t.http().get('/api/borrowers').query({ nik: badNik }).set(auth(officer.token)).expect(400);

    // A booked loan whose borrower has a phone and an e-mail of its own; its reminders go through every channel.
    const programmeId = await buildProgramme(ds, 'LOGSCAN-UMKM');
    const productId = await buildProduct(ds, { programmeId });
    await ds.query(`UPDATE business_date SET date = '2026-01-15' WHERE id = 1`);
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', 'logscan-cap').send({ programmeId, amount: '50000000', reference: 'SP2D' }).expect(201);
    const loan = await disbursedLoan(t, { officerToken: officer.token, financeToken: finance.token, productId, amount: '1000000', tenor: 3, valueDate: '2026-01-15' });
    const phone = `+62857${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    const email = `peminjam.${Date.now()}@contoh.id`;
    secrets.push({ kind: 'reminder phone', value: phone.slice(3) }, { kind: 'reminder e-mail', value: email });
    await ds.query(`UPDATE borrower SET phone_encrypted = $2 WHERE id = $1`, [loan.borrowerId, sealBorrowerPhone(testCipher(), loan.borrowerId, phone)]);
    await t.http().put(`/api/borrowers/${loan.borrowerId}/notification-preferences`).set(auth(officer.token)).send({ optOut: [], email }).expect(200);
    const rows: { id: string; scheduled_for: Date }[] = await ds.query(`SELECT id, scheduled_for FROM notification WHERE loan_id = $1 ORDER BY scheduled_for LIMIT 2`, [
      loan.loanId,
    ]);
    expect(rows).toHaveLength(2);
    const sender = new ReminderSender(t.app.get(TransactionRunner), t.app.get<AppConfig>(APP_CONFIG));
    // Each at its planned (lawful) moment: WHATSAPP, SMS and EMAIL fail and log it, LOG takes the message.
    for (const row of rows) await expect(sender.send(row.id, 1, new Date(new Date(row.scheduled_for).getTime() + 60_000))).resolves.toBe('SENT');

    const log = capture.text();
    // The capture really holds the run: request lines and the channels' failure lines (else this test proves nothing).
    expect(log).toContain('"url":"/api/borrowers');
    expect(log).toMatch(/WHATSAPP to [^:]*: /);
    expect(log).toMatch(/EMAIL to [^:]*: /);
    const leaks = secrets.filter((s) => log.includes(s.value)).map((s) => `${s.kind} ${s.value}`);
    expect(leaks).toEqual([]);
    // The bearer tokens are redacted too.
    expect(log).not.toContain(officer.token);
  }, 120_000);
});
