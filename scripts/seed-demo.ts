// `npm run seed:demo`: the admin, one user per staff role, the fund's opening capital and the
// Bangkalan 0% product. Safe to run again: what exists is left alone.
import 'reflect-metadata';
import { Money } from '#money';
import { Product } from '#intake';
import { FundService, JournalEntry, LedgerModule } from '#ledger';
import { PlatformModule, ProgrammesService, TransactionRunner, UsersService, validateEnvironment } from '#platform';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, runMigrations } from '../migrations/data-source.js';
import { DEMO_LOGINS } from './demo-logins.js';

export const OPENING_CAPITAL_REFERENCE = 'APBD-2026-DANA-BERGULIR';

@Module({
  imports: [
    PlatformModule,
    TypeOrmModule.forRootAsync({ useFactory: () => dataSourceOptions(process.env.DATABASE_URL ?? '', 2) }),
    LedgerModule,
  ],
})
class SeedModule {}

/** The Bangkalan 0% working-capital product (domain.md): Rp1-10 m, 3-24 months, unit Rp1.000 rounded up. */
export const BANGKALAN_PRODUCT = {
  code: 'BKL-MODAL-0',
  name: 'Pinjaman Modal Usaha 0% Kabupaten Bangkalan',
  minAmount: Money.of('1000000'),
  maxAmount: Money.of('10000000'),
  minTenor: 3,
  maxTenor: 24,
  frequency: 'MONTHLY' as const,
  roundingUnit: Money.of('1000'),
  roundingMode: 'UP' as const,
  remainderPlacement: 'LAST' as const,
  principalGracePeriods: 0,
  moveDueDatesOffHolidays: true,
  collectibilityTable: 'BPR' as const,
  lateFee: Money.zero(),
  reminderOffsetsDays: [-3, 0, 1, 7],
  committeeThreshold: Money.of('5000000'),
  eligibility: { minAge: 21, maxAgeAtMaturity: 60, regionCodes: ['35.26'], minBusinessAgeMonths: 6, requireNib: true, maxActiveLoans: 1 },
};

export async function seedDemo(): Promise<void> {
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const users = app.get(UsersService);
    const tx = app.get(TransactionRunner);
    await users.ensureAdmin();
    for (const login of DEMO_LOGINS) {
      if (!(await users.findByUsername(login.username))) await users.create({ ...login, roles: login.roles as never });
    }
    const programme = await app.get(ProgrammesService).resolve(undefined);
    if (!(await tx.manager.existsBy(JournalEntry, { programmeId: programme.id, kind: 'FUND_CAPITAL', reference: OPENING_CAPITAL_REFERENCE }))) {
      await app.get(FundService).addCapital({ programmeId: programme.id, amount: Money.of('2000000000'), reference: OPENING_CAPITAL_REFERENCE });
    }
    if (!(await tx.manager.existsBy(Product, { programmeId: programme.id, code: BANGKALAN_PRODUCT.code }))) {
      await tx.manager.insert(Product, { ...BANGKALAN_PRODUCT, programmeId: programme.id });
    }
  } finally {
    await app.close();
  }
}

// Run when executed directly (`node dist/scripts/seed-demo.js`), not when imported by a test.
if (import.meta.url === `file://${process.argv[1]}`) {
  const config = validateEnvironment(process.env);
  if (!config.DATABASE_URL) {
    console.error('DATABASE_URL is not set: point it at the database to seed.');
    process.exit(1);
  }
  await runMigrations(config.DATABASE_URL);
  await seedDemo();
  console.log('demo data: ready');
}
