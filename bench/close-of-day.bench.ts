// Close-of-day over 100,000 active loans (1.2 million installments) on one worker, in a throwaway
// database generated with set-based SQL, against the time of one plain UPDATE of every installment.
// Needs a PostgreSQL server (BENCH_PG_ADMIN_URL, or postgres://postgres@127.0.0.1:5432)
// whose role may create databases, and Redis (REDIS_URL). Drops its database and queue keys at the end.
//
// The portfolio: loans of Rp1,200,000 over 12 monthly installments, disbursed 1 to 330 days before the
// business date, one in five in arrears, half on a BANK product with a late fee and half on BPR without,
// one borrower in fifty with two loans. One day is closed first (unmeasured: it marks the whole arrears
// backlog overdue), then each measured run closes one ordinary day.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { CloseOfDayRunsService, nextDay } from '#repayment';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { WorkerModule } from '../apps/worker/src/worker.module.js';
import { createBenchDatabase, seconds } from './bench-database.js';
import type { Figure } from './figure.js';
import { deleteRedisPrefix } from './redis-prefix.js';

const LOANS = 100_000;
const INSTALLMENTS = 12;
const MEASURED_DAYS = 3;
const BUSINESS_DATE = '2026-11-02';

export interface SeedOptions {
  loans: number;
  /** The business date once seeded; loans were disbursed 1 to 330 days before it. */
  businessDate: string;
  /** Every n-th loan is in arrears (default 5). */
  arrearsEvery?: number;
  /** Every n-th loan belongs to the borrower of the loan before it (default 50). */
  sharedBorrowerEvery?: number;
}

export interface SeededPortfolio {
  programmeId: string;
  bankProductId: string;
  bprProductId: string;
}

const terms = (code: string, table: 'BANK' | 'BPR', lateFee: string) => `jsonb_build_object(
  'productId', p.id, 'productCode', '${code}', 'frequency', 'MONTHLY', 'roundingUnit', '1000.00', 'roundingMode', 'UP',
  'remainderPlacement', 'LAST', 'principalGracePeriods', 0, 'moveDueDatesOffHolidays', false, 'collectibilityTable', '${table}',
  'lateFee', '${lateFee}', 'reminderOffsetsDays', jsonb_build_array(-3, 0, 1, 7), 'validityDays', 30)`;

/**
 * Generates a loan portfolio in the default programme with set-based SQL on one connection (it uses a
 * temporary table of its own). The oldest-unpaid trigger is off while the installments go in (one loan update
 * per installment would take longer than everything else together) and the column is set in one
 * statement instead. Used by the benchmark and by the close-of-day integration spec.
 */
