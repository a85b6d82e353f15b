// The test infrastructure itself: each suite gets its own migrated database, and Redis prefixes clean up.
import pg from 'pg';
import { Redis } from 'ioredis';
import { assertTestDatabaseName, createTestDatabase, type TestDatabase } from '../support/database.js';
import { cleanupRedisPrefix, uniqueQueuePrefix } from '../support/redis.js';

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function databaseExists(name: string): Promise<boolean> {
  const rows = await query<{ n: string }>(process.env.TEST_PG_ADMIN_URL!, 'SELECT count(*) AS n FROM pg_database WHERE datname = $1', [name]);
  return rows[0].n === '1';
}

describe('createTestDatabase', () => {
  let first: TestDatabase;
  let second: TestDatabase;

  beforeAll(async () => {
    first = await createTestDatabase();
    second = await createTestDatabase();
  });

  afterAll(async () => {
    await first?.drop();
    await second?.drop();
  });

  it('connects to a database of its own whose name contains "test"', async () => {
    const [row] = await query<{ db: string }>(first.url, 'SELECT current_database() AS db');
    expect(row.db).toBe(first.name);
    expect(row.db).toContain('test');
    expect(row.db).not.toBe(process.env.TEST_TEMPLATE_DB);
  });

  it('is already migrated: the typeorm_migrations table exists and matches the template', async () => {
    const [table] = await query<{ t: string | null }>(first.url, "SELECT to_regclass('public.typeorm_migrations')::text AS t");
    expect(table.t).toBe('typeorm_migrations');
    const migrationsIn = (url: string) => query<{ name: string }>(url, 'SELECT name FROM typeorm_migrations ORDER BY id');
    const templateUrl = Object.assign(new URL(process.env.TEST_PG_ADMIN_URL!), { pathname: `/${process.env.TEST_TEMPLATE_DB}` }).toString();
    expect(await migrationsIn(first.url)).toEqual(await migrationsIn(templateUrl));
  });

  it('gives two suites two distinct databases: a table created in one is absent from the other', async () => {
    expect(second.name).not.toBe(first.name);
    expect(second.url).not.toBe(first.url);
    await query(first.url, 'CREATE TABLE only_in_first (id int)');
    const [inFirst] = await query<{ t: string | null }>(first.url, "SELECT to_regclass('public.only_in_first')::text AS t");
    const [inSecond] = await query<{ t: string | null }>(second.url, "SELECT to_regclass('public.only_in_first')::text AS t");
    expect(inFirst.t).toBe('only_in_first');
    expect(inSecond.t).toBeNull();
  });

  it('drop() removes the database even while a client is still connected to it', async () => {
    const extra = await createTestDatabase();
    const client = new pg.Client({ connectionString: extra.url });
    client.on('error', () => undefined);
    await client.connect();
    expect(await databaseExists(extra.name)).toBe(true);
    await extra.drop();
    expect(await databaseExists(extra.name)).toBe(false);
    await client.end().catch(() => undefined);
  });

  it('refuses database names without "test"', () => {
    expect(() => assertTestDatabaseName('lumbung')).toThrow(/refusing/);
    expect(() => assertTestDatabaseName('lumbung_test_1; DROP DATABASE x')).toThrow(/refusing/);
    expect(() => assertTestDatabaseName('lumbung_test_42_abc')).not.toThrow();
  });
});

describe('Redis test helpers', () => {
  it('hands out distinct prefixes containing "test"', () => {
    const a = uniqueQueuePrefix();
    const b = uniqueQueuePrefix();
    expect(a).not.toBe(b);
    expect(a).toContain('test');
  });

  it('cleanupRedisPrefix deletes the keys under its prefix and nothing else', async () => {
    const mine = uniqueQueuePrefix();
    const other = uniqueQueuePrefix();
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      await redis.set(`${mine}:reminders:id`, '1');
      await redis.hset(`${mine}:reminders:1`, 'data', '{}');
      await redis.set(`${other}:reminders:id`, '1');
      expect(await cleanupRedisPrefix(mine)).toBe(2);
      expect(await redis.exists(`${mine}:reminders:id`, `${mine}:reminders:1`)).toBe(0);
      expect(await redis.get(`${other}:reminders:id`)).toBe('1');
    } finally {
      await redis.del(`${other}:reminders:id`);
      await redis.quit();
    }
  });

  it('refuses to clean a prefix without "test"', async () => {
    await expect(cleanupRedisPrefix('lumbung')).rejects.toThrow(/refusing/);
  });
});
