// Repayment posting throughput in-process on a real PostgreSQL (issue 6 item 9): RepaymentsService.post,
// each call its own transaction with the loan's row lock, the allocation, the installment updates, the
// journal entry and the audit row. In value-date order (the common case) and backdated (each payment
// replays the ten dated after it), against the pgbench TPC-B-like rate measured on the same server in the
// same run. Needs a PostgreSQL it may create a scratch database on (BENCH_PG_ADMIN_URL, default the local
// server) and Redis (REDIS_URL, default local).
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { FundService } from '#ledger';
import { Money } from '#money';
import { TransactionRunner, UsersService } from '#platform';
import { type LoanTerms, LoansService, RepaymentsService } from '#repayment';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module.js';
import { createBenchDatabase, seconds } from './bench-database.js';
import type { Figure } from './figure.js';

const CLIENTS = 8;
const LOANS = 400;
const IN_ORDER_PER_LOAN = 5;
const SEQUENTIAL = 300;
const LATER = 10;
const BACKDATED_LOANS = 80;
const DISBURSED = '2026-01-15';
const TODAY = '2026-12-31';

/** The day `n` days after DISBURSED (n < 300 keeps it inside 2026, before TODAY). */
function dayAfterDisbursement(n: number): string {
  const d = new Date(Date.UTC(2026, 0, 15 + n));
  return d.toISOString().slice(0, 10);
}

function pgbenchBinary(): string | null {
  if (spawnSync('pgbench', ['--version']).status === 0) return 'pgbench';
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  for (const v of readdirSync(root).sort().reverse()) if (existsSync(`${root}/${v}/bin/pgbench`)) return `${root}/${v}/bin/pgbench`;
  return null;
}

/** pgbench's TPC-B-like transactions per second with CLIENTS clients for 10 s on its own scratch database. */
export async function tpcb(): Promise<number | null> {
  const bin = pgbenchBinary();
  if (!bin) return null;
  const database = await createBenchDatabase('pgbench', { migrate: false });
  try {
    const url = database.url;
    const init = spawnSync(bin, ['-i', '-q', '-s', String(CLIENTS), url], { encoding: 'utf8' });
    if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
    const run = spawnSync(bin, ['-n', '-b', 'tpcb-like', '-c', String(CLIENTS), '-j', '2', '-T', '10', url], { encoding: 'utf8' });
    const tps = /tps = ([0-9.]+)/.exec(run.stdout);
    if (run.status !== 0 || !tps) throw new Error(`pgbench failed: ${run.stderr}`);
    return Number.parseFloat(tps[1]);
  } finally {
    await database.drop();
  }
}

