import { ProductsService } from '#intake';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../support/app.js';
import { insertBorrower } from '../support/fixtures.js';

// Regions the products name; the borrowers migration seeds them too (ON CONFLICT keeps either order working).
const REGIONS = `
  INSERT INTO region (code, name, level, parent_code, time_zone) VALUES
    ('35', 'Jawa Timur', 'PROVINCE', NULL, 'Asia/Jakarta'),
    ('35.26', 'Kabupaten Bangkalan', 'REGENCY', '35', 'Asia/Jakarta'),
    ('35.26.01', 'Bangkalan', 'DISTRICT', '35.26', 'Asia/Jakarta'),
    ('51', 'Bali', 'PROVINCE', NULL, 'Asia/Makassar'),
    ('51.03', 'Kabupaten Badung', 'REGENCY', '51', 'Asia/Makassar')
  ON CONFLICT (code) DO NOTHING`;

let seq = 0;
const productBody = (over: Record<string, unknown> = {}) => ({
  code: `P-${++seq}`,
  name: 'Pinjaman Modal Usaha 0%',
  minAmount: '500000',
  maxAmount: '20000000',
  minTenor: 1,
  maxTenor: 36,
  frequency: 'MONTHLY',
  roundingUnit: '1000',
  roundingMode: 'UP',
  remainderPlacement: 'LAST',
  principalGracePeriods: 0,
  moveDueDatesOffHolidays: false,
  collectibilityTable: 'BPR',
  lateFee: '0',
  reminderOffsetsDays: [-3, 0, 1, 7],
  committeeThreshold: '5000000',
  eligibility: { minAge: 21, maxAgeAtMaturity: 60, regionCodes: ['35.26'], minBusinessAgeMonths: 6, requireNib: true, maxActiveLoans: 1 },
  ...over,
});
const eligibility = (over: Record<string, unknown>) => ({ ...productBody().eligibility, ...over });

