import { SEEDED_REGIONS } from '../../migrations/1763800000400-borrowers.js';
import { createTestApp, type TestApp } from '../support/app.js';

interface RegionBody {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  timeZone: string;
}

describe('regions (e2e)', () => {
  let t: TestApp;
  let financeToken: string;
  const get = (query: Record<string, unknown>, token = t.adminToken) => t.http().get('/api/regions').query(query).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    t = await createTestApp();
    financeToken = (await t.userWithRoles(['finance'])).token;
  });
  afterAll(async () => {
    await t.close();
  });

  it("lists Bangkalan's 18 kecamatan in domain.md's order, each WIB", async () => {
    const res = await get({ parentCode: '35.26' }).expect(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items.map((r: RegionBody) => r.name)).toEqual([
      'Bangkalan', 'Socah', 'Burneh', 'Kamal', 'Arosbaya', 'Geger', 'Klampis', 'Sepulu', 'Tanjung Bumi', 'Kokop',
      'Kwanyar', 'Labang', 'Tanah Merah', 'Tragah', 'Blega', 'Modung', 'Konang', 'Galis',
    ]);
    expect(res.body.items.map((r: RegionBody) => r.code)).toEqual(Array.from({ length: 18 }, (_, i) => `35.26.${String(i + 1).padStart(2, '0')}`));
    expect(res.body.items[8]).toEqual({ code: '35.26.09', name: 'Tanjung Bumi', level: 'DISTRICT', parentCode: '35.26', timeZone: 'Asia/Jakarta' });
    for (const r of res.body.items as RegionBody[]) expect(r).toMatchObject({ level: 'DISTRICT', parentCode: '35.26', timeZone: 'Asia/Jakarta' });
  });

  it('gives each regency of domain.md its province and time zone (WIB Java and West/Central Kalimantan, WITA Bali and East Kalimantan)', async () => {
    const res = await get({ level: 'REGENCY' }).expect(200);
    expect(res.body.items).toEqual([
      { code: '35.26', name: 'Kabupaten Bangkalan', level: 'REGENCY', parentCode: '35', timeZone: 'Asia/Jakarta' },
      { code: '51.03', name: 'Kabupaten Badung', level: 'REGENCY', parentCode: '51', timeZone: 'Asia/Makassar' },
      { code: '61.71', name: 'Kota Pontianak', level: 'REGENCY', parentCode: '61', timeZone: 'Asia/Pontianak' },
      { code: '62.02', name: 'Kabupaten Kotawaringin Timur', level: 'REGENCY', parentCode: '62', timeZone: 'Asia/Pontianak' },
      { code: '64.71', name: 'Kota Balikpapan', level: 'REGENCY', parentCode: '64', timeZone: 'Asia/Makassar' },
    ]);
    const provinces = await get({ level: 'PROVINCE' }).expect(200);
    expect(provinces.body.items.map((r: RegionBody) => [r.code, r.name, r.parentCode])).toEqual([
      ['35', 'Jawa Timur', null],
      ['51', 'Bali', null],
      ['61', 'Kalimantan Barat', null],
      ['62', 'Kalimantan Tengah', null],
      ['64', 'Kalimantan Timur', null],
    ]);
  });

  it('has at least one kecamatan, in the zone of its regency, under every regency', async () => {
    for (const regency of ['51.03', '61.71', '62.02', '64.71']) {
      const res = await get({ parentCode: regency, level: 'DISTRICT' }).expect(200);
      expect(res.body.items.length).toBeGreaterThanOrEqual(1);
      const zone = regency.startsWith('6') && !regency.startsWith('64') ? 'Asia/Pontianak' : 'Asia/Makassar';
      for (const r of res.body.items as RegionBody[]) expect(r).toMatchObject({ level: 'DISTRICT', parentCode: regency, timeZone: zone });
    }
  });

  it('pages through every region in code order, without repeats, for any signed-in user', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: RegionBody[]; nextCursor: string | null } } = await get(cursor ? { limit: 7, cursor } : { limit: 7 }, financeToken).expect(200);
      expect(res.body.items.length).toBeLessThanOrEqual(7);
      seen.push(...res.body.items.map((r) => r.code));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(SEEDED_REGIONS.map((r) => r.code).sort());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('combines parentCode and level, and answers an empty page for a parent with no children', async () => {
    const none = await get({ parentCode: '35.26', level: 'REGENCY' }).expect(200);
    expect(none.body).toEqual({ items: [], nextCursor: null });
    const leaf = await get({ parentCode: '35.26.01' }).expect(200);
    expect(leaf.body).toEqual({ items: [], nextCursor: null });
  });

  it('refuses a malformed parentCode, an unknown level and a foreign cursor with 400 naming the field', async () => {
    const bad = await get({ parentCode: '3526' }).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'parentCode' }] });
    const level = await get({ level: 'KELURAHAN' }).expect(400);
    expect(level.body.errors[0].field).toBe('level');
    const cursor = await get({ cursor: 'not-ours' }).expect(400);
    expect(cursor.body.errors[0]).toMatchObject({ field: 'cursor', code: 'INVALID_CURSOR' });
  });

  it('needs a token: 401 UNAUTHENTICATED without one', async () => {
    const res = await t.http().get('/api/regions').expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });
});
