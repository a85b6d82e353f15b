// What the fuzzer needs before it starts: a signed-in user per role and real records (a booked loan with a
// repayment, its borrower, application, disbursement and a document), so that some mutated requests reach
// real rows instead of stopping at 404.
import { randomUUID } from 'node:crypto';
import { sealIdentity } from '#intake';
import { FieldCipher, validateEnvironment } from '#platform';
import { DataSource } from 'typeorm';
import { buildProduct, buildProgramme } from '../../support/applicant-builder.js';
import type { TestApp } from '../../support/app.js';
import { disbursedLoan } from '../../support/approved-application.js';
import { randomNik } from '../../support/fixtures.js';
import type { Operation } from './openapi-fuzzer.js';

export interface FuzzFixtures {
  tokens: Record<string, string>;
  ids: (operation: Operation, param: string) => string;
}

export async function fuzzFixtures(t: TestApp): Promise<FuzzFixtures> {
  const ds = t.app.get(DataSource);
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const officer = await t.userWithRoles(['loan_officer']);
  const finance = await t.userWithRoles(['finance']);
  const approver = await t.userWithRoles(['approver']);
  const programmeId = await buildProgramme(ds, `FUZZ-${randomUUID().slice(0, 8).toUpperCase()}`);
  const productId = await buildProduct(ds, { programmeId, eligibility: { maxActiveLoans: 10 } });
  await ds.query(`UPDATE business_date SET date = '2026-01-15' WHERE id = 1`);
  await t.http().post('/api/fund/capital').set(auth(t.adminToken)).set('Idempotency-Key', `fuzz-cap-${randomUUID()}`).send({ programmeId, amount: '500000000', reference: 'SP2D' }).expect(201);
  const loan = await disbursedLoan(t, { officerToken: officer.token, financeToken: finance.token, productId, amount: '3000000', tenor: 6, valueDate: '2026-01-15' });
  // The builder leaves a placeholder NIK; seal a real one, as registration does, so reveal and export can open it.
  const sealed = sealIdentity(new FieldCipher(validateEnvironment(process.env).DATA_ENCRYPTION_KEY), loan.borrowerId, randomNik(), '3526010101010001');
  await ds.query(`UPDATE borrower SET nik_encrypted = $2, nik_hash = $3, nik_masked = $4, kk_encrypted = $5, kk_hash = $6 WHERE id = $1`, [
    loan.borrowerId,
    sealed.nikEncrypted,
    sealed.nikHash,
    sealed.nikMasked,
    sealed.kkEncrypted,
    sealed.kkHash,
  ]);
  const borrower = await t.userWithRoles(['borrower'], { borrowerId: loan.borrowerId });
  const repaid = await t
    .http()
    .post(`/api/loans/${loan.loanId}/repayments`)
    .set(auth(finance.token))
    .set('Idempotency-Key', `fuzz-rp-${randomUUID()}`)
    .send({ amount: '500000', valueDate: '2026-01-15', channel: 'TELLER', reference: 'FUZZ-1' })
    .expect(201);
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010800000000', 'hex');
  const doc = await t.http().post(`/api/borrowers/${loan.borrowerId}/documents`).set(auth(officer.token)).field('kind', 'KTP').attach('file', png, { filename: 'k.png', contentType: 'image/png' });

  const byPrefix: [RegExp, string][] = [
    [/^\/api\/(me\/)?loans/, loan.loanId],
    [/^\/api\/borrowers/, loan.borrowerId],
    [/^\/api\/applications/, loan.applicationId],
    [/^\/api\/products/, productId],
    [/^\/api\/disbursements/, loan.disbursementId],
  ];
  let n = 0;
  return {
    tokens: { admin: t.adminToken, loan_officer: officer.token, finance: finance.token, approver: approver.token, borrower: borrower.token },
    // Four in five cases name a real record; the fifth an id that does not exist.
    ids: (op, param) => {
      if (++n % 5 === 0) return randomUUID();
      if (param === 'txId') return (repaid.body.transactionId as string) ?? randomUUID();
      if (param === 'documentId') return (doc.body.id as string) ?? randomUUID();
      if (param !== 'id') return randomUUID();
      return byPrefix.find(([re]) => re.test(op.path))?.[1] ?? randomUUID();
    },
  };
}