/** `count` loans of Rp6,000,000 over 12 months disbursed on DISBURSED, booked by LoansService as a disbursement books them. */
async function seedLoans(ds: DataSource, loans: LoansService, tx: TransactionRunner, count: number, userId: string): Promise<string[]> {
  await ds.query(`INSERT INTO region (code, name, level, parent_code, time_zone) VALUES
    ('35', 'Jawa Timur', 'PROVINCE', NULL, 'Asia/Jakarta'), ('35.26', 'Kabupaten Bangkalan', 'REGENCY', '35', 'Asia/Jakarta'),
    ('35.26.01', 'Bangkalan', 'DISTRICT', '35.26', 'Asia/Jakarta') ON CONFLICT (code) DO NOTHING`);
  const [{ id: programmeId }] = await ds.query(`SELECT id FROM programme WHERE is_default`);
  const [{ id: productId }] = await ds.query(
    `INSERT INTO product (programme_id, code, name, min_amount, max_amount, min_tenor, max_tenor, frequency, rounding_unit, rounding_mode,
       remainder_placement, collectibility_table, late_fee, committee_threshold, eligibility)
     VALUES ($1, 'BENCH', 'Bench product', 1000000, 10000000, 3, 24, 'MONTHLY', 1000, 'UP', 'LAST', 'BANK', 0, 5000000, '{}'::jsonb) RETURNING id`,
    [programmeId],
  );
  const terms: LoanTerms = {
    productId,
    productCode: 'BENCH',
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
  const borrowers: { id: string }[] = await ds.query(
    `INSERT INTO borrower (nik_encrypted, nik_hash, nik_masked, full_name, gender, birth_date, phone_encrypted, address_street, district_code, postal_code, consent_version, consent_given_at)
     SELECT 'bench', md5('bench-' || g), '3526********' || lpad((g % 9999 + 1)::text, 4, '0'), 'Bench ' || g, 'F', '1985-04-10', 'bench',
            'Jl. Bench', '35.26.01', '69111', 'v1', now()
       FROM generate_series(1, $1::int) g RETURNING id`,
    [count],
  );
  const applications: { id: string; borrower_id: string }[] = await ds.query(
    `INSERT INTO application (number, programme_id, product_id, borrower_id, district_code, amount, tenor, purpose, status, terms_snapshot, submitted_by, status_since)
     SELECT 'APP-2026-' || lpad(b.n::text, 6, '0'), $1, $2, b.id, '35.26.01', 6000000, 12, 'bench', 'DISBURSED', $3::jsonb, $4, $5
       FROM unnest($6::uuid[]) WITH ORDINALITY AS b(id, n) RETURNING id, borrower_id`,
    [programmeId, productId, JSON.stringify(terms), userId, DISBURSED, borrowers.map((b) => b.id)],
  );
  const ids: string[] = [];
  for (const [k, a] of applications.entries()) {
    const booked = await tx.run((em) =>
      loans.book(em, {
        programmeId,
        applicationId: a.id,
        borrowerId: a.borrower_id,
        productId,
        districtCode: '35.26.01',
        principal: Money.of('6000000'),
        tenor: 12,
        terms,
        disbursedOn: DISBURSED,
        holidays: new Set(),
        reference: `DSB-2026-${String(k + 1).padStart(6, '0')}`,
      }),
    );
    ids.push(booked.loan.id);
  }
  return ids;
}

/** Runs `jobs` on CLIENTS workers, each worker taking its own loans so that only the work contends, not the locks. */
async function inParallel(lanes: (() => Promise<unknown>)[][]): Promise<void> {
  await Promise.all(
    lanes.map(async (lane) => {
      for (const job of lane) await job();
    }),
  );
}

export default async function repaymentBench(): Promise<Figure[]> {
  const database = await createBenchDatabase('repayment');
  const url = database.url;
  Object.assign(process.env, {
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: String(CLIENTS + 2),
    QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'silent',
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'bench-admin-password',
  });
  let app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>> | null = null;
  try {
    app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const ds = app.get(DataSource);
    const tx = app.get(TransactionRunner);
    const repayments = app.get(RepaymentsService);
    await app.get(UsersService).ensureAdmin();
    const [{ id: userId }] = await ds.query(`SELECT id FROM app_user WHERE username = 'admin'`);
    await ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [DISBURSED]);
    await app.get(FundService).addCapital({ amount: Money.of('10000000000'), reference: 'SP2D bench' });
    const loans = await seedLoans(ds, app.get(LoansService), tx, LOANS + BACKDATED_LOANS, userId);
    await ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [TODAY]);
    const post = (loanId: string, amount: string, valueDate: string) => () => repayments.post(loanId, { amount: Money.of(amount), valueDate, channel: 'VA', reference: 'bench' });

    // One client, in value-date order: the latency-bound rate.
    const seqLoans = loans.slice(0, SEQUENTIAL);
    let start = process.hrtime.bigint();
    for (const id of seqLoans) await post(id, '100000', dayAfterDisbursement(1))();
    const sequential = SEQUENTIAL / seconds(start);

    // CLIENTS clients, in value-date order, each on its own loans.
    const lanes: (() => Promise<unknown>)[][] = Array.from({ length: CLIENTS }, () => []);
    loans.slice(0, LOANS).forEach((id, k) => {
      for (let n = 0; n < IN_ORDER_PER_LOAN; n++) lanes[k % CLIENTS].push(post(id, '150000', dayAfterDisbursement(10 + n)));
    });
    start = process.hrtime.bigint();
    await inParallel(lanes);
    const parallel = (LOANS * IN_ORDER_PER_LOAN) / seconds(start);

    // Backdated: each loan has LATER payments posted, then one dated before all of them replays them.
    const replayLoans = loans.slice(LOANS);
    for (const id of replayLoans) for (let n = 0; n < LATER; n++) await post(id, '200000', dayAfterDisbursement(100 + n))();
    const replayLanes: (() => Promise<unknown>)[][] = Array.from({ length: CLIENTS }, () => []);
    replayLoans.forEach((id, k) => replayLanes[k % CLIENTS].push(post(id, '250000', dayAfterDisbursement(50))));
    start = process.hrtime.bigint();
    await inParallel(replayLanes);
    const backdated = BACKDATED_LOANS / seconds(start);

    // The books still add up after all of it.
    const [tb] = await ds.query(`SELECT sum(debit)::text AS d, sum(credit)::text AS c FROM journal_line`);
    if (tb.d !== tb.c) throw new Error(`ledger out of balance after the bench: ${tb.d} / ${tb.c}`);

    await app.close();
    app = null;
    const tps = await tpcb();
    const figures: Figure[] = [
      { name: 'repayment.post.in_order.1_client', value: Math.round(sequential), unit: 'repayments/s' },
      { name: `repayment.post.in_order.${CLIENTS}_clients`, value: Math.round(parallel), unit: 'repayments/s' },
      { name: `repayment.post.backdated_replaying_${LATER}.${CLIENTS}_clients`, value: Math.round(backdated), unit: 'repayments/s' },
    ];
    if (tps !== null) {
      const baseline = `pgbench.tpcb_like.${CLIENTS}_clients`;
      figures.push({ name: baseline, value: Math.round(tps), unit: 'tps' });
      figures[1] = { ...figures[1], ratio: Math.round((parallel / tps) * 1000) / 1000, baseline };
    }
    return figures;
  } finally {
    if (app) await app.close();
    await database.drop();
  }
}
