import { ApprovalExpiryService } from '#scoring';
import { DataSource } from 'typeorm';
import { type ApplicantOptions, buildApplicant, buildProduct } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';

const TODAY = '2026-06-15';
const STRONG = { slikCollectibility: 1, fieldVisitRating: 5 };
const DECISION_ACTIONS = ['APPLICATION_APPROVED', 'APPLICATION_FIRST_APPROVED', 'APPLICATION_REJECTED'];

type User = { id: string; token: string };

describe('decisions: maker-checker, the credit committee, concurrency and expiry (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: User;
  /** A loan officer who is also an approver. */
  let officerApprover: User;
  let approverA: User;
  let approverB: User;
  let approverC: User;
  let approverD: User;
  /** Rp1-10m, 3-24 months, committee above Rp5m. */
  let productId: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const setBusinessDate = (date: string) => ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [date]);
  const submit = async (opts: { applicant?: ApplicantOptions; body?: Record<string, unknown>; token?: string; product?: string } = {}) => {
    const { borrowerId } = await buildApplicant(ds, opts.applicant);
    const res = await t
      .http()
      .post('/api/applications')
      .set(auth(opts.token ?? officer.token))
      .send({ borrowerId, productId: opts.product ?? productId, amount: '5000000', tenor: 12, purpose: 'Modal kerja: kain mori dan malam', ...opts.body });
    if (res.status !== 201) throw new Error(`submission failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const score = (id: string, token = officer.token) => t.http().post(`/api/applications/${id}/score`).set(auth(token)).send(STRONG);
  /** Submitted and scored by `officer` (or the given officers). */
  const scored = async (opts: { body?: Record<string, unknown>; submitter?: User; scorer?: User; product?: string } = {}) => {
    const app = await submit({ body: opts.body, token: (opts.submitter ?? officer).token, product: opts.product });
    const res = await score(app.id, (opts.scorer ?? officer).token);
    if (res.status !== 200) throw new Error(`scoring failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: app.id, runId: res.body.id as string };
  };
  const decide = (id: string, body: Record<string, unknown>, user: User = approverA) => t.http().post(`/api/applications/${id}/decisions`).set(auth(user.token)).send(body);
  const count = async (sql: string, params: unknown[]): Promise<number> => (await ds.query(sql, params))[0].n;
  const decisionAudits = (id: string) =>
    count(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'application' AND entity_id = $1 AND action = ANY($2)`, [id, DECISION_ACTIONS]);
  const decisionRows = (id: string) => count(`SELECT count(*)::int AS n FROM application_decision WHERE application_id = $1`, [id]);
  const statusOf = async (id: string): Promise<string> => (await ds.query(`SELECT status FROM application WHERE id = $1`, [id]))[0].status;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    await setBusinessDate(TODAY);
    [officer, officerApprover, approverA, approverB, approverC, approverD] = await Promise.all([
      t.userWithRoles(['loan_officer']),
      t.userWithRoles(['loan_officer', 'approver']),
      t.userWithRoles(['approver']),
      t.userWithRoles(['approver']),
      t.userWithRoles(['approver']),
      t.userWithRoles(['approver']),
    ]);
    productId = await buildProduct(ds, { committeeThreshold: '5000000' });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('approving', () => {
    it('approves at the threshold: APPROVED with the amount and tenor asked, on the latest run, with one history row and one audit row', async () => {
      const app = await scored();
      const res = await decide(app.id, { decision: 'APPROVE', note: 'Usaha sehat, kunjungan baik' }).expect(200);
      expect(res.body).toMatchObject({ id: app.id, status: 'APPROVED', approvedAmount: '5000000.00', approvedTenor: 12, approvedOn: TODAY, statusSince: TODAY });
      expect(res.body.approvedAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
      expect(res.body.decisions).toEqual([
        expect.objectContaining({
          step: 1,
          decision: 'APPROVE',
          approvedAmount: '5000000.00',
          approvedTenor: 12,
          reasonCode: null,
          note: 'Usaha sehat, kunjungan baik',
          scoringRunId: app.runId,
          fromStatus: 'SCORED',
          toStatus: 'APPROVED',
          businessDate: TODAY,
          decidedBy: approverA.id,
        }),
      ]);
      expect(res.body.statusHistory.at(-1)).toMatchObject({ fromStatus: 'SCORED', toStatus: 'APPROVED', event: 'APPROVE', changedBy: approverA.id, note: 'Usaha sehat, kunjungan baik' });
      const [audit] = await ds.query(`SELECT actor_id, after FROM audit_log WHERE entity_id = $1 AND action = 'APPLICATION_APPROVED'`, [app.id]);
      expect(audit.actor_id).toBe(approverA.id);
      expect(audit.after).toMatchObject({
        status: 'APPROVED',
        decision: { step: 1, decision: 'APPROVE', approvedAmount: '5000000.00', approvedTenor: 12, scoringRunId: app.runId, runNumber: 1 },
      });
      expect(await decisionAudits(app.id)).toBe(1);
      // What disbursement reads from the row.
      const [row] = await ds.query(`SELECT approved_amount, approved_tenor, approved_on FROM application WHERE id = $1`, [app.id]);
      expect(row).toEqual({ approved_amount: '5000000.00', approved_tenor: 12, approved_on: TODAY });
    });

    it('may approve a lower amount and a shorter tenor', async () => {
      const app = await scored();
      const res = await decide(app.id, { decision: 'APPROVE', approvedAmount: '4500000', approvedTenor: 10 }).expect(200);
      expect(res.body).toMatchObject({ status: 'APPROVED', approvedAmount: '4500000.00', approvedTenor: 10 });
      expect(res.body.decisions[0]).toMatchObject({ approvedAmount: '4500000.00', approvedTenor: 10 });
    });

    it.each([
      [{ approvedAmount: '5000001' }, 'APPROVED_AMOUNT_ABOVE_REQUESTED'],
      [{ approvedTenor: 13 }, 'APPROVED_TENOR_ABOVE_REQUESTED'],
      [{ approvedAmount: '999999' }, 'AMOUNT_OUT_OF_RANGE'],
      [{ approvedTenor: 2 }, 'TENOR_OUT_OF_RANGE'],
    ])('refuses %j with 422 %s, leaving it SCORED', async (patch, code) => {
      const app = await scored();
      const res = await decide(app.id, { decision: 'APPROVE', ...patch }).expect(422);
      expect(res.body.code).toBe(code);
      expect(await statusOf(app.id)).toBe('SCORED');
      expect(await decisionRows(app.id)).toBe(0);
    });

    it('refuses an approval the schedule cannot book: 422 SCHEDULE_UNIT_TOO_LARGE', async () => {
      const coarse = await buildProduct(ds, { roundingUnit: '5000' });
      const app = await scored({ product: coarse, body: { amount: '1000000', tenor: 24 } });
      expect((await decide(app.id, { decision: 'APPROVE' }).expect(422)).body.code).toBe('SCHEDULE_UNIT_TOO_LARGE');
      await decide(app.id, { decision: 'APPROVE', approvedTenor: 12 }).expect(200);
    });
  });

  describe('rejecting', () => {
    it('needs a reasonCode from the list (400) and ends the application', async () => {
      const app = await scored();
      const missing = await decide(app.id, { decision: 'REJECT' }).expect(400);
      expect(missing.body.code).toBe('VALIDATION_FAILED');
      expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['reasonCode']);
      expect((await decide(app.id, { decision: 'REJECT', reasonCode: 'BAD_LUCK' }).expect(400)).body.errors[0].field).toBe('reasonCode');

      const res = await decide(app.id, { decision: 'REJECT', reasonCode: 'CAPACITY_INSUFFICIENT' }).expect(200);
      expect(res.body).toMatchObject({ status: 'REJECTED', approvedAmount: null, approvedTenor: null });
      expect(res.body.decisions).toEqual([
        expect.objectContaining({ step: 1, decision: 'REJECT', reasonCode: 'CAPACITY_INSUFFICIENT', approvedAmount: null, toStatus: 'REJECTED', decidedBy: approverA.id }),
      ]);
      expect(await decisionAudits(app.id)).toBe(1);
      // Final: no second decision, no rescore.
      expect((await decide(app.id, { decision: 'APPROVE' }, approverB).expect(409)).body.code).toBe('INVALID_STATE');
      expect((await score(app.id).expect(409)).body.code).toBe('INVALID_STATE');
    });

    it('OTHER needs a note', async () => {
      const app = await scored();
      const res = await decide(app.id, { decision: 'REJECT', reasonCode: 'OTHER' }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['note']);
      await decide(app.id, { decision: 'REJECT', reasonCode: 'OTHER', note: '   ' }).expect(400);
      const ok = await decide(app.id, { decision: 'REJECT', reasonCode: 'OTHER', note: 'Pemohon pindah ke luar kabupaten' }).expect(200);
      expect(ok.body.decisions[0]).toMatchObject({ reasonCode: 'OTHER', note: 'Pemohon pindah ke luar kabupaten' });
    });

    it("refuses the other decision's fields: approved terms on a rejection, a reasonCode on an approval (400)", async () => {
      const app = await scored();
      const res = await decide(app.id, { decision: 'REJECT', reasonCode: 'NOT_ELIGIBLE', approvedAmount: '1000000', approvedTenor: 6 }).expect(400);
      expect(res.body.errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual([
        'approvedAmount NOT_ALLOWED_ON_REJECT',
        'approvedTenor NOT_ALLOWED_ON_REJECT',
      ]);
      const approve = await decide(app.id, { decision: 'APPROVE', reasonCode: 'NOT_ELIGIBLE' }).expect(400);
      expect(approve.body.errors).toEqual([expect.objectContaining({ field: 'reasonCode', code: 'NOT_ALLOWED_ON_APPROVE' })]);
      const bad = await decide(app.id, { decision: 'MAYBE', approvedAmount: 5000000, approvedTenor: 0 }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['approvedAmount', 'approvedTenor', 'decision']);
      expect(await statusOf(app.id)).toBe('SCORED');
    });
  });

  describe('maker-checker', () => {
    it('an officer who also holds the approver role cannot decide the application they took (403), even after someone else scored it', async () => {
      const app = await scored({ submitter: officerApprover, scorer: officer });
      const res = await decide(app.id, { decision: 'APPROVE' }, officerApprover).expect(403);
      expect(res.body).toMatchObject({ code: 'MAKER_CHECKER_VIOLATION', status: 403 });
      await decide(app.id, { decision: 'REJECT', reasonCode: 'OTHER', note: 'coba' }, officerApprover).expect(403);
      expect(await statusOf(app.id)).toBe('SCORED');
      expect(await decisionRows(app.id)).toBe(0);
      expect(await decisionAudits(app.id)).toBe(0);
      await decide(app.id, { decision: 'APPROVE' }, approverA).expect(200);
    });

    it('nor can whoever scored it, on any run', async () => {
      const app = await scored({ scorer: officerApprover });
      await score(app.id, officer.token).expect(200);
      expect((await decide(app.id, { decision: 'APPROVE' }, officerApprover).expect(403)).body.code).toBe('MAKER_CHECKER_VIOLATION');
    });

    it('a loan officer without the approver role: 403 FORBIDDEN', async () => {
      const app = await scored();
      expect((await decide(app.id, { decision: 'APPROVE' }, officer).expect(403)).body.code).toBe('FORBIDDEN');
    });
  });

  describe('the credit committee: above the threshold two different approvers', () => {
    it('the first approval waits for a second, different approver, who may lower but not raise it', async () => {
      const app = await scored({ body: { amount: '8000000' } });
      const firstRes = await decide(app.id, { decision: 'APPROVE', approvedAmount: '7000000' }).expect(200);
      expect(firstRes.body).toMatchObject({ status: 'PENDING_SECOND_APPROVAL', approvedAmount: null, approvedTenor: null });
      expect(firstRes.body.decisions).toEqual([expect.objectContaining({ step: 1, approvedAmount: '7000000.00', approvedTenor: 12, toStatus: 'PENDING_SECOND_APPROVAL' })]);

      expect((await decide(app.id, { decision: 'APPROVE' }, approverA).expect(403)).body.code).toBe('MAKER_CHECKER_VIOLATION');
      expect((await decide(app.id, { decision: 'APPROVE', approvedAmount: '7500000' }, approverB).expect(422)).body.code).toBe('APPROVED_AMOUNT_ABOVE_FIRST_APPROVAL');
      expect((await score(app.id).expect(409)).body.code).toBe('INVALID_STATE');

      const second = await decide(app.id, { decision: 'APPROVE', approvedAmount: '6500000', approvedTenor: 10 }, approverB).expect(200);
      expect(second.body).toMatchObject({ status: 'APPROVED', approvedAmount: '6500000.00', approvedTenor: 10 });
      expect(second.body.decisions.map((d: { step: number; decidedBy: string; approvedAmount: string; toStatus: string }) => [d.step, d.decidedBy, d.approvedAmount, d.toStatus])).toEqual([
        [1, approverA.id, '7000000.00', 'PENDING_SECOND_APPROVAL'],
        [2, approverB.id, '6500000.00', 'APPROVED'],
      ]);
      const actions = await ds.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action = ANY($2) ORDER BY id`, [app.id, DECISION_ACTIONS]);
      expect(actions.map((a: { action: string }) => a.action)).toEqual(['APPLICATION_FIRST_APPROVED', 'APPLICATION_APPROVED']);
    });

    it("the second approver approves the first one's terms by default; a first approval down to the threshold needs no second", async () => {
      const app = await scored({ body: { amount: '8000000' } });
      await decide(app.id, { decision: 'APPROVE', approvedTenor: 9 }).expect(200);
      const res = await decide(app.id, { decision: 'APPROVE' }, approverB).expect(200);
      expect(res.body).toMatchObject({ status: 'APPROVED', approvedAmount: '8000000.00', approvedTenor: 9 });

      const lowered = await scored({ body: { amount: '8000000' } });
      expect((await decide(lowered.id, { decision: 'APPROVE', approvedAmount: '5000000' }).expect(200)).body.status).toBe('APPROVED');
    });

    it("one rejection ends it", async () => {
      const app = await scored({ body: { amount: '8000000' } });
      await decide(app.id, { decision: 'APPROVE' }).expect(200);
      const res = await decide(app.id, { decision: 'REJECT', reasonCode: 'BAD_CREDIT_HISTORY' }, approverB).expect(200);
      expect(res.body).toMatchObject({ status: 'REJECTED', approvedAmount: null });
      expect(res.body.decisions.map((d: { step: number; decision: string }) => [d.step, d.decision])).toEqual([
        [1, 'APPROVE'],
        [2, 'REJECT'],
      ]);
      await decide(app.id, { decision: 'APPROVE' }, approverC).expect(409);
    });
  });

  describe('state', () => {
    it('an unscored application is not decidable: 409 INVALID_STATE (a decision records the run it was made on)', async () => {
      const app = await submit();
      expect((await decide(app.id, { decision: 'APPROVE' }).expect(409)).body.code).toBe('INVALID_STATE');
      await decide(app.id, { decision: 'REJECT', reasonCode: 'INCOMPLETE_DOCUMENTS' }).expect(409);
    });

    it('nor is a withdrawn one; an unknown id is 404, a malformed one 400', async () => {
      const app = await scored();
      await t.http().post(`/api/applications/${app.id}/withdraw`).set(auth(officer.token)).send({ reason: 'Batal' }).expect(200);
      await decide(app.id, { decision: 'APPROVE' }).expect(409);
      await decide('00000000-0000-4000-8000-000000000000', { decision: 'APPROVE' }).expect(404);
      await decide('nope', { decision: 'APPROVE' }).expect(400);
    });

    it('GET /api/applications/:id shows the score history and the decisions in order, the decision on the latest run', async () => {
      const app = await scored({ body: { amount: '8000000' } });
      const rescored = await score(app.id).expect(200);
      await decide(app.id, { decision: 'APPROVE' }).expect(200);
      await decide(app.id, { decision: 'APPROVE', approvedAmount: '7000000' }, approverB).expect(200);
      const res = await t.http().get(`/api/applications/${app.id}`).set(auth(approverC.token)).expect(200);
      expect(res.body.scores.map((r: { id: string; runNumber: number }) => [r.runNumber, r.id])).toEqual([
        [1, app.runId],
        [2, rescored.body.id],
      ]);
      expect(res.body.decisions.map((d: { step: number; scoringRunId: string; decidedBy: string }) => [d.step, d.scoringRunId, d.decidedBy])).toEqual([
        [1, rescored.body.id, approverA.id],
        [2, rescored.body.id, approverB.id],
      ]);
      expect(res.body.statusHistory.map((h: { event: string }) => h.event)).toEqual(['SUBMIT', 'SCORE', 'SCORE', 'APPROVE_FIRST', 'APPROVE']);
      expect(res.body).toMatchObject({ status: 'APPROVED', approvedAmount: '7000000.00', approvedTenor: 12 });
    });
  });

  describe('concurrency: approvers deciding at the same moment', () => {
    it('exactly one wins; the others get 409 INVALID_STATE; one state change, one decision, one audit row', async () => {
      const app = await scored();
      const answers = await Promise.all([
        decide(app.id, { decision: 'APPROVE' }, approverA),
        decide(app.id, { decision: 'APPROVE' }, approverB),
        decide(app.id, { decision: 'REJECT', reasonCode: 'NOT_ELIGIBLE' }, approverC),
        decide(app.id, { decision: 'APPROVE', approvedAmount: '4000000' }, approverD),
      ]);
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409, 409, 409]);
      for (const r of answers.filter((a) => a.status === 409)) expect(r.body.code).toBe('INVALID_STATE');
      const winner = answers.find((r) => r.status === 200);
      expect(['APPROVED', 'REJECTED']).toContain(winner?.body.status);
      expect(await decisionRows(app.id)).toBe(1);
      expect(await decisionAudits(app.id)).toBe(1);
      expect(await count(`SELECT count(*)::int AS n FROM application_status_change WHERE application_id = $1 AND event <> 'SUBMIT' AND event <> 'SCORE'`, [app.id])).toBe(1);
    });

    it('on the committee step too: two second approvers at once, one wins', async () => {
      const app = await scored({ body: { amount: '9000000' } });
      await decide(app.id, { decision: 'APPROVE' }, approverA).expect(200);
      const answers = await Promise.all([decide(app.id, { decision: 'APPROVE' }, approverB), decide(app.id, { decision: 'APPROVE' }, approverC)]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(await decisionRows(app.id)).toBe(2);
      expect(await decisionAudits(app.id)).toBe(2);
      expect(await statusOf(app.id)).toBe('APPROVED');
    });
  });

  // Last: it moves the business date.
  describe("expiry: an approval not disbursed within the product's validity", () => {
    it('expires at the close of the day validityDays after approval, in one pass with history and audit rows', async () => {
      await setBusinessDate(TODAY);
      const app = await scored();
      await decide(app.id, { decision: 'APPROVE' }).expect(200);
      const expiry = t.app.get(ApprovalExpiryService);

      expect((await expiry.expireApprovals('2026-07-14')).applicationIds).not.toContain(app.id);
      expect(await statusOf(app.id)).toBe('APPROVED');

      await setBusinessDate('2026-07-15');
      const run = await expiry.expireApprovals();
      expect(run.businessDate).toBe('2026-07-15');
      expect(run.applicationIds).toContain(app.id);

      const res = await t.http().get(`/api/applications/${app.id}`).set(auth(officer.token)).expect(200);
      expect(res.body).toMatchObject({ status: 'EXPIRED', statusSince: '2026-07-15', approvedAmount: '5000000.00', approvedOn: TODAY });
      expect(res.body.statusHistory.at(-1)).toMatchObject({
        fromStatus: 'APPROVED',
        toStatus: 'EXPIRED',
        event: 'EXPIRE',
        businessDate: '2026-07-15',
        changedBy: null,
        note: 'Persetujuan kedaluwarsa: belum dicairkan 30 hari sejak 2026-06-15',
      });
      const audit = await ds.query(`SELECT actor_id, before, after FROM audit_log WHERE entity_id = $1 AND action = 'APPLICATION_EXPIRED'`, [app.id]);
      expect(audit).toEqual([
        {
          actor_id: null,
          before: { status: 'APPROVED', statusSince: TODAY, version: res.body.version - 1 },
          after: { status: 'EXPIRED', statusSince: '2026-07-15', version: res.body.version, validityDays: 30 },
        },
      ]);
      // Once only, and final.
      expect((await expiry.expireApprovals()).applicationIds).not.toContain(app.id);
      expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'APPLICATION_EXPIRED'`, [app.id])).toBe(1);
      await decide(app.id, { decision: 'APPROVE' }, approverB).expect(409);
    });

    it('counts the validity of the terms the application was submitted under, and leaves other statuses alone', async () => {
      await setBusinessDate(TODAY);
      const short = await buildProduct(ds);
      await ds.query(`UPDATE product SET validity_days = 10 WHERE id = $1`, [short]);
      const app = await scored({ product: short });
      const waiting = await scored();
      await ds.query(`UPDATE product SET validity_days = 60 WHERE id = $1`, [short]);
      await decide(app.id, { decision: 'APPROVE' }).expect(200);

      const expiry = t.app.get(ApprovalExpiryService);
      expect((await expiry.expireApprovals('2026-06-24')).applicationIds).not.toContain(app.id);
      const run = await expiry.expireApprovals('2026-06-25');
      expect(run.applicationIds).toContain(app.id);
      expect(run.applicationIds).not.toContain(waiting.id);
      expect(await statusOf(waiting.id)).toBe('SCORED');
    });
  });
});
