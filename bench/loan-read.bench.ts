// GET /api/loans/:id latency over HTTP (issue 6 item 9): one loan with 1 repayment and one with 1,000,
// both posted through RepaymentsService, read through the whole api pipeline (auth guard, validation,
// serialisation) on a keep-alive connection, one request at a time. Target: p50 under 5 ms and the
// 1,000-repayment loan no more than 1.2x slower than the 1-repayment one. The two loans sit among
// 20,000 seeded ones so the planner chooses as it would on a real portfolio. Needs a PostgreSQL it may
// create a scratch database on (BENCH_PG_ADMIN_URL, default the local server) and Redis (REDIS_URL).
//
// The read touches only loan and its live installments (12 rows whatever the repayment count); the
// transactions and allocations are never read. Plans on that data (EXPLAIN after VACUUM ANALYZE, key lines):
//   loan by id:     Index Scan using loan_pkey on loan  Index Cond: (id = $1)
//   installments:   Bitmap Heap Scan on loan_installment  Filter: (superseded_at IS NULL)
//                     -> Bitmap Index Scan on loan_installment_loan_id_schedule_version_number_key  Index Cond: (loan_id = ANY ($1))
//   credit balance: Index Scan using loan_pkey on loan  Index Cond: (id = ANY ($1))
//   stored grade:   Result  One-Time Filter: $0
//                     InitPlan 1 -> Seq Scan on close_of_day_day d  (empty here: no day closed; day is its primary key)
//                     -> Index Scan using loan_pkey on loan l  Index Cond: (id = ANY ($1))
// The bench prints the plans to stderr on every run and fails if loan or loan_installment is scanned sequentially.
import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { FundService } from '#ledger';
import { Money } from '#money';
import { TransactionRunner, UsersService } from '#platform';
import { type LoanTerms, LoansService, RepaymentsService } from '#repayment';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module.js';
import { configureApp } from '../apps/api/src/configure-app.js';
import { createBenchDatabase } from './bench-database.js';
import { seedPortfolio } from './close-of-day.bench.js';
import type { Figure } from './figure.js';
import { deleteRedisPrefix } from './redis-prefix.js';

const BACKGROUND_LOANS = 20_000;
const BUSINESS_DATE = '2026-11-02';
const DISBURSED = '2026-01-15';
const MANY = 1_000;
const WARM_UP = 300;
const REQUESTS = 2_000;
/** Requests per loan per turn: the two loans alternate so drift (GC, autovacuum) hits both alike. */
const TURN = 250;
const PASSWORD = 'bench-admin-password';

