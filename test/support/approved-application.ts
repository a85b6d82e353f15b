// APPROVED applications for the disbursement and loan specs, without the scoring issue's decisions
// endpoint: submitted over HTTP by a loan officer, then moved SCORE -> APPROVE by the applications
// service, with approved_amount / approved_tenor set when the scoring migration has added them.
import { randomUUID } from 'node:crypto';
import { ApplicationsService } from '#intake';
import { TransactionRunner } from '#platform';
import { DataSource } from 'typeorm';
import { type ApplicantOptions, buildApplicant } from './applicant-builder.js';
import type { TestApp } from './app.js';

export interface ApprovedOptions {
  officerToken: string;
  productId: string;
  /** Applied for; defaults to 5000000. */
  amount?: string;
  tenor?: number;
  /** What the approver granted; default: what was applied for. Ignored when the columns do not exist. */
  approvedAmount?: string;
  approvedTenor?: number;
  applicant?: ApplicantOptions;
  /** Stop at SUBMITTED or SCORED instead. */
  status?: 'SUBMITTED' | 'SCORED' | 'APPROVED';
}

export interface ApprovedApplication {
  id: string;
  number: string;
  borrowerId: string;
  programmeId: string;
  /** The amount and tenor a disbursement of it carries. */
  amount: string;
  tenor: number;
}

/** Which of the scoring migration's approved_amount, approved_tenor, approved_at, approved_on exist in this database. */
export async function approvedColumns(ds: DataSource): Promise<Set<string>> {
  const rows: { column_name: string }[] = await ds.query(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = 'application' AND column_name IN ('approved_amount', 'approved_tenor', 'approved_at', 'approved_on')`,
  );
  return new Set(rows.map((r) => r.column_name));
}

export async function approvedApplication(t: TestApp, opts: ApprovedOptions): Promise<ApprovedApplication> {
  const ds = t.app.get(DataSource);
  const { borrowerId } = await buildApplicant(ds, opts.applicant);
  const amount = opts.amount ?? '5000000';
  const tenor = opts.tenor ?? 12;
  const res = await t
    .http()
    .post('/api/applications')
    .set('Authorization', `Bearer ${opts.officerToken}`)
    .send({ borrowerId, productId: opts.productId, amount, tenor, purpose: 'Modal kerja: bahan baku batik tulis' });
  if (res.status !== 201) throw new Error(`submission failed: ${res.status} ${JSON.stringify(res.body)}`);
  const id = res.body.id as string;
  const status = opts.status ?? 'APPROVED';
  const applications = t.app.get(ApplicationsService);
  const tx = t.app.get(TransactionRunner);
  if (status !== 'SUBMITTED') await tx.run((em) => applications.transition(em, id, 'SCORE', 'spec', { actorId: null }));
  let granted = { amount: res.body.amount as string, tenor };
  if (status === 'APPROVED') {
    await tx.run((em) => applications.transition(em, id, 'APPROVE', 'spec', { actorId: null }));
    const columns = await approvedColumns(ds);
    const set: string[] = [];
    const values: unknown[] = [id];
    if (columns.has('approved_amount')) {
      values.push(opts.approvedAmount ?? amount);
      set.push(`approved_amount = $${values.length}`);
    }
    if (columns.has('approved_tenor')) {
      values.push(opts.approvedTenor ?? tenor);
      set.push(`approved_tenor = $${values.length}`);
    }
    if (columns.has('approved_at')) set.push('approved_at = now()');
    if (columns.has('approved_on')) set.push('approved_on = (SELECT date FROM business_date WHERE id = 1)');
    if (set.length) await ds.query(`UPDATE application SET ${set.join(', ')} WHERE id = $1`, values);
    const [row] = await ds.query(`SELECT to_jsonb(a) ->> 'approved_amount' AS amount, to_jsonb(a) ->> 'approved_tenor' AS tenor FROM application a WHERE id = $1`, [id]);
    granted = {
      amount: row.amount ?? granted.amount,
      tenor: row.tenor != null ? parseInt(row.tenor, 10) : granted.tenor,
    };
  }
  return { id, number: res.body.number, borrowerId, programmeId: res.body.programmeId, ...granted };
}

export interface DisbursedOptions extends ApprovedOptions {
  /** A finance user's token: orders and confirms the disbursement. */
  financeToken: string;
  /** The confirmation's value date: not after the business date, not before the order. */
  valueDate: string;
  /** The borrower's bank; defaults to 114, 0011223344, Siti Aminah. */
  bankCode?: string;
  accountNumber?: string;
  accountName?: string;
}

export interface DisbursedLoan {
  loanId: string;
  loanNumber: string;
  virtualAccount: string;
  applicationId: string;
  /** The application's borrower. */
  borrowerId: string;
  disbursementId: string;
}

/**
 * A booked loan: an APPROVED application (see approvedApplication), its disbursement ordered
 * (POST /api/disbursements) and confirmed on `valueDate` (POST /api/disbursements/:id/confirm).
 * Leaves the business date as it found it; each call uses Idempotency-Keys and a bank reference of its own.
 */
export async function disbursedLoan(t: TestApp, opts: DisbursedOptions): Promise<DisbursedLoan> {
  const { financeToken, valueDate, bankCode = '114', accountNumber = '0011223344', accountName = 'Siti Aminah', ...approved } = opts;
  const app = await approvedApplication(t, approved);
  const run = randomUUID();
  const auth = { Authorization: `Bearer ${financeToken}` };
  const placed = await t
    .http()
    .post('/api/disbursements')
    .set(auth)
    .set('Idempotency-Key', `disburse-${run}`)
    .send({ applicationId: app.id, bankCode, accountNumber, accountName });
  if (placed.status !== 201) throw new Error(`disbursement order failed: ${placed.status} ${JSON.stringify(placed.body)}`);
  const disbursementId = placed.body.id as string;
  const confirmed = await t
    .http()
    .post(`/api/disbursements/${disbursementId}/confirm`)
    .set(auth)
    .set('Idempotency-Key', `confirm-${run}`)
    .send({ valueDate, bankReference: `JTM-${run}` });
  if (confirmed.status !== 200) throw new Error(`disbursement confirmation failed: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return {
    loanId: confirmed.body.loanId,
    loanNumber: confirmed.body.loanNumber,
    virtualAccount: confirmed.body.virtualAccount,
    applicationId: app.id,
    borrowerId: app.borrowerId,
    disbursementId,
  };
}
