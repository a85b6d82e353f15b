// The one DataSource definition: used by the api and worker (via TypeOrmModule), the migration CLI,
// the seed and the tests. Entities and migrations are listed explicitly (no globs under ESM).
import 'reflect-metadata';
import { DISBURSEMENT_ENTITIES } from '#disbursement';
import { INTAKE_ENTITIES } from '#intake';
import { LEDGER_ENTITIES } from '#ledger';
import { NOTIFICATION_ENTITIES } from '#notifications';
import { PLATFORM_ENTITIES, PreparingClient, SnakeNamingStrategy } from '#platform';
import { RECONCILIATION_ENTITIES } from '#reconciliation';
import { REPAYMENT_ENTITIES } from '#repayment';
import { SCORING_ENTITIES } from '#scoring';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { Foundation1763800000000 } from './1763800000000-foundation.js';
import { Ledger1763800000100 } from './1763800000100-ledger.js';
import { Products1763800000200 } from './1763800000200-products.js';
import { Holidays1763800000300 } from './1763800000300-holidays.js';
import { Borrowers1763800000400 } from './1763800000400-borrowers.js';
import { Documents1763800000500 } from './1763800000500-documents.js';
import { Applications1763800000600 } from './1763800000600-applications.js';
import { Scoring1763800000700 } from './1763800000700-scoring.js';
import { DisbursementsLoans1763800000800 } from './1763800000800-disbursements-loans.js';
import { Repayments1763800000900 } from './1763800000900-repayments.js';
import { CloseOfDay1763800001000 } from './1763800001000-close-of-day.js';
import { Servicing1763800001100 } from './1763800001100-servicing.js';
import { Reconciliation1763800001200 } from './1763800001200-reconciliation.js';
import { Notifications1763800001300 } from './1763800001300-notifications.js';
import { PersonalDataRights1763800001500 } from './1763800001500-personal-data-rights.js';
import { PortfolioIndex1763800001600 } from './1763800001600-portfolio-index.js';
import { FinanceDeskLists1763800001700 } from './1763800001700-finance-desk-lists.js';
import { ReportDenormalised1763800001800 } from './1763800001800-report-denormalised.js';
import { OldestUnpaidNoOp1763800001900 } from './1763800001900-oldest-unpaid-no-op.js';
import { BorrowerNameSearch1763800002000 } from './1763800002000-borrower-name-search.js';
import { BankLineOwnerIndexes1763800002100 } from './1763800002100-bank-line-owner-indexes.js';
import { BorrowerPhoneEncrypted1763800002200 } from './1763800002200-borrower-phone-encrypted.js';

export const ENTITIES = [
  ...PLATFORM_ENTITIES,
  ...LEDGER_ENTITIES,
  ...INTAKE_ENTITIES,
  ...SCORING_ENTITIES,
  ...REPAYMENT_ENTITIES,
  ...DISBURSEMENT_ENTITIES,
  ...RECONCILIATION_ENTITIES,
  ...NOTIFICATION_ENTITIES,
];
export const MIGRATIONS = [
  Foundation1763800000000,
  Ledger1763800000100,
  Products1763800000200,
  Holidays1763800000300,
  Borrowers1763800000400,
  Documents1763800000500,
  Applications1763800000600,
  Scoring1763800000700,
  DisbursementsLoans1763800000800,
  Repayments1763800000900,
  CloseOfDay1763800001000,
  Servicing1763800001100,
  Reconciliation1763800001200,
  Notifications1763800001300,
  PersonalDataRights1763800001500,
  PortfolioIndex1763800001600,
  FinanceDeskLists1763800001700,
  ReportDenormalised1763800001800,
  OldestUnpaidNoOp1763800001900,
  BorrowerNameSearch1763800002000,
  BankLineOwnerIndexes1763800002100,
  BorrowerPhoneEncrypted1763800002200,
];

export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // PreparingClient: each distinct parameterised statement is planned once per connection (issue 10).
    extra: { max: poolSize, Client: PreparingClient },
  };
}

// Any constant shared by every process that migrates: two api replicas starting together take turns.
const MIGRATION_LOCK = 7_353_260_001;

/** Applies every pending migration to the database at `url`. */
export async function runMigrations(url: string): Promise<void> {
  const ds = new DataSource(dataSourceOptions(url, 2));
  await ds.initialize();
  const lock = ds.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
    await ds.destroy();
  }
}
