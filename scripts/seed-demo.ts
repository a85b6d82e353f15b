// `npm run seed:demo`: the admin, one user per staff role, the fund's opening capital, the
// Bangkalan 0% product, three Bangkalan borrowers and a login for one of them. Safe to run again:
// what exists is left alone.
import 'reflect-metadata';
import { Money } from '#money';
import { BorrowersService, buildNik, Product, type RegisterBorrowerInput } from '#intake';
import { FundService, JournalEntry, LedgerModule } from '#ledger';
import { PlatformModule, ProgrammesService, requestContext, TransactionRunner, UsersService, validateEnvironment } from '#platform';
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
  providers: [BorrowersService],
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

type DemoBorrower = Omit<RegisterBorrowerInput, 'createdBy'>;

/**
 * Made-up people with real Bangkalan places and trades. Their NIKs are valid (issued in the kecamatan
 * they live in) but invented; the phone numbers are unassigned-looking. Siti Rohmah has no NIB, so
 * the Bangkalan product (which requires one) refuses her: a demo of an ineligible application.
 */
export const DEMO_BORROWERS: Record<string, DemoBorrower> = {
  maimunah: {
    nik: buildNik({ districtCode: '35.26.09', birthDate: '1978-05-14', gender: 'F', serial: 3 }),
    fullName: 'Hj. Maimunah',
    phone: '081931234501',
    address: { street: 'Jl. Raya Tanjung Bumi No. 12, RT 02 RW 01', villageName: 'Telaga Biru', districtCode: '35.26.09', postalCode: '69156' },
    business: {
      name: 'Batik Tulis Gentongan Maimunah',
      nib: '9120203451678',
      sector: 'CRAFT_BATIK',
      startedOn: '2009-04-01',
      monthlyRevenue: Money.of('6500000'),
      monthlyExpenses: Money.of('4200000'),
    },
  },
  syafii: {
    nik: buildNik({ districtCode: '35.26.04', birthDate: '1985-11-02', gender: 'M', serial: 12 }),
    fullName: "Moh. Syafi'i",
    phone: '085230112233',
    address: { street: 'Dusun Tengah RT 03 RW 02', villageName: 'Banyu Ajuh', districtCode: '35.26.04', postalCode: '69162' },
    business: {
      name: "Kerupuk Ikan Tenggiri Pak Syafi'i",
      nib: '9120104567832',
      sector: 'CULINARY',
      startedOn: '2016-08-15',
      monthlyRevenue: Money.of('4500000'),
      monthlyExpenses: Money.of('2900000'),
    },
  },
  rohmah: {
    nik: buildNik({ districtCode: '35.26.13', birthDate: '1991-08-23', gender: 'F', serial: 27 }),
    fullName: 'Siti Rohmah',
    phone: '087850443322',
    address: { street: "Jl. KH. Hasyim Asy'ari Gg. 3", villageName: 'Tanah Merah Laok', districtCode: '35.26.13', postalCode: '69172' },
    business: {
      name: 'Anyaman Pandan Rohmah',
      sector: 'CRAFT_PLAITING',
      startedOn: '2019-02-01',
      monthlyRevenue: Money.of('2200000'),
      monthlyExpenses: Money.of('1300000'),
    },
  },
};

export async function seedDemo(): Promise<void> {
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const users = app.get(UsersService);
    const tx = app.get(TransactionRunner);
    await users.ensureAdmin();
    for (const login of DEMO_LOGINS.filter((l) => !l.borrower)) {
      if (!(await users.findByUsername(login.username))) await users.create({ ...login, roles: login.roles as never });
    }
    const borrowers = app.get(BorrowersService);
    const officer = await users.findByUsername('petugas');
    const borrowerIds = new Map<string, string>();
    for (const [key, demo] of Object.entries(DEMO_BORROWERS)) {
      let id = await borrowers.findIdByNik(demo.nik);
      // As the demo loan officer, so the audit log reads like a real registration.
      id ??= (await requestContext.run({ requestId: 'seed-demo', userId: officer?.id }, () => borrowers.register({ ...demo, createdBy: officer?.id }))).id;
      borrowerIds.set(key, id);
    }
    for (const login of DEMO_LOGINS.filter((l) => l.borrower)) {
      const borrowerId = borrowerIds.get(login.borrower ?? '');
      if (!borrowerId) throw new Error(`demo login ${login.username} names an unknown demo borrower ${login.borrower}`);
      if (!(await users.findByUsername(login.username))) await users.create({ ...login, roles: login.roles as never, borrowerId });
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
