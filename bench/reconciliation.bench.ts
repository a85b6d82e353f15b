// Statement matching (issue 7 item 6): 100,000 statement lines against 100,000 open items (50,000
// loans with their VA numbers, 50,000 disbursements), through the pure matchLines, and the CSV read
// and fingerprinting of the same 100,000 lines. The target is matching within 5 s; being Map-based it
// should stay far below that. Half the debits carry no reference and are matched by amount and date.
// Then the import end to end (parse, match, post) of a 10,000-line CSV against 10,000 seeded loans in
// a throwaway database (PostgreSQL as for the close-of-day bench; dropped at the end): 9,000 VA
// repayments and 1,000 unknown credits to suspense, and the same file again (all duplicates).
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { AppModule } from '../apps/api/src/app.module.js';
import { createBenchDatabase } from './bench-database.js';
import { seedPortfolio } from './close-of-day.bench.js';
import { BankStatementsService, CSV_PROFILES, fingerprintLines, type LineToMatch, matchLines, type OpenDisbursement, type OpenLoan, parseCsvStatement } from '#reconciliation';
import { Money } from '#money';
import type { Figure } from './figure.js';

const LINES = 100_000;
const ITEMS = 100_000;

function time<T>(fn: () => T): { seconds: number; result: T } {
  const start = process.hrtime.bigint();
  const result = fn();
  const ns = process.hrtime.bigint() - start;
  // Through the string: the repo bans the Number constructor call (aimed at money), even for durations.
  return { seconds: Number.parseInt(ns.toString(), 10) / 1e9, result };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await fn();
  const ns = process.hrtime.bigint() - start;
  return { seconds: Number.parseInt(ns.toString(), 10) / 1e9, result };
}

function generate(): { lines: LineToMatch[]; loans: OpenLoan[]; disbursements: OpenDisbursement[]; csv: string } {
  const half = ITEMS / 2;
  const loans: OpenLoan[] = Array.from({ length: half }, (_, i) => ({ id: `l${i}`, number: `BKL-2026-${String(i).padStart(6, '0')}`, virtualAccount: `8808${String(i).padStart(12, '0')}`, status: 'ACTIVE' }));
  const disbursements: OpenDisbursement[] = Array.from({ length: half }, (_, i) => ({
    id: `d${i}`,
    reference: `DSB-2026-${String(i).padStart(6, '0')}`,
    bankReference: i % 2 ? `JTM${i}` : null,
    amount: Money.of(String(1_000_000 + (i % 500) * 1000)),
    status: i % 2 ? 'DISBURSED' : 'PENDING',
    orderedOn: '2026-01-10',
  }));
  const lines: LineToMatch[] = [];
  const rows = ['date,description,reference,debit,credit,balance'];
  for (let i = 0; i < LINES; i++) {
    const k = Math.floor(i / 2) % half;
    // Credits: nine in ten name a VA; debits: odd orders by bank reference, even ones by amount only.
    const line: LineToMatch =
      i % 2 === 0
        ? { direction: 'CREDIT', amount: Money.of('334000'), valueDate: '2026-01-12', reference: `TRF${i}`, description: i % 20 ? `SETORAN VA ${loans[k].virtualAccount}` : 'HAMBA ALLAH' }
        : { direction: 'DEBIT', amount: disbursements[k].amount, valueDate: '2026-01-12', reference: disbursements[k].bankReference ?? `X${i}`, description: 'Pencairan' };
    lines.push(line);
    rows.push(`${line.valueDate},${line.description},${line.reference},${line.direction === 'DEBIT' ? line.amount.toString() : ''},${line.direction === 'CREDIT' ? line.amount.toString() : ''},`);
  }
  return { lines, loans, disbursements, csv: rows.join('\n') };
}

const IMPORT_LINES = 10_000;
const BUSINESS_DATE = '2026-11-02';

async function importEndToEnd(): Promise<Figure[]> {
  const database = await createBenchDatabase('recon');
  const url = database.url;
  Object.assign(process.env, { DATABASE_URL: url, QUEUE_PREFIX: `bench-${randomBytes(4).toString('hex')}`, LOG_LEVEL: 'silent', ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'bench-admin-password' });
  let app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>> | null = null;
  try {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await seedPortfolio(client, { loans: IMPORT_LINES, businessDate: BUSINESS_DATE });
      await client.query('VACUUM ANALYZE');
    } finally {
      await client.end();
    }
    app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    const ds = app.get(DataSource);
    const vas = ((await ds.query(`SELECT virtual_account FROM loan ORDER BY number`)) as { virtual_account: string }[]).map((r) => r.virtual_account);
    const rows = ['date,description,reference,debit,credit,balance'];
    for (let i = 0; i < IMPORT_LINES; i++) rows.push(`${BUSINESS_DATE},${i % 10 ? `SETORAN VA ${vas[i]}` : 'TRANSFER TANPA BERITA'},TRF${i},,100000.00,`);
    const file = Buffer.from(rows.join('\n'));
    const statements = app.get(BankStatementsService);
    const first = await timeAsync(() => statements.import({ bytes: file, format: 'CSV' }));
    const summary = first.result;
    if (summary.repaymentsPosted !== IMPORT_LINES * 0.9) throw new Error(`expected ${IMPORT_LINES * 0.9} repayments, got ${JSON.stringify(summary)}`);
    const [tb] = await ds.query(`SELECT sum(debit)::text AS d, sum(credit)::text AS c FROM journal_line`);
    if (tb.d !== tb.c) throw new Error(`ledger out of balance after the import: ${tb.d} / ${tb.c}`);
    const again = await timeAsync(() => statements.import({ bytes: file, format: 'CSV' }));
    if (again.result.duplicates !== IMPORT_LINES) throw new Error(`the second import was not all duplicates: ${JSON.stringify(again.result)}`);
    return [
      { name: 'reconciliation.import_10k_lines_end_to_end', value: first.seconds, unit: 's' },
      { name: 'reconciliation.reimport_10k_duplicate_lines', value: again.seconds, unit: 's' },
    ];
  } finally {
    if (app) await app.close();
    await database.drop();
  }
}

export default async function reconciliationBench(): Promise<Figure[]> {
  const { lines, loans, disbursements, csv } = generate();
  matchLines(lines.slice(0, 1000), disbursements, loans); // warm-up
  const match = time(() => matchLines(lines, disbursements, loans));
  const matched = match.result.filter((m) => m.status === 'MATCHED').length;
  if (matched < LINES * 0.9) throw new Error(`only ${matched} of ${LINES} lines matched: the generator and the matcher disagree`);
  const parse = time(() => parseCsvStatement(csv, CSV_PROFILES.GENERIC));
  const fingerprint = time(() => fingerprintLines('programme', parse.result.lines));
  const endToEnd = await importEndToEnd();
  return [
    ...endToEnd,
    { name: 'reconciliation.match_100k_lines_100k_items', value: match.seconds, unit: 's', ratio: match.seconds / 5, baseline: 'target 5 s' },
    { name: 'reconciliation.parse_csv_100k_lines', value: parse.seconds, unit: 's' },
    { name: 'reconciliation.fingerprint_100k_lines', value: fingerprint.seconds, unit: 's' },
  ];
}
