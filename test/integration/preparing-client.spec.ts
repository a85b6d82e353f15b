// The pool's client (issue 10): parameterised statements are prepared once per connection and reused,
// everything else goes through as before, and the number kept per connection is capped.
import { MAX_PREPARED_PER_CONNECTION, PreparingClient } from '#platform';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('PreparingClient', () => {
  let db: TestDatabase;
  let client: PreparingClient;
  const prepared = async () =>
    (await client.query<{ statement: string }>(`SELECT statement FROM pg_prepared_statements ORDER BY statement`)).rows.map((r) => r.statement);

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new PreparingClient({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  it('prepares a parameterised statement once and answers each call with its own parameters', async () => {
    const sql = 'SELECT $1::int + 1 AS n';
    const answers: number[] = [];
    for (let k = 0; k < 3; k++) answers.push((await client.query<{ n: number }>(sql, [k])).rows[0].n);
    expect(answers).toEqual([1, 2, 3]);
    expect(await prepared()).toEqual([sql]);
  });

  it('leaves statements without parameters unprepared, and reports errors as before', async () => {
    await client.query('SELECT 42');
    expect(await prepared()).not.toContain('SELECT 42');
    await expect(client.query('SELECT $1::int / 0', [1])).rejects.toThrow('division by zero');
  });

  it('stops preparing new statements past the cap, and still runs them', async () => {
    const before = (await prepared()).length;
    for (let k = 0; k < MAX_PREPARED_PER_CONNECTION + 5; k++) await client.query(`SELECT $1::int AS v${k}`, [k]);
    expect((await prepared()).length).toBeLessThanOrEqual(MAX_PREPARED_PER_CONNECTION);
    expect((await prepared()).length).toBeGreaterThan(before);
    const last = await client.query<Record<string, number>>(`SELECT $1::int AS v${MAX_PREPARED_PER_CONNECTION + 4}`, [7]);
    expect(Object.values(last.rows[0])).toEqual([7]);
  });
});
