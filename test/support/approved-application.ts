// APPROVED applications for the disbursement and loan specs, without the scoring issue's decisions
// endpoint: submitted over HTTP by a loan officer, then moved SCORE -> APPROVE by the applications
// service, with approved_amount / approved_tenor set when the scoring migration has added them.
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