export async function seedPortfolio(client: pg.Client, opts: SeedOptions): Promise<SeededPortfolio> {
  const tag = randomBytes(4).toString('hex').toUpperCase();
  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => (await client.query(sql, params)).rows as T[];
  const [{ id: programmeId }] = await q<{ id: string }>(`SELECT id FROM programme WHERE is_default`);
  const [{ id: userId }] = await q<{ id: string }>(
    `INSERT INTO app_user (username, password_hash, full_name, roles) VALUES ($1, 'not-a-hash', 'Seeded officer', '{loan_officer}') RETURNING id`,
    [`seed-${tag.toLowerCase()}`],
  );
  const product = async (code: string, table: 'BANK' | 'BPR', lateFee: string) =>
    (
      await q<{ id: string }>(
        `INSERT INTO product (programme_id, code, name, min_amount, max_amount, min_tenor, max_tenor, frequency, rounding_unit, rounding_mode,
           remainder_placement, collectibility_table, late_fee, committee_threshold, eligibility)
         VALUES ($1, $2, $2, 1000000, 10000000, 3, 24, 'MONTHLY', 1000, 'UP', 'LAST', $3, $4, 5000000, '{}') RETURNING id`,
        [programmeId, code, table, lateFee],
      )
    )[0].id;
  const bankProductId = await product(`S${tag}B`, 'BANK', '5000');
  const bprProductId = await product(`S${tag}R`, 'BPR', '0');

  await q(`UPDATE business_date SET date = $1 WHERE id = 1`, [opts.businessDate]);
  await q(
    `CREATE TEMP TABLE seed AS
     SELECT i, gen_random_uuid() AS borrower_id, gen_random_uuid() AS application_id, gen_random_uuid() AS loan_id,
            ($1::date - (1 + (i * 7919) % 330))::date AS disbursed_on,
            (i % 2 = 0) AS bank, (i % $3 = 0) AS in_arrears,
            '35.26.' || lpad((1 + i % 18)::text, 2, '0') AS district_code
       FROM generate_series(1, $2::int) i`,
    [opts.businessDate, opts.loans, opts.arrearsEvery ?? 5],
  );
  await q(`UPDATE seed s SET borrower_id = p.borrower_id FROM seed p WHERE s.i % $1 = 0 AND p.i = s.i - 1`, [opts.sharedBorrowerEvery ?? 50]);
  // The NIK and phone hold placeholders, not ciphertexts: nothing the benchmarks time opens them.
  await q(
    `INSERT INTO borrower (id, nik_encrypted, nik_hash, nik_masked, full_name, gender, birth_date, phone_encrypted, address_street, district_code,
       postal_code, consent_version, consent_given_at)
     SELECT DISTINCT ON (borrower_id) borrower_id, 'seeded', md5($1 || i), '3526********' || lpad((1 + i % 9999)::text, 4, '0'),
            'Peminjam ' || i, CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END, '1985-01-01', 'seeded',
            'Jl. Raya ' || i, district_code, '69111', 'v1', now()
       FROM seed ORDER BY borrower_id, i`,
    [tag],
  );
  await q(
    `INSERT INTO business (borrower_id, name, sector, started_on, monthly_revenue, monthly_expenses)
     SELECT DISTINCT ON (borrower_id) borrower_id, 'Usaha ' || i,
            (ARRAY['CULINARY','CRAFT_BATIK','TRADE','AGRICULTURE','FISHERY','SERVICES'])[1 + i % 6], '2020-01-01', 5000000, 3000000
       FROM seed ORDER BY borrower_id, i`,
  );
  const bankTerms = terms(`S${tag}B`, 'BANK', '5000.00');
  const bprTerms = terms(`S${tag}R`, 'BPR', '0.00');
  await q(
    `INSERT INTO application (id, number, programme_id, product_id, borrower_id, district_code, amount, tenor, purpose, status, terms_snapshot,
       submitted_by, status_since)
     SELECT s.application_id, 'APP-2026-' || lpad((800000000 + s.i)::text, 9, '0'), $1, p.id, s.borrower_id, s.district_code, 1200000, 12,
            'Modal kerja', 'DISBURSED', CASE WHEN s.bank THEN ${bankTerms} ELSE ${bprTerms} END, $4, s.disbursed_on
       FROM seed s JOIN product p ON p.id = CASE WHEN s.bank THEN $2::uuid ELSE $3::uuid END`,
    [programmeId, bankProductId, bprProductId, userId],
  );
  await q(
    `INSERT INTO loan (id, number, programme_id, application_id, borrower_id, product_id, district_code, sector, principal, outstanding_principal, tenor,
       status, collectibility_table, terms_snapshot, disbursed_on, virtual_account)
     SELECT s.loan_id, 'S${tag}-2026-' || lpad(s.i::text, 9, '0'), a.programme_id, a.id, a.borrower_id, a.product_id, a.district_code, b.sector,
            1200000, 1200000, 12, 'ACTIVE', a.terms_snapshot->>'collectibilityTable', a.terms_snapshot, s.disbursed_on,
            '9' || lpad(('x${tag}')::bit(32)::bigint::text, 10, '0') || lpad(s.i::text, 9, '0')
       FROM seed s JOIN application a ON a.id = s.application_id LEFT JOIN business b ON b.borrower_id = a.borrower_id`,
  );
  await q(`ALTER TABLE loan_installment DISABLE TRIGGER loan_installment_oldest_unpaid`);
  await q(
    `INSERT INTO loan_installment (loan_id, number, due_date, principal_due, principal_paid, paid_on)
     SELECT s.loan_id, k, d.due, 100000, CASE WHEN p.paid THEN 100000 ELSE 0 END, CASE WHEN p.paid THEN d.due END
       FROM seed s CROSS JOIN generate_series(1, ${INSTALLMENTS}) k
       CROSS JOIN LATERAL (SELECT (s.disbursed_on + make_interval(months => k))::date AS due) d
       CROSS JOIN LATERAL (SELECT d.due < $1::date AND (NOT s.in_arrears OR k <= s.i % 3) AS paid) p
      -- A loan's installments side by side, as booking writes them.
      ORDER BY s.i, k`,
    [opts.businessDate],
  );
  await q(`ALTER TABLE loan_installment ENABLE TRIGGER loan_installment_oldest_unpaid`);
  await q(
    `UPDATE loan l SET oldest_unpaid_due_date = x.oldest, outstanding_principal = l.principal - x.paid
       FROM (SELECT i.loan_id, min(i.due_date) FILTER (WHERE i.payment_status <> 'PAID') AS oldest, sum(i.principal_paid) AS paid
               FROM loan_installment i JOIN seed s ON s.loan_id = i.loan_id GROUP BY i.loan_id) x
      WHERE l.id = x.loan_id`,
  );
  await q(`DROP TABLE seed`);
  return { programmeId, bankProductId, bprProductId };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function waitForRun(app: INestApplicationContext, id: string): Promise<void> {
  const runs = app.get(CloseOfDayRunsService);
  for (;;) {
    const run = await runs.get(id);
    if (run.status === 'COMPLETED') return;
    if (run.status === 'FAILED') throw new Error(`close-of-day run failed: ${run.error}`);
    await sleep(5);
  }
}

export default async function closeOfDayBench(): Promise<Figure[]> {
  const prefix = `lumbung_bench_${randomBytes(4).toString('hex')}`;
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const saved = { ...process.env };
  const database = await createBenchDatabase('cob');
  const dbUrl = database.url;
  let worker: INestApplicationContext | undefined;
  const client = new pg.Client({ connectionString: dbUrl });
  try {
    await client.connect();
    await seedPortfolio(client, { loans: LOANS, businessDate: BUSINESS_DATE });
    await client.query('VACUUM ANALYZE');
    const [{ n: installments }] = (await client.query(`SELECT count(*)::int AS n FROM loan_installment`)).rows as { n: number }[];

    Object.assign(process.env, { NODE_ENV: 'development', DATABASE_URL: dbUrl, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix, LOG_LEVEL: 'silent', CLOSE_OF_DAY_AUTO: 'false' });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await worker.init();
    const runs = worker.get(CloseOfDayRunsService);

    let day = BUSINESS_DATE;
    const first = process.hrtime.bigint();
    await waitForRun(worker, (await runs.request(day)).id);
    const backlog = seconds(first);
    day = nextDay(day);
    const times: number[] = [];
    for (let i = 0; i < MEASURED_DAYS; i++, day = nextDay(day)) {
      const start = process.hrtime.bigint();
      await waitForRun(worker, (await runs.request(day)).id);
      times.push(seconds(start));
    }
    await worker.close();
    worker = undefined;

    await client.query('VACUUM ANALYZE loan_installment');
    const start = process.hrtime.bigint();
    // A column no trigger watches: the cost of rewriting every installment row once, nothing else.
    await client.query(`UPDATE loan_installment SET paid_on = paid_on`);
    const baseline = seconds(start);

    const cob = median(times);
    return [
      { name: 'close_of_day.100k_loans_one_day', value: Math.round(cob * 1000) / 1000, unit: 's', ratio: Math.round((cob / baseline) * 1000) / 1000, baseline: 'plain_update.all_installments' },
      { name: 'plain_update.all_installments', value: Math.round(baseline * 1000) / 1000, unit: 's' },
      { name: 'close_of_day.loans_per_second', value: Math.round(LOANS / cob), unit: 'loans/s' },
      // The first close on this data marks the whole arrears backlog overdue at once (not a daily cost).
      { name: 'close_of_day.100k_loans_first_day', value: Math.round(backlog * 1000) / 1000, unit: 's' },
      { name: 'close_of_day.installments', value: installments, unit: 'rows' },
    ];
  } finally {
    await worker?.close().catch(() => undefined);
    await client.end().catch(() => undefined);
    await database.drop().catch(() => undefined);
    await deleteRedisPrefix(redisUrl, prefix);
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}