/** Day `n` after DISBURSED (n < 290 stays before BUSINESS_DATE). */
function dayAfterDisbursement(n: number): string {
  return new Date(Date.UTC(2026, 0, 15 + n)).toISOString().slice(0, 10);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (x: number) => Math.round(x * 1000) / 1000;

/** Two loans of Rp6,000,000 over 12 months booked as a disbursement books them, in their own product. */
async function bookLoans(ds: DataSource, loans: LoansService, tx: TransactionRunner, userId: string): Promise<string[]> {
  const [{ id: programmeId }] = await ds.query(`SELECT id FROM programme WHERE is_default`);
  const [{ code: district }] = await ds.query(`SELECT code FROM region WHERE level = 'DISTRICT' ORDER BY code LIMIT 1`);
  const [{ id: productId }] = await ds.query(
    `INSERT INTO product (programme_id, code, name, min_amount, max_amount, min_tenor, max_tenor, frequency, rounding_unit, rounding_mode,
       remainder_placement, collectibility_table, late_fee, committee_threshold, eligibility)
     VALUES ($1, 'READ', 'Read bench product', 1000000, 10000000, 3, 24, 'MONTHLY', 1000, 'UP', 'LAST', 'BANK', 0, 5000000, '{}'::jsonb) RETURNING id`,
    [programmeId],
  );
  const terms: LoanTerms = {
    productId,
    productCode: 'READ',
    frequency: 'MONTHLY',
    roundingUnit: '1000.00',
    roundingMode: 'UP',
    remainderPlacement: 'LAST',
    principalGracePeriods: 0,
    moveDueDatesOffHolidays: false,
    collectibilityTable: 'BANK',
    lateFee: '0.00',
    reminderOffsetsDays: [-3, 0, 1, 7],
  };
  const ids: string[] = [];
  for (const n of [1, 2]) {
    const [{ id: borrowerId }] = await ds.query(
      `INSERT INTO borrower (nik_encrypted, nik_hash, nik_masked, full_name, gender, birth_date, phone_encrypted, address_street, district_code, postal_code, consent_version, consent_given_at)
       VALUES ('bench', md5('read-bench-' || $1::text), '3526********000' || $1::text, 'Read bench ' || $1::text, 'F', '1985-04-10', 'bench',
               'Jl. Bench', $2, '69111', 'v1', now()) RETURNING id`,
      [n, district],
    );
    const [{ id: applicationId }] = await ds.query(
      `INSERT INTO application (number, programme_id, product_id, borrower_id, district_code, amount, tenor, purpose, status, terms_snapshot, submitted_by, status_since)
       VALUES ('APP-2026-' || (900000000 + $1::int)::text, $2, $3, $4, $5, 6000000, 12, 'bench', 'DISBURSED', $6::jsonb, $7, $8) RETURNING id`,
      [n, programmeId, productId, borrowerId, district, JSON.stringify(terms), userId, DISBURSED],
    );
    const booked = await tx.run((em) =>
      loans.book(em, {
        programmeId,
        applicationId,
        borrowerId,
        productId,
        districtCode: district,
        principal: Money.of('6000000'),
        tenor: 12,
        terms,
        disbursedOn: DISBURSED,
        holidays: new Set(),
        reference: `DSB-2026-${900000000 + n}`,
      }),
    );
    ids.push(booked.loan.id);
  }
  return ids;
}

/** The plans of the queries LoansService.get sends; throws on a sequential scan of the loan tables. */
async function explainRead(ds: DataSource, loanId: string): Promise<string> {
  const plans: string[] = [];
  const queries: [string, unknown[]][] = [
    [`SELECT * FROM loan WHERE id = $1`, [loanId]],
    [`SELECT * FROM loan_installment WHERE loan_id = ANY($1::uuid[]) AND superseded_at IS NULL`, [[loanId]]],
    [`SELECT id, credit_balance::text AS credit_balance FROM loan WHERE id = ANY($1::uuid[])`, [[loanId]]],
    [
      `SELECT l.id, l.collectibility FROM loan l WHERE l.id = ANY($1::uuid[]) AND l.status = 'ACTIVE'
         AND EXISTS (SELECT 1 FROM close_of_day_day d WHERE d.day = $2::date - 1 AND d.status = 'COMPLETED')`,
      [[loanId], BUSINESS_DATE],
    ],
  ];
  for (const [sql, params] of queries) {
    const rows = (await ds.query(`EXPLAIN ${sql}`, params)) as { 'QUERY PLAN': string }[];
    plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
  const text = plans.join('\n--\n');
  // close_of_day_day is empty here (no day closed) and holds one row a day in life: a scan of it is no sign.
  if (/Seq Scan on (loan|loan_installment) /.test(text)) throw new Error(`GET /api/loans/:id reads a table sequentially:\n${text}`);
  return text;
}

function get(agent: http.Agent, port: number, path: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const req = http.get({ host: '127.0.0.1', port, path, agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => {
        const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
        if (res.statusCode !== 200) reject(new Error(`GET ${path}: ${res.statusCode}`));
        else resolve(elapsed);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

export default async function loanReadBench(): Promise<Figure[]> {
  const prefix = `lumbung_bench_${randomBytes(4).toString('hex')}`;
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const saved = { ...process.env };
  const database = await createBenchDatabase('loan_read');
  const url = database.url;
  let app: NestExpressApplication | null = null;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await seedPortfolio(client, { loans: BACKGROUND_LOANS, businessDate: BUSINESS_DATE });
    } finally {
      await client.end();
    }
    Object.assign(process.env, {
      NODE_ENV: 'development',
      DATABASE_URL: url,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'silent',
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD: PASSWORD,
      LOGIN_THROTTLE_LIMIT: '1000',
      CLOSE_OF_DAY_AUTO: 'false',
    });
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
    configureApp(app);
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    const ds = app.get(DataSource);
    await app.get(UsersService).ensureAdmin();
    const [{ id: userId }] = await ds.query(`SELECT id FROM app_user WHERE username = 'admin'`);
    await app.get(FundService).addCapital({ amount: Money.of('10000000000'), reference: 'SP2D bench' });

    const [one, many] = await bookLoans(ds, app.get(LoansService), app.get(TransactionRunner), userId);
    const repayments = app.get(RepaymentsService);
    await repayments.post(one, { amount: Money.of('5000'), valueDate: dayAfterDisbursement(1), channel: 'VA', reference: 'bench-1' });
    // Value dates never go backwards, so each posting allocates in order (no replays): Rp5,000,000 in all.
    for (let n = 0; n < MANY; n++) {
      await repayments.post(many, { amount: Money.of('5000'), valueDate: dayAfterDisbursement(Math.floor((n * 280) / MANY)), channel: 'VA', reference: `bench-${n}` });
    }
    const [{ n: posted }] = await ds.query(`SELECT count(*)::int AS n FROM loan_transaction WHERE loan_id = $1`, [many]);
    if (posted !== MANY) throw new Error(`expected ${MANY} transactions on the loan, found ${posted}`);
    await ds.query('VACUUM ANALYZE');
    console.error(`loan-read: plans of the GET /api/loans/:id queries\n${await explainRead(ds, many)}`);

    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
    const { accessToken } = (await login.json()) as { accessToken: string };

    const samples = new Map<string, number[]>([
      [one, []],
      [many, []],
    ]);
    for (const id of [one, many]) for (let i = 0; i < WARM_UP; i++) await get(agent, port, `/api/loans/${id}`, accessToken);
    for (let done = 0; done < REQUESTS; done += TURN) {
      for (const id of [one, many]) {
        const s = samples.get(id) as number[];
        for (let i = 0; i < TURN; i++) s.push(await get(agent, port, `/api/loans/${id}`, accessToken));
      }
    }
    const [a, b] = [one, many].map((id) => (samples.get(id) as number[]).sort((x, y) => x - y));
    const p50one = percentile(a, 50);
    const p50many = percentile(b, 50);
    return [
      { name: 'loan_read.1_transaction.p50', value: ms(p50one), unit: 'ms' },
      { name: 'loan_read.1_transaction.p99', value: ms(percentile(a, 99)), unit: 'ms' },
      { name: `loan_read.${MANY}_transactions.p50`, value: ms(p50many), unit: 'ms', ratio: ms(p50many / p50one), baseline: 'loan_read.1_transaction.p50' },
      { name: `loan_read.${MANY}_transactions.p99`, value: ms(percentile(b, 99)), unit: 'ms' },
      { name: `loan_read.p50_ratio_${MANY}_to_1`, value: ms(p50many / p50one), unit: 'x' },
    ];
  } finally {
    agent.destroy();
    if (app) await app.close().catch(() => undefined);
    await database.drop();
    await deleteRedisPrefix(redisUrl, prefix);
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}
