import { BANGKALAN_SCORECARD_V1, fromStoredScoringInput, scoreApplication, type ScorecardDefinition, type StoredScoringInput } from '#scoring';
import { DataSource } from 'typeorm';
import { type ApplicantOptions, buildApplicant, buildProduct } from '../support/applicant-builder.js';
import { createTestApp, type TestApp } from '../support/app.js';

// The builder's applicant has run her batik business since 2024-01-01: 29 whole months on this date.
const TODAY = '2026-06-15';
const STRONG = { slikCollectibility: 1, fieldVisitRating: 5 };

describe('scoring: explained scores, stored runs and versioned scorecards (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: { id: string; token: string };
  let otherOfficer: { id: string; token: string };
  let approver: { id: string; token: string };
  let productId: string;

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  /** A fresh applicant's application, submitted over HTTP by `token`'s loan officer. */
  const submitted = async (opts: { applicant?: ApplicantOptions; body?: Record<string, unknown>; token?: string; product?: string } = {}) => {
    const { borrowerId } = await buildApplicant(ds, opts.applicant);
    const res = await t
      .http()
      .post('/api/applications')
      .set(auth(opts.token ?? officer.token))
      .send({ borrowerId, productId: opts.product ?? productId, amount: '5000000', tenor: 12, purpose: 'Modal kerja: kain mori dan malam', ...opts.body });
    if (res.status !== 201) throw new Error(`submission failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; status: string };
  };
  const score = (id: string, body: Record<string, unknown> = STRONG, token = officer.token) => t.http().post(`/api/applications/${id}/score`).set(auth(token)).send(body);
  const detail = (id: string) => t.http().get(`/api/applications/${id}`).set(auth(officer.token));
  const auditRows = (id: string, action: string) =>
    ds.query(`SELECT actor_id, after FROM audit_log WHERE entity_type = 'application' AND entity_id = $1 AND action = $2 ORDER BY id`, [id, action]);
  const publish = (body: Record<string, unknown>, token = t.adminToken) => t.http().post('/api/scorecards').set(auth(token)).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    await ds.query(`UPDATE business_date SET date = $1 WHERE id = 1`, [TODAY]);
    [officer, otherOfficer, approver] = await Promise.all([t.userWithRoles(['loan_officer']), t.userWithRoles(['loan_officer']), t.userWithRoles(['approver'])]);
    productId = await buildProduct(ds);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/applications/:id/score', () => {
    it('scores a strong borrower A and APPROVE with the seeded scorecard; the factor points add up to the score', async () => {
      const app = await submitted();
      const res = await score(app.id).expect(200);
      expect(res.body).toMatchObject({
        applicationId: app.id,
        status: 'SCORED',
        runNumber: 1,
        score: 87,
        grade: 'A',
        recommendation: 'APPROVE',
        maxRecommendedAmount: '9000000.00',
        installment: '417000.00',
        scorecardCode: 'BKL-UMKM',
        scorecardVersion: 1,
        knockOuts: [],
        businessDate: TODAY,
        scoredBy: officer.id,
      });
      const factors = res.body.factors as { name: string; points: number; maxPoints: number; reason: string; reasonEn: string }[];
      expect(factors.map((f) => f.name)).toEqual([
        'REPAYMENT_CAPACITY',
        'BUSINESS_AGE',
        'SECTOR',
        'FIELD_VISIT',
        'SLIK_COLLECTIBILITY',
        'PROGRAMME_HISTORY',
        'AMOUNT_TO_BUSINESS_SIZE',
      ]);
      expect(factors.reduce((s, f) => s + f.points, 0)).toBe(res.body.score);
      expect(factors.reduce((s, f) => s + f.maxPoints, 0)).toBe(100);
      expect(factors[0]).toEqual({
        name: 'REPAYMENT_CAPACITY',
        label: 'Kemampuan bayar',
        labelEn: 'Repayment capacity',
        points: 25,
        maxPoints: 30,
        reason: 'Angsuran Rp417.000 = 16,7% dari laba bersih bulanan Rp2.500.000 (batas 30%)',
        reasonEn: 'Installment Rp417,000 is 16.7% of monthly net income Rp2,500,000 (cap 30%)',
      });
      expect(factors[1].reason).toBe('Usaha berjalan 29 bulan (sejak 2024-01-01)');
    });

    it('SLIK 4 is REJECT whatever else, and the knock-out says why', async () => {
      const app = await submitted();
      const res = await score(app.id, { slikCollectibility: 4, fieldVisitRating: 5 }).expect(200);
      expect(res.body).toMatchObject({ score: 72, grade: 'B', recommendation: 'REJECT', status: 'SCORED' });
      expect(res.body.knockOuts).toEqual([
        {
          rule: 'SLIK_COLLECTIBILITY_AT_LEAST',
          reason: 'Kolektibilitas SLIK 4 (Diragukan): 3 atau lebih buruk berarti ditolak',
          reasonEn: 'SLIK collectibility 4 (Doubtful): 3 or worse is a knock-out',
        },
      ]);
    });

    it('without SLIK and a field visit the strong borrower is only REVIEW; a business losing money is REJECT', async () => {
      const res = await score((await submitted()).id, {}).expect(200);
      expect(res.body).toMatchObject({ score: 57, grade: 'C', recommendation: 'REVIEW' });
      const poor = await submitted({ applicant: { business: { monthlyRevenue: '3000000', monthlyExpenses: '3200000' } } });
      const knocked = await score(poor.id).expect(200);
      expect(knocked.body.recommendation).toBe('REJECT');
      expect(knocked.body.knockOuts.map((k: { rule: string }) => k.rule)).toEqual(['NET_INCOME_NOT_POSITIVE', 'CAPACITY_BELOW_PRODUCT_MINIMUM']);
      expect(knocked.body.maxRecommendedAmount).toBe('1000000.00');
    });

    it('stores the run with its scorecard version and every input, writes one history row and one audit row', async () => {
      const app = await submitted();
      const res = await score(app.id).expect(200);
      const [run] = await ds.query(`SELECT r.*, s.definition FROM scoring_run r JOIN scorecard s ON s.id = r.scorecard_id WHERE r.application_id = $1`, [app.id]);
      expect(run).toMatchObject({ id: res.body.id, run_number: 1, score: 87, grade: 'A', max_recommended_amount: '9000000.00', scored_by: officer.id, business_date: TODAY });
      expect(run.inputs).toEqual({
        amount: '5000000.00',
        tenor: 12,
        product: { minAmount: '1000000.00', maxAmount: '10000000.00', roundingUnit: '1000.00', roundingMode: 'UP', remainderPlacement: 'LAST' },
        business: {
          sector: 'CRAFT_BATIK',
          sectorLabel: 'Kerajinan batik',
          sectorLabelEn: 'Batik craft',
          startedOn: '2024-01-01',
          ageMonths: 29,
          monthlyRevenue: '6000000.00',
          monthlyExpenses: '3500000.00',
        },
        slikCollectibility: 1,
        fieldVisitRating: 5,
        history: { earlierLoans: 0, loansRepaid: 0, worstDaysPastDue: 0 },
      });
      // Replayed from what was stored, the pure scorer gives the stored answer.
      const replay = scoreApplication(run.definition as ScorecardDefinition, fromStoredScoringInput(run.inputs as StoredScoringInput));
      expect({ score: replay.score, factors: replay.factors, max: replay.maxRecommendedAmount.toString() }).toEqual({
        score: run.score,
        factors: run.factors,
        max: run.max_recommended_amount,
      });

      const history = await ds.query(`SELECT from_status, to_status, event, changed_by FROM application_status_change WHERE application_id = $1 ORDER BY id`, [app.id]);
      expect(history[1]).toEqual({ from_status: 'SUBMITTED', to_status: 'SCORED', event: 'SCORE', changed_by: officer.id });
      const audit = await auditRows(app.id, 'APPLICATION_SCORED');
      expect(audit).toHaveLength(1);
      expect(audit[0].actor_id).toBe(officer.id);
      expect(audit[0].after).toMatchObject({
        status: 'SCORED',
        scoringRun: { id: res.body.id, runNumber: 1, scorecardCode: 'BKL-UMKM', scorecardVersion: 1, score: 87, grade: 'A', recommendation: 'APPROVE', maxRecommendedAmount: '9000000.00' },
      });
    });

    it('a rescore adds a run and leaves the first as it was; GET shows the score history in order', async () => {
      const app = await submitted();
      const first = await score(app.id, { slikCollectibility: 2, fieldVisitRating: 3 }).expect(200);
      const second = await score(app.id, STRONG, otherOfficer.token).expect(200);
      expect(second.body).toMatchObject({ runNumber: 2, score: 87, status: 'SCORED', scoredBy: otherOfficer.id });
      const res = await detail(app.id).expect(200);
      expect(res.body.status).toBe('SCORED');
      expect(res.body.statusSince).toBe(TODAY);
      expect(res.body.scores.map((r: { runNumber: number; score: number }) => [r.runNumber, r.score])).toEqual([
        [1, 73],
        [2, 87],
      ]);
      const { applicationId: _a, status: _s, ...run1 } = first.body;
      expect(res.body.scores[0]).toEqual(run1);
      expect(res.body.decisions).toEqual([]);
      expect(res.body.approvedAmount).toBeNull();
      expect(await auditRows(app.id, 'APPLICATION_SCORED')).toHaveLength(2);
    });

    it('refuses an application that is not SUBMITTED or SCORED: 409 INVALID_STATE, nothing stored', async () => {
      const app = await submitted();
      await t.http().post(`/api/applications/${app.id}/withdraw`).set(auth(officer.token)).send({ reason: 'Pemohon membatalkan' }).expect(200);
      const res = await score(app.id).expect(409);
      expect(res.body).toMatchObject({ code: 'INVALID_STATE', status: 409 });
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM scoring_run WHERE application_id = $1`, [app.id]);
      expect(n).toBe(0);
    });

    it('validates the ratings: 1-5 whole numbers, one error per field, no other fields', async () => {
      const app = await submitted();
      const res = await score(app.id, { slikCollectibility: 6, fieldVisitRating: '5', extra: true }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'fieldVisitRating', 'slikCollectibility']);
      await score(app.id, { slikCollectibility: 0 }).expect(400);
      await score(app.id, { fieldVisitRating: 2.5 }).expect(400);
    });

    it('answers 400 for an id that is not a UUID, 404 for an unknown one', async () => {
      expect((await score('not-a-uuid').expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await score('00000000-0000-4000-8000-000000000000').expect(404)).body.code).toBe('NOT_FOUND');
    });

    it('is for loan officers: 401 without a token, 403 for an approver', async () => {
      const app = await submitted();
      await t.http().post(`/api/applications/${app.id}/score`).send(STRONG).expect(401);
      expect((await score(app.id, STRONG, approver.token).expect(403)).body.code).toBe('FORBIDDEN');
    });
  });

  describe('scorecards', () => {
    const definitionWith = (patch: Partial<ScorecardDefinition>): ScorecardDefinition => ({ ...structuredClone(BANGKALAN_SCORECARD_V1), ...patch });

    it('GET /api/scorecards lists the seeded Bangkalan scorecard, the default for every product', async () => {
      const res = await t.http().get('/api/scorecards?code=BKL-UMKM').set(auth(officer.token)).expect(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({ code: 'BKL-UMKM', version: 1, productId: null, createdBy: null, definition: BANGKALAN_SCORECARD_V1 }),
      ]);
      const one = await t.http().get(`/api/scorecards/${res.body.items[0].id}`).set(auth(approver.token)).expect(200);
      expect(one.body).toEqual(res.body.items[0]);
      await t.http().get('/api/scorecards/00000000-0000-4000-8000-000000000000').set(auth(officer.token)).expect(404);
    });

    it("a product's own scorecard scores its applications; a new version never changes a score already given", async () => {
      const ownProduct = await buildProduct(ds);
      const v1 = await publish({ code: 'SPEC-OWN', name: 'Skor khusus produk', productId: ownProduct, definition: BANGKALAN_SCORECARD_V1 }).expect(201);
      expect(v1.body).toMatchObject({ code: 'SPEC-OWN', version: 1, productId: ownProduct, createdBy: expect.any(String) });

      const app = await submitted({ product: ownProduct });
      const first = await score(app.id).expect(200);
      expect(first.body).toMatchObject({ scorecardCode: 'SPEC-OWN', scorecardVersion: 1, scorecardId: v1.body.id, score: 87 });

      // Version 2 gives a first-time borrower nothing for history: 5 points fewer.
      const stricter = definitionWith({
        factors: BANGKALAN_SCORECARD_V1.factors.map((f) => (f.name === 'PROGRAMME_HISTORY' ? { ...f, firstLoanPoints: 0 } : f)),
      });
      const v2 = await publish({ code: 'SPEC-OWN', name: 'Skor khusus produk v2', productId: ownProduct, definition: stricter }).expect(201);
      expect(v2.body.version).toBe(2);

      const rescored = await score(app.id).expect(200);
      expect(rescored.body).toMatchObject({ runNumber: 2, scorecardCode: 'SPEC-OWN', scorecardVersion: 2, score: 82 });
      const res = await detail(app.id).expect(200);
      expect(res.body.scores.map((r: { scorecardVersion: number; score: number }) => [r.scorecardVersion, r.score])).toEqual([
        [1, 87],
        [2, 82],
      ]);
      // Other products keep the default.
      expect((await score((await submitted()).id).expect(200)).body.scorecardCode).toBe('BKL-UMKM');

      const [audit] = await ds.query(`SELECT action, after FROM audit_log WHERE entity_type = 'scorecard' AND entity_id = $1`, [v2.body.id]);
      expect(audit).toMatchObject({ action: 'SCORECARD_PUBLISHED', after: { code: 'SPEC-OWN', version: 2 } });
      // Versions are append-only in the database itself.
      await expect(ds.query(`UPDATE scorecard SET name = 'x' WHERE id = $1`, [v1.body.id])).rejects.toThrow(/append-only/);
    });

    it('refuses an invalid definition with one error per problem, under definition', async () => {
      const bad = definitionWith({ installmentCapPercent: 0, gradeCutoffs: { A: 50, B: 60, C: 40, D: 30 } });
      const res = await publish({ code: 'SPEC-BAD', name: 'Salah', definition: { ...bad, extra: 1 } }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual([
        'definition.extra UNKNOWN_FIELD',
        'definition.installmentCapPercent SCORECARD_CAP_INVALID',
        'definition.gradeCutoffs SCORECARD_GRADE_CUTOFFS_INVALID',
      ]);
      const fields = await publish({ code: 'bad code', name: '', definition: 'x' }).expect(400);
      expect(fields.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['code', 'definition', 'name']);
    });

    it('keeps a code on its scope (422), knows its products (404), and is for admins (403)', async () => {
      const p = await buildProduct(ds);
      await publish({ code: 'SPEC-SCOPE', name: 'Skor', productId: p, definition: BANGKALAN_SCORECARD_V1 }).expect(201);
      const res = await publish({ code: 'SPEC-SCOPE', name: 'Skor', definition: BANGKALAN_SCORECARD_V1 }).expect(422);
      expect(res.body.code).toBe('SCORECARD_PRODUCT_MISMATCH');
      await publish({ code: 'SPEC-NONE', name: 'Skor', productId: '00000000-0000-4000-8000-000000000000', definition: BANGKALAN_SCORECARD_V1 }).expect(404);
      expect((await publish({ code: 'SPEC-OFFICER', name: 'Skor', definition: BANGKALAN_SCORECARD_V1 }, officer.token).expect(403)).body.code).toBe('FORBIDDEN');
    });

    it('pages the list newest first', async () => {
      const first = await t.http().get('/api/scorecards?limit=2').set(auth(officer.token)).expect(200);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const next = await t.http().get(`/api/scorecards?limit=2&cursor=${first.body.nextCursor}`).set(auth(officer.token)).expect(200);
      const ids = [...first.body.items, ...next.body.items].map((s: { id: string }) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      const all = await t.http().get('/api/scorecards?limit=500').set(auth(officer.token)).expect(200);
      expect(all.body.items.slice(0, ids.length).map((s: { id: string }) => s.id)).toEqual(ids);
      await t.http().get('/api/scorecards?cursor=garbage').set(auth(officer.token)).expect(400);
    });
  });
});
