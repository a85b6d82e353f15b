// Reminder opt-outs and e-mail (issue 8): PUT/GET /api/borrowers/:id/notification-preferences, and the
// sender honouring them with WHATSAPP,SMS,EMAIL against a loopback HTTP gateway and a loopback SMTP
// responder (real SMTP dialogue: EHLO, AUTH, MAIL, RCPT, DATA, QUIT).
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer } from 'node:net';
import { ReminderSender } from '#notifications';
import { APP_CONFIG, type AppConfig, TransactionRunner } from '#platform';
import { DataSource } from 'typeorm';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { disbursedLoan } from '../support/approved-application.js';

const DISBURSED = '2026-01-15';
const TODAY = '2026-02-01';

/** Answers just enough SMTP for nodemailer and keeps each message's envelope and data. */
class LoopbackSmtp {
  readonly messages: { from: string; to: string[]; data: string }[] = [];
  private server!: NetServer;
  port = 0;

  async start(): Promise<void> {
    this.server = createNetServer((socket) => {
      let buffer = '';
      let inData = false;
      let current = { from: '', to: [] as string[], data: '' };
      socket.write('220 loopback ESMTP\r\n');
      socket.on('data', (chunk) => {
        buffer += chunk.toString('utf8');
        for (;;) {
          if (inData) {
            const end = buffer.indexOf('\r\n.\r\n');
            if (end < 0) return;
            current.data = buffer.slice(0, end);
            buffer = buffer.slice(end + 5);
            inData = false;
            this.messages.push(current);
            current = { from: '', to: [], data: '' };
            socket.write('250 2.0.0 queued\r\n');
            continue;
          }
          const eol = buffer.indexOf('\r\n');
          if (eol < 0) return;
          const line = buffer.slice(0, eol);
          buffer = buffer.slice(eol + 2);
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === 'EHLO' || verb === 'HELO') socket.write('250-loopback\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n');
          else if (verb === 'AUTH') socket.write('235 2.7.0 accepted\r\n');
          else if (verb === 'MAIL') {
            current.from = line;
            socket.write('250 OK\r\n');
          } else if (verb === 'RCPT') {
            current.to.push(line);
            socket.write('250 OK\r\n');
          } else if (verb === 'DATA') {
            inData = true;
            socket.write('354 go ahead\r\n');
          }
          else if (verb === 'QUIT') socket.end('221 bye\r\n');
          else socket.write('250 OK\r\n');
        }
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve));
  }
}

describe('notification preferences (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: { token: string };
  let finance: { token: string };
  let productId: string;
  const gatewayRequests: { channel: string; to: string; text: string }[] = [];
  let gateway: HttpServer;
  const smtp = new LoopbackSmtp();

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const setBusinessDate = (date: string) => ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [date]);
  const path = (borrowerId: string) => `/api/borrowers/${borrowerId}/notification-preferences`;
  const sender = () => t.app.get(ReminderSender);

  const book = async (): Promise<{ loanId: string; borrowerId: string }> => {
    await setBusinessDate(DISBURSED);
    const { loanId, borrowerId } = await disbursedLoan(t, {
      officerToken: officer.token,
      financeToken: finance.token,
      productId,
      amount: '1000000',
      tenor: 3,
      applicant: { districtCode: '51.03.01' },
      valueDate: DISBURSED,
    });
    await setBusinessDate(TODAY);
    return { loanId, borrowerId };
  };
  const rowId = async (loanId: string, number: number, offset: number): Promise<string> =>
    (await ds.query(`SELECT id FROM notification WHERE loan_id = $1 AND installment_number = $2 AND offset_days = $3`, [loanId, number, offset]))[0].id;
  // Wednesday 15 April 2026, 10:00 WITA: lawful in Badung.
  const LAWFUL = new Date('2026-04-15T02:00:00Z');

  beforeAll(async () => {
    gateway = createHttpServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        gatewayRequests.push(JSON.parse(raw));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    await smtp.start();
    t = await createTestApp({
      NOTIFY_CHANNELS: 'WHATSAPP,SMS,EMAIL',
      NOTIFY_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`,
      NOTIFY_SMTP_URL: `smtp://lumbung:secret@127.0.0.1:${smtp.port}`,
      NOTIFY_EMAIL_FROM: 'Lumbung <noreply@lumbung.test>',
    });
    ds = t.app.get(DataSource);
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
    const programmeId = await buildProgramme(ds, 'NOTIFPREF-UMKM');
    productId = await buildProduct(ds, { programmeId, eligibility: { regionCodes: ['51.03'], maxActiveLoans: 10 } });
    await setBusinessDate(DISBURSED);
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', 'cap').send({ programmeId, amount: '500000000', reference: 'SP2D' }).expect(201);
  });
  afterAll(async () => {
    await t.close();
    gateway.closeAllConnections();
    await new Promise((resolve) => gateway.close(resolve));
    await smtp.stop();
  });

