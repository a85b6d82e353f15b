// A throwaway database per suite, cloned from the migrated template that test/setup/global-setup.ts built:
//   const db = await createTestDatabase();   // in beforeAll
//   ... point the DataSource / app at db.url ...
//   await db.drop();                          // in afterAll (global-teardown drops what is left)
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  /** postgres:// URL of the new database. */
  url: string;
  name: string;
  /** Terminates its connections and drops it. */
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = requiredEnv('TEST_PG_ADMIN_URL');
  const template = requiredEnv('TEST_TEMPLATE_DB');
  const runId = requiredEnv('TEST_RUN_ID');
  const name = `lumbung_test_${runId}_${randomBytes(4).toString('hex')}`;
  assertTestDatabaseName(template);
  assertTestDatabaseName(name);

  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;

  let dropped = false;
  return {
    url: u.toString(),
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      await withAdmin(adminUrl, async (client) => {
        await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
    },
  };
}

/** Throws unless `name` is a plain identifier containing `test`: no helper here touches any other database. */
export function assertTestDatabaseName(name: string): void {
  if (!/^[a-z0-9_]+$/.test(name) || !name.includes('test')) {
    throw new Error(`refusing to use database "${name}": test databases must be named [a-z0-9_]* and contain "test"`);
  }
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: integration suites need test/setup/global-setup.ts (run them with \`npm test\`)`);
  }
  return value;
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
