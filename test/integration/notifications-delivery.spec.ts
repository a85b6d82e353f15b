// Reminder delivery on real PostgreSQL and Redis with the worker as it boots in production
// (WorkerModule) and a WhatsApp/SMS gateway that is a real HTTP server on loopback: it records every
// request and can fail, answer 429 or hang.
// Loans come from the disbursement flow of the api.
import 'reflect-metadata';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { reminderClock } from '#notifications';
import { QUEUES } from '#platform';
import { getQueueToken } from '@nestjs/bull';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';
import { buildProduct, buildProgramme } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { disbursedLoan } from '../support/approved-application.js';

// Booked in 2027 so that no reminder is due by the wall clock until a test makes it so.
const DISBURSED = '2027-01-15';
// Tuesday 7 December 2027, 10:00 WIB: a lawful moment after every row a test makes due.
const LAWFUL_NOW = new Date('2027-12-07T03:00:00Z');

type Mode = 'ok' | 'fail' | '429' | 'hang';
interface GatewayRequest {
  key: string;
  channel: string;
  to: string;
  template: string;
  text: string;
  answered: number | 'hung';
  authorization?: string;
}

class TestGateway {
  readonly requests: GatewayRequest[] = [];
  modes: Mode[] = [];
  mode: Record<string, Mode> = { whatsapp: 'ok', sms: 'ok' };
  delayMs = 0;
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = JSON.parse(raw) as { channel: string; to: string; template: string; text: string };
    const mode = this.modes.shift() ?? this.mode[body.channel] ?? 'ok';
    const record: GatewayRequest = {
      key: String(req.headers['idempotency-key']),
      channel: body.channel,
      to: body.to,
      template: body.template,
      text: body.text,
      answered: mode === 'hang' ? 'hung' : mode === 'fail' ? 500 : mode === '429' ? 429 : 200,
      authorization: req.headers.authorization,
    };
    this.requests.push(record);
    if (mode === 'hang') return; // never answers: the client's timeout must fire
    if (this.delayMs) await sleep(this.delayMs);
    if (record.answered !== 200) {
      res.writeHead(record.answered as number).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
  }
}