  it('GET answers no opt-outs and no e-mail for a new borrower; PUT sets them, audited', async () => {
    const { borrowerId } = await book();
    const empty = await t.http().get(path(borrowerId)).set(auth(officer.token)).expect(200);
    expect(empty.body).toEqual({ borrowerId, optOut: [], email: null });
    const put = await t.http().put(path(borrowerId)).set(auth(officer.token)).send({ optOut: ['WHATSAPP'], email: 'siti@example.com' }).expect(200);
    // The address is answered masked and stored encrypted (UU PDP), in the audit row masked too.
    expect(put.body).toEqual({ borrowerId, optOut: ['WHATSAPP'], email: 'si**@example.com' });
    const [stored] = await ds.query(`SELECT to_jsonb(c)::text AS row FROM notification_contact c WHERE borrower_id = $1`, [borrowerId]);
    expect(stored.row).not.toContain('siti@example.com');
    const [audited] = await ds.query(`SELECT after::text AS after FROM audit_log WHERE entity_id = $1 AND action = 'NOTIFICATION_PREFERENCES_CHANGED'`, [borrowerId]);
    expect(audited.after).not.toContain('siti@example.com');
    expect((await t.http().get(path(borrowerId)).set(auth(t.adminToken)).expect(200)).body).toEqual(put.body);
    // Omitted e-mail is kept; opting back in clears the opt-out.
    const back = await t.http().put(path(borrowerId)).set(auth(t.adminToken)).send({ optOut: [] }).expect(200);
    expect(back.body).toEqual({ borrowerId, optOut: [], email: 'si**@example.com' });
    const audits = await ds.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'NOTIFICATION_PREFERENCES_CHANGED'`, [borrowerId]);
    expect(audits).toHaveLength(2);
  });

  it('the borrower reads and changes their own, and gets 404 for someone else', async () => {
    const own = await book();
    const other = await book();
    const borrower = await t.userWithRoles(['borrower'], { borrowerId: own.borrowerId });
    await t.http().put(path(own.borrowerId)).set(auth(borrower.token)).send({ optOut: ['SMS'] }).expect(200);
    expect((await t.http().get(path(own.borrowerId)).set(auth(borrower.token)).expect(200)).body.optOut).toEqual(['SMS']);
    const refused = await t.http().get(path(other.borrowerId)).set(auth(borrower.token)).expect(404);
    expect(refused.body.code).toBe('NOT_FOUND');
    await t.http().put(path(other.borrowerId)).set(auth(borrower.token)).send({ optOut: [] }).expect(404);
  });

  it('refuses: 400 bad channel, bad e-mail or bad id, 404 unknown borrower, 401 anonymous, 403 finance', async () => {
    const { borrowerId } = await book();
    const bad = await t.http().put(path(borrowerId)).set(auth(officer.token)).send({ optOut: ['PIGEON'], email: 'not-an-email' }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'optOut']);
    await t.http().get('/api/borrowers/not-a-uuid/notification-preferences').set(auth(officer.token)).expect(400);
    const missing = await t.http().get(path('6f1c2a52-7f1e-4c1e-9d57-0d5f1c2a5270')).set(auth(officer.token)).expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    await t.http().get(path(borrowerId)).expect(401);
    await t.http().put(path(borrowerId)).set(auth(finance.token)).send({ optOut: [] }).expect(403);
  });

  it('a borrower who opted out of WHATSAPP gets the reminder by SMS', async () => {
    const { loanId, borrowerId } = await book();
    await t.http().put(path(borrowerId)).set(auth(officer.token)).send({ optOut: ['WHATSAPP'] }).expect(200);
    const before = gatewayRequests.length;
    await expect(sender().send(await rowId(loanId, 3, 0), 1, LAWFUL)).resolves.toBe('SENT');
    expect(gatewayRequests.slice(before).map((r) => r.channel)).toEqual(['sms']);
    expect((await ds.query(`SELECT channel FROM notification WHERE id = $1`, [await rowId(loanId, 3, 0)]))[0].channel).toBe('SMS');
  });

  it('EMAIL over SMTP carries the Indonesian text with the Rp amount and VA number; no e-mail address falls through', async () => {
    const { loanId, borrowerId } = await book();
    await t.http().put(path(borrowerId)).set(auth(officer.token)).send({ optOut: ['WHATSAPP', 'SMS'], email: 'siti@example.com' }).expect(200);
    const va = (await ds.query(`SELECT virtual_account FROM loan WHERE id = $1`, [loanId]))[0].virtual_account as string;
    await expect(sender().send(await rowId(loanId, 3, 0), 1, LAWFUL)).resolves.toBe('SENT');
    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    expect(mail!.from).toContain('noreply@lumbung.test');
    expect(mail!.to).toEqual([expect.stringContaining('siti@example.com')]);
    const body = mail!.data.replace(/=\r\n/g, '').replace(/\r\n/g, ' ');
    expect(body).toContain('Subject: Pengingat angsuran Lumbung');
    expect(body).toContain('Angsuran ke-3 sebesar Rp332.000 jatuh tempo hari ini, 15 April 2026.');
    expect(body).toContain(`virtual account ${va}`);
    expect((await ds.query(`SELECT channel FROM notification WHERE id = $1`, [await rowId(loanId, 3, 0)]))[0].channel).toBe('EMAIL');

    // Without an address EMAIL is skipped: a borrower who refused WHATSAPP and SMS then gets nothing this attempt.
    await t.http().put(path(borrowerId)).set(auth(officer.token)).send({ optOut: ['WHATSAPP', 'SMS'], email: null }).expect(200);
    await expect(sender().send(await rowId(loanId, 3, 1), 1, new Date('2026-04-16T02:00:00Z'))).rejects.toThrow(/no e-mail address/);
    expect(smtp.messages).toHaveLength(1);

    // With EMAIL first (NOTIFY_CHANNELS=EMAIL,SMS), the borrower without an address falls through to SMS.
    await t.http().put(path(borrowerId)).set(auth(officer.token)).send({ optOut: [] }).expect(200);
    const emailFirst = new ReminderSender(t.app.get(TransactionRunner), { ...t.app.get<AppConfig>(APP_CONFIG), NOTIFY_CHANNELS: 'EMAIL,SMS' });
    const before = gatewayRequests.length;
    await expect(emailFirst.send(await rowId(loanId, 3, 7), 1, new Date('2026-04-22T02:00:00Z'))).resolves.toBe('SENT');
    expect(gatewayRequests.slice(before).map((r) => r.channel)).toEqual(['sms']);
    expect(smtp.messages).toHaveLength(1);
  });
});