describe('products and the schedule preview (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let officer: { token: string };
  let approver: { token: string };
  let finance: { token: string };
  let borrower: { token: string };
  const admin = () => ({ Authorization: `Bearer ${t.adminToken}` });
  const as = (u: { token: string }) => ({ Authorization: `Bearer ${u.token}` });
  const create = (body: Record<string, unknown>) => t.http().post('/api/products').set(admin()).send(body);
  const productCount = async (): Promise<number> => (await ds.query(`SELECT count(*)::int AS n FROM product`))[0].n;
  const createProduct = async (over: Record<string, unknown> = {}): Promise<string> => (await create(productBody(over)).expect(201)).body.id;
  const preview = (id: string, body: Record<string, unknown>, who: Record<string, string> = as(officer)) =>
    t.http().post(`/api/products/${id}/schedule-preview`).set(who).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.app.get(DataSource);
    await ds.query(REGIONS);
    [officer, approver, finance] = await Promise.all([t.userWithRoles(['loan_officer']), t.userWithRoles(['approver']), t.userWithRoles(['finance'])]);
    borrower = await t.userWithRoles(['borrower'], { borrowerId: await insertBorrower(ds) });
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /api/products', () => {
    it('creates a product with every field of api.md, money as strings, in the default programme, audited', async () => {
      const res = await create(productBody({ code: 'BKL-MODAL-0', lateFee: '2500', validityDays: 45 })).expect(201);
      const [{ id: programmeId }] = await ds.query(`SELECT id FROM programme WHERE is_default`);
      expect(res.body).toEqual({
        id: expect.any(String),
        programmeId,
        code: 'BKL-MODAL-0',
        name: 'Pinjaman Modal Usaha 0%',
        minAmount: '500000.00',
        maxAmount: '20000000.00',
        minTenor: 1,
        maxTenor: 36,
        frequency: 'MONTHLY',
        roundingUnit: '1000.00',
        roundingMode: 'UP',
        remainderPlacement: 'LAST',
        principalGracePeriods: 0,
        moveDueDatesOffHolidays: false,
        collectibilityTable: 'BPR',
        lateFee: '2500.00',
        reminderOffsetsDays: [-3, 0, 1, 7],
        committeeThreshold: '5000000.00',
        eligibility: { minAge: 21, maxAgeAtMaturity: 60, regionCodes: ['35.26'], minBusinessAgeMonths: 6, requireNib: true, maxActiveLoans: 1 },
        validityDays: 45,
        isActive: true,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const audit = await ds.query(`SELECT action, actor_id, after FROM audit_log WHERE entity_id = $1`, [res.body.id]);
      expect(audit).toEqual([expect.objectContaining({ action: 'PRODUCT_CREATED', actor_id: expect.any(String) })]);
      expect(audit[0].after.minAmount).toBe('500000.00');
    });

    it('fills the optional rules with their defaults: no late fee, reminders -3/0/1/7, no grace, 30 validity days', async () => {
      const { lateFee: _l, reminderOffsetsDays: _r, principalGracePeriods: _p, ...body } = productBody();
      const res = await create(body).expect(201);
      expect(res.body).toMatchObject({ lateFee: '0.00', reminderOffsetsDays: [-3, 0, 1, 7], principalGracePeriods: 0, validityDays: 30 });
    });

    const refusals: [string, Record<string, unknown>, string, string][] = [
      ['maxAmount below minAmount', { minAmount: '5000000', maxAmount: '1000000', committeeThreshold: '1000000' }, 'maxAmount', 'AMOUNT_RANGE_REVERSED'],
      ['maxTenor below minTenor', { minTenor: 12, maxTenor: 6 }, 'maxTenor', 'TENOR_RANGE_REVERSED'],
      ['a rounding unit outside 1/100/500/1000/5000', { roundingUnit: '2000' }, 'roundingUnit', 'ROUNDING_UNIT_NOT_ALLOWED'],
      ['a rounding unit with sen', { roundingUnit: '0.50' }, 'roundingUnit', 'ROUNDING_UNIT_NOT_ALLOWED'],
      ['reminder offsets out of order', { reminderOffsetsDays: [0, -3, 1] }, 'reminderOffsetsDays', 'REMINDER_OFFSETS_NOT_SORTED'],
      ['a repeated reminder offset', { reminderOffsetsDays: [-3, 0, 0, 7] }, 'reminderOffsetsDays', 'REMINDER_OFFSETS_NOT_UNIQUE'],
      ['a reminder offset too far out', { reminderOffsetsDays: [-31, 0] }, 'reminderOffsetsDays', 'MIN'],
      ['no reminder offsets', { reminderOffsetsDays: [] }, 'reminderOffsetsDays', 'ARRAY_MIN_SIZE'],
      ['a committee threshold above maxAmount', { committeeThreshold: '20000001' }, 'committeeThreshold', 'COMMITTEE_THRESHOLD_OUT_OF_RANGE'],
      ['a committee threshold below minAmount', { committeeThreshold: '499999' }, 'committeeThreshold', 'COMMITTEE_THRESHOLD_OUT_OF_RANGE'],
      ['maxAgeAtMaturity not above minAge', { eligibility: eligibility({ minAge: 60, maxAgeAtMaturity: 60 }) }, 'eligibility.maxAgeAtMaturity', 'AGE_RANGE_REVERSED'],
      ['no region codes', { eligibility: eligibility({ regionCodes: [] }) }, 'eligibility.regionCodes', 'ARRAY_MIN_SIZE'],
      ['an unknown region code', { eligibility: eligibility({ regionCodes: ['35.26', '99.99'] }) }, 'eligibility.regionCodes[1]', 'REGION_UNKNOWN'],
      ['a negative business age', { eligibility: eligibility({ minBusinessAgeMonths: -1 }) }, 'eligibility.minBusinessAgeMonths', 'MIN'],
      ['maxActiveLoans below 1', { eligibility: eligibility({ maxActiveLoans: 0 }) }, 'eligibility.maxActiveLoans', 'MIN'],
      ['no eligibility at all', { eligibility: undefined }, 'eligibility', 'IS_OBJECT'],
      ['validityDays of 0', { validityDays: 0 }, 'validityDays', 'MIN'],
      ['an amount as a JSON number', { minAmount: 500000 }, 'minAmount', 'IS_MONEY'],
      ['a zero maxAmount', { maxAmount: '0' }, 'maxAmount', 'IS_MONEY'],
      ['a negative late fee', { lateFee: '-1' }, 'lateFee', 'IS_MONEY'],
      ['an unknown frequency', { frequency: 'DAILY' }, 'frequency', 'IS_IN'],
      ['an unknown rounding mode', { roundingMode: 'DOWN' }, 'roundingMode', 'IS_IN'],
      ['an unknown collectibility table', { collectibilityTable: 'OJK' }, 'collectibilityTable', 'IS_IN'],
      ['a lowercase code', { code: 'bkl' }, 'code', 'MATCHES'],
      ['a tenor above 120', { maxTenor: 121 }, 'maxTenor', 'MAX'],
    ];

    it.each(refusals)('refuses %s: 400 VALIDATION_FAILED naming the field, nothing stored', async (_what, over, field, code) => {
      const before = await productCount();
      const res = await create(productBody(over)).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors).toEqual([expect.objectContaining({ field, code })]);
      expect(await productCount()).toBe(before);
    });

    it('names every inconsistent field at once', async () => {
      const res = await create(productBody({ maxTenor: 0, minTenor: 1, roundingUnit: '250', reminderOffsetsDays: [7, 1], committeeThreshold: '1' })).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['maxTenor']);
      const res2 = await create(productBody({ maxTenor: 6, minTenor: 12, roundingUnit: '250', reminderOffsetsDays: [7, 1], committeeThreshold: '1' })).expect(400);
      expect(res2.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['committeeThreshold', 'maxTenor', 'reminderOffsetsDays', 'roundingUnit']);
    });

    it('refuses a code taken in the programme (409 PRODUCT_CODE_TAKEN) but allows it in another programme', async () => {
      await create(productBody({ code: 'DUP-1' })).expect(201);
      const dup = await create(productBody({ code: 'DUP-1', name: 'Again' })).expect(409);
      expect(dup.body.code).toBe('PRODUCT_CODE_TAKEN');
      const programme = await t.http().post('/api/programmes').set(admin()).send({ code: 'BDG-UMKM', name: 'Dana Bergulir Badung', regionCode: '51.03' }).expect(201);
      const other = await create(productBody({ code: 'DUP-1', programmeId: programme.body.id, eligibility: eligibility({ regionCodes: ['51.03'] }) })).expect(201);
      expect(other.body.programmeId).toBe(programme.body.id);
    });

    it('answers 404 for an unknown programme', async () => {
      const res = await create(productBody({ programmeId: '00000000-0000-4000-8000-000000000000' })).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
    });

    it('lets only admins create products', async () => {
      for (const user of [officer, approver, finance, borrower]) {
        const res = await t.http().post('/api/products').set(as(user)).send(productBody()).expect(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      await t.http().post('/api/products').send(productBody()).expect(401);
    });
  });

  describe('GET /api/products', () => {
    it('lists products in code order, page by page, to every staff role; filters by programme', async () => {
      const ids = [await createProduct({ code: 'LIST-A' }), await createProduct({ code: 'LIST-B' })];
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string; code: string }[]; nextCursor: string | null } } = await t
          .http()
          .get('/api/products')
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .set(as(officer))
          .expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((p) => p.code));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...seen].sort());
      expect(seen.length).toBe(await productCount());
      expect(seen).toEqual(expect.arrayContaining(['LIST-A', 'LIST-B']));

      const programme = await t.http().post('/api/programmes').set(admin()).send({ code: 'LIST-PRG', name: 'Filter' }).expect(201);
      await createProduct({ code: 'LIST-C', programmeId: programme.body.id });
      const filtered = await t.http().get('/api/products').query({ programmeId: programme.body.id }).set(as(finance)).expect(200);
      expect(filtered.body.items.map((p: { code: string }) => p.code)).toEqual(['LIST-C']);
      const one = await t.http().get(`/api/products/${ids[0]}`).set(as(approver)).expect(200);
      expect(one.body).toMatchObject({ id: ids[0], code: 'LIST-A', minAmount: '500000.00', committeeThreshold: '5000000.00' });
    });

    it('answers 404 for an unknown id, 400 for a malformed id or cursor, 403 to a borrower', async () => {
      expect((await t.http().get('/api/products/00000000-0000-4000-8000-000000000000').set(admin()).expect(404)).body.code).toBe('NOT_FOUND');
      const bad = await t.http().get('/api/products/not-a-uuid').set(admin()).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
      await t.http().get('/api/products').query({ cursor: 'garbage' }).set(admin()).expect(400);
      await t.http().get('/api/products').set(as(borrower)).expect(403);
      await t.http().get(`/api/products/${await createProduct()}`).set(as(borrower)).expect(403);
    });
  });

  describe('PATCH /api/products/:id', () => {
    it('bumps the version, re-checks consistency, and leaves stored terms alone', async () => {
      const id = await createProduct({ code: 'EDIT-1' });
      const terms = await t.app.get(ProductsService).terms(id);
      const stored = JSON.parse(JSON.stringify(terms));
      const res = await t.http().patch(`/api/products/${id}`).set(admin()).send({ roundingUnit: '5000', maxAmount: '30000000', isActive: false }).expect(200);
      expect(res.body).toMatchObject({ version: 2, roundingUnit: '5000.00', maxAmount: '30000000.00', isActive: false, code: 'EDIT-1' });
      expect(JSON.parse(JSON.stringify(terms))).toEqual(stored);
      expect(stored).toMatchObject({ productVersion: 1, roundingUnit: '1000.00', maxAmount: '20000000.00' });
      expect(await t.app.get(ProductsService).terms(id)).toMatchObject({ productVersion: 2, roundingUnit: '5000.00' });

      const bad = await t.http().patch(`/api/products/${id}`).set(admin()).send({ committeeThreshold: '40000000' }).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'committeeThreshold', code: 'COMMITTEE_THRESHOLD_OUT_OF_RANGE' })]);
      const unknown = await t.http().patch(`/api/products/${id}`).set(admin()).send({ code: 'RENAMED' }).expect(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'code', code: 'UNKNOWN_FIELD' })]);
      expect((await t.http().get(`/api/products/${id}`).set(admin()).expect(200)).body.version).toBe(2);
      const audit = await ds.query(`SELECT before, after FROM audit_log WHERE entity_id = $1 AND action = 'PRODUCT_UPDATED'`, [id]);
      expect(audit).toEqual([expect.objectContaining({ before: expect.objectContaining({ roundingUnit: '1000.00' }), after: expect.objectContaining({ roundingUnit: '5000.00' }) })]);
    });

    it('refuses null for a field, naming it, and changes nothing (null is not "leave as is")', async () => {
      const id = await createProduct({ code: 'EDIT-NULL' });
      for (const field of ['roundingMode', 'name', 'minTenor', 'eligibility', 'lateFee', 'validityDays', 'reminderOffsetsDays', 'principalGracePeriods']) {
        const res = await t.http().patch(`/api/products/${id}`).set(admin()).send({ [field]: null }).expect(400);
        expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: expect.stringMatching(new RegExp(`^${field}`)) })]));
      }
      expect((await t.http().get(`/api/products/${id}`).set(admin()).expect(200)).body).toMatchObject({ version: 1, roundingMode: 'UP' });
      // Creating with an optional rule set to null is refused the same way, not defaulted and not a 500.
      const created = await create(productBody({ code: 'NULL-FEE', lateFee: null })).expect(400);
      expect(created.body.errors).toEqual([expect.objectContaining({ field: 'lateFee' })]);
    });

    it('is for admins only, and 404 for an unknown product', async () => {
      const id = await createProduct();
      await t.http().patch(`/api/products/${id}`).set(as(officer)).send({ name: 'x' }).expect(403);
      await t.http().patch('/api/products/00000000-0000-4000-8000-000000000000').set(admin()).send({ name: 'x' }).expect(404);
    });
  });

  describe('POST /api/products/:id/schedule-preview', () => {
    let lumajang: string;
    let unit1000: string;
    let halfUpFirst: string;

    beforeAll(async () => {
      lumajang = await createProduct({ code: 'LUMAJANG', roundingUnit: '5000', minAmount: '10000', committeeThreshold: '10000' });
      unit1000 = await createProduct({ code: 'UNIT-1000' });
      halfUpFirst = await createProduct({ code: 'HALF-UP', roundingMode: 'HALF_UP', remainderPlacement: 'FIRST', frequency: 'WEEKLY' });
    });

    it('Lumajang: Rp1,000,000 over 12 months at unit 5,000 -> 11 x 85,000 + 65,000, each month on the disbursement day', async () => {
      const res = await preview(lumajang, { amount: '1000000', tenor: 12, disbursementDate: '2026-01-15' }).expect(200);
      expect(res.body.total).toBe('1000000.00');
      expect(res.body.installments).toHaveLength(12);
      expect(res.body.installments[0]).toEqual({ number: 1, dueDate: '2026-02-15', principal: '85000.00' });
      expect(res.body.installments.map((i: { principal: string }) => i.principal)).toEqual([...Array<string>(11).fill('85000.00'), '65000.00']);
      expect(res.body.installments[11]).toEqual({ number: 12, dueDate: '2027-01-15', principal: '65000.00' });
    });

    it('Rp1,000,000 over 3 at unit 1,000: UP -> 334,000 334,000 332,000; Jan 31 -> Feb 28 -> Mar 31', async () => {
      const res = await preview(unit1000, { amount: '1000000', tenor: 3, disbursementDate: '2025-12-31' }, as(approver)).expect(200);
      expect(res.body).toEqual({
        installments: [
          { number: 1, dueDate: '2026-01-31', principal: '334000.00' },
          { number: 2, dueDate: '2026-02-28', principal: '334000.00' },
          { number: 3, dueDate: '2026-03-31', principal: '332000.00' },
        ],
        total: '1000000.00',
      });
      const leap = await preview(unit1000, { amount: '1000000', tenor: 2, disbursementDate: '2028-01-31' }, as(finance)).expect(200);
      expect(leap.body.installments.map((i: { dueDate: string }) => i.dueDate)).toEqual(['2028-02-29', '2028-03-31']);
    });

    it('HALF_UP with the odd installment FIRST, weekly, from a first due date', async () => {
      const res = await preview(halfUpFirst, { amount: '1000000', tenor: 3, disbursementDate: '2026-01-05', firstDueDate: '2026-01-09' }, admin()).expect(200);
      expect(res.body).toEqual({
        installments: [
          { number: 1, dueDate: '2026-01-09', principal: '334000.00' },
          { number: 2, dueDate: '2026-01-16', principal: '333000.00' },
          { number: 3, dueDate: '2026-01-23', principal: '333000.00' },
        ],
        total: '1000000.00',
      });
    });

    it('refuses amounts and tenors outside the product: 422 AMOUNT_OUT_OF_RANGE / TENOR_OUT_OF_RANGE', async () => {
      const low = await preview(unit1000, { amount: '499999', tenor: 3, disbursementDate: '2026-01-15' }).expect(422);
      expect(low.body).toMatchObject({ code: 'AMOUNT_OUT_OF_RANGE', minAmount: '500000.00', maxAmount: '20000000.00' });
      expect((await preview(unit1000, { amount: '20000000.01', tenor: 3, disbursementDate: '2026-01-15' }).expect(422)).body.code).toBe('AMOUNT_OUT_OF_RANGE');
      const long = await preview(unit1000, { amount: '1000000', tenor: 37, disbursementDate: '2026-01-15' }).expect(422);
      expect(long.body).toMatchObject({ code: 'TENOR_OUT_OF_RANGE', minTenor: 1, maxTenor: 36 });
    });

    it('refuses a unit that leaves an installment at or below zero: 422 SCHEDULE_UNIT_TOO_LARGE', async () => {
      // base 5,000 x 2 = 10,000 leaves nothing for the third installment
      const res = await preview(lumajang, { amount: '10000', tenor: 3, disbursementDate: '2026-01-15' }).expect(422);
      expect(res.body.code).toBe('SCHEDULE_UNIT_TOO_LARGE');
      expect((await preview(lumajang, { amount: '50000', tenor: 12, disbursementDate: '2026-01-15' }).expect(422)).body.code).toBe('SCHEDULE_UNIT_TOO_LARGE');
    });

    it('refuses a first due date not after the disbursement date: 422 FIRST_DUE_DATE_NOT_AFTER_DISBURSEMENT', async () => {
      const res = await preview(unit1000, { amount: '1000000', tenor: 3, disbursementDate: '2026-01-15', firstDueDate: '2026-01-15' }).expect(422);
      expect(res.body.code).toBe('FIRST_DUE_DATE_NOT_AFTER_DISBURSEMENT');
    });

    it('refuses malformed requests with 400 naming each field', async () => {
      const res = await preview(unit1000, { amount: 1000000, tenor: 0, disbursementDate: '2026-02-30', firstDueDate: '15-01-2026' }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['amount', 'disbursementDate', 'firstDueDate', 'tenor']);
      expect((await preview(unit1000, { amount: '1e6', tenor: 3, disbursementDate: '2026-01-15' }).expect(400)).body.errors[0].field).toBe('amount');
    });

    it('moves due dates off the seeded 2026 holidays when the product says so', async () => {
      const id = await createProduct({ code: 'MOVES', moveDueDatesOffHolidays: true });
      // Fri 20 Mar cuti bersama, 21-22 Idul Fitri (a weekend), 23-24 cuti bersama -> Wed 25 Mar; Sat 20 Jun -> Mon 22 Jun.
      const res = await preview(id, { amount: '1000000', tenor: 4, disbursementDate: '2026-02-20' }).expect(200);
      expect(res.body.installments.map((i: { dueDate: string }) => i.dueDate)).toEqual(['2026-03-25', '2026-04-20', '2026-05-20', '2026-06-22']);
      const fixed = await preview(unit1000, { amount: '1000000', tenor: 1, disbursementDate: '2026-02-20' }).expect(200);
      expect(fixed.body.installments[0].dueDate).toBe('2026-03-20');
    });

    it('is described in the OpenAPI document with its refusals', async () => {
      const doc = (await t.http().get('/api/docs-json').expect(200)).body;
      const op = doc.paths['/api/products/{id}/schedule-preview'].post;
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '422']));
      expect(op.responses['422'].description).toMatch(/AMOUNT_OUT_OF_RANGE.*TENOR_OUT_OF_RANGE.*SCHEDULE_UNIT_TOO_LARGE/);
      expect(Object.keys(doc.paths['/api/products'].post.responses)).toEqual(expect.arrayContaining(['201', '400', '403', '409']));
      expect(doc.components.schemas.CreateProductRequest.required).toEqual(expect.arrayContaining(['code', 'minAmount', 'eligibility', 'committeeThreshold']));
      expect(Object.keys(doc.paths['/api/holidays/{id}'].delete.responses)).toEqual(expect.arrayContaining(['204', '403', '404']));
    });

    it('answers 404 for an unknown product and 403 to a borrower', async () => {
      await preview('00000000-0000-4000-8000-000000000000', { amount: '1000000', tenor: 3, disbursementDate: '2026-01-15' }).expect(404);
      const res = await preview(unit1000, { amount: '1000000', tenor: 3, disbursementDate: '2026-01-15' }, as(borrower)).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    });
  });
});