describe('reminder delivery (worker, Redis, loopback gateway)', () => {
  let t: TestApp;
  let ds: DataSource;
  let gateway: TestGateway;
  let officer: { token: string };
  let finance: { token: string };
  let productId: string;
  const workers: INestApplicationContext[] = [];
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  const book = async (): Promise<string> => {
    const { loanId } = await disbursedLoan(t, { officerToken: officer.token, financeToken: finance.token, productId, amount: '1000000', tenor: 3, valueDate: DISBURSED });
    return loanId;
  };
  /** Makes the loan's reminders (all, or those of one installment and offset) due a minute ago. */
  const makeDue = async (loanId: string, number?: number, offset?: number): Promise<string[]> =>
    (
      await ds.query(
        `UPDATE notification SET scheduled_for = now() - interval '1 minute'
          WHERE loan_id = $1 AND ($2::int IS NULL OR installment_number = $2) AND ($3::int IS NULL OR offset_days = $3) RETURNING id`,
        [loanId, number ?? null, offset ?? null],
      )
    )[0].map((r: { id: string }) => r.id);
  const rows = async (ids: string[]) =>
    (await ds.query(`SELECT id, status, channel, attempts, last_error, message FROM notification WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids])) as {
      id: string;
      status: string;
      channel: string;
      attempts: number;
      last_error: string | null;
      message: string | null;
    }[];
  const waitFor = async (ids: string[], statuses: string[], timeoutMs = 20_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rs = await rows(ids);
      if (rs.every((r) => statuses.includes(r.status))) return rs;
      if (Date.now() > deadline) throw new Error(`rows still ${rs.map((r) => r.status).join(',')}`);
      await sleep(50);
    }
  };

  async function bootWorker(): Promise<INestApplicationContext> {
    const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await app.init();
    workers.push(app);
    return app;
  }

  const realClock = reminderClock.now;

  beforeAll(async () => {
    reminderClock.now = () => LAWFUL_NOW;
    gateway = new TestGateway();
    await gateway.start();
    t = await createTestApp({
      NOTIFY_CHANNELS: 'WHATSAPP,SMS',
      NOTIFY_GATEWAY_URL: gateway.url,
      NOTIFY_GATEWAY_TOKEN: 'gw-secret-token',
      NOTIFY_GATEWAY_TIMEOUT_MS: '300',
      NOTIFY_MAX_ATTEMPTS: '5',
      NOTIFY_BACKOFF_MS: '20',
      NOTIFY_DISPATCH_INTERVAL_MS: '100',
      NOTIFY_REQUEUE_AFTER_SECONDS: '3',
      CLOSE_OF_DAY_AUTO: 'false',
    });
    ds = t.app.get(DataSource);
    officer = await t.userWithRoles(['loan_officer']);
    finance = await t.userWithRoles(['finance']);
    const programmeId = await buildProgramme(ds, 'DELIVSPEC-UMKM');
    productId = await buildProduct(ds, { programmeId, eligibility: { maxActiveLoans: 50 } });
    await ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [DISBURSED]);
    await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', 'cap').send({ programmeId, amount: '500000000', reference: 'SP2D' }).expect(201);
  });

  afterAll(async () => {
    for (const w of workers) await w.close().catch(() => undefined);
    await t?.close();
    await gateway?.stop();
    reminderClock.now = realClock;
  });

  describe('one worker', () => {
    beforeAll(async () => {
      await bootWorker();
    });
    afterAll(async () => {
      await workers.shift()?.close();
    });

    it('the gateway failing three times then succeeding sends one message (WhatsApp, then SMS as fallback)', async () => {
      const loanId = await book();
      const ids = await makeDue(loanId, 1, 0);
      gateway.modes.push('fail', 'fail', 'fail');
      const before = gateway.requests.length;
      const [row] = await waitFor(ids, ['SENT']);
      const mine = gateway.requests.slice(before);
      // Attempt 1: WhatsApp 500, SMS 500. Attempt 2: WhatsApp 500, SMS accepted.
      expect(mine.map((r) => [r.channel, r.answered])).toEqual([
        ['whatsapp', 500],
        ['sms', 500],
        ['whatsapp', 500],
        ['sms', 200],
      ]);
      expect(new Set(mine.map((r) => r.key))).toEqual(new Set([mine[0]!.key]));
      expect(mine[0]!.key).toMatch(/^reminder:[0-9a-f-]{36}:DUE_TODAY:0$/);
      expect(mine.filter((r) => r.answered === 200)).toHaveLength(1);
      expect(mine[3]).toMatchObject({ template: 'lumbung_reminder_sms', authorization: 'Bearer gw-secret-token' });
      expect(mine[3]!.text).toMatch(/^Lumbung: Angsuran ke-1 sebesar Rp334\.000 jatuh tempo hari ini, 15 Februari 2027\./);
      expect(row).toMatchObject({ status: 'SENT', channel: 'SMS', attempts: 2, last_error: null, message: null });
    });

    it('a 429 or a gateway that hangs falls back to SMS', async () => {
      const loanId = await book();
      gateway.mode = { whatsapp: '429', sms: 'ok' };
      const [first] = await waitFor(await makeDue(loanId, 1, 1), ['SENT']);
      expect(first).toMatchObject({ channel: 'SMS', attempts: 1 });
      gateway.mode = { whatsapp: 'hang', sms: 'ok' };
      const [second] = await waitFor(await makeDue(loanId, 1, 7), ['SENT']);
      expect(second).toMatchObject({ channel: 'SMS', attempts: 1 });
      gateway.mode = { whatsapp: 'ok', sms: 'ok' };
    });

    it('gives up after NOTIFY_MAX_ATTEMPTS: the row is FAILED with the reason, the Bull job kept as failed', async () => {
      const loanId = await book();
      gateway.mode = { whatsapp: 'fail', sms: '429' };
      const ids = await makeDue(loanId, 2, 0);
      const [row] = await waitFor(ids, ['FAILED']);
      gateway.mode = { whatsapp: 'ok', sms: 'ok' };
      expect(row!.attempts).toBe(5);
      expect(row!.last_error).toMatch(/^Gave up after 5 attempts: WHATSAPP gateway answered 500; SMS gateway answered 429 \(rate limited\)$/);
      const queue = workers[0]!.get<Queue>(getQueueToken(QUEUES.REMINDERS));
      const failed = await queue.getFailed();
      expect(failed.map((j) => j.id)).toContain((await ds.query(`SELECT 'reminder:' || installment_id || ':DUE_TODAY:0' AS id FROM notification WHERE id = $1`, [row!.id]))[0].id);
    });

    it('does not send a reminder whose installment was paid after it was queued', async () => {
      const loanId = await book();
      gateway.delayMs = 0;
      await ds.query(`UPDATE loan_installment SET principal_paid = principal_due WHERE loan_id = $1 AND number = 3`, [loanId]);
      const before = gateway.requests.length;
      const ids = await makeDue(loanId, 3);
      expect(await waitFor(ids, ['CANCELLED'])).toHaveLength(4);
      expect(gateway.requests.length).toBe(before);
    });
  });
});
