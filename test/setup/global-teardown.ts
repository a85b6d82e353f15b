// Jest globalTeardown: drops this run's template and any test database a suite left behind, and stops the
// embedded PostgreSQL if global-setup started one. Runs in the same process as global-setup.
import fs from 'node:fs';
import pg from 'pg';
import type { LumbungTestState } from './global-setup.js';

type GlobalWithState = typeof globalThis & { __LUMBUNG_TEST__?: LumbungTestState };

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as GlobalWithState).__LUMBUNG_TEST__;
  if (!state) return;
  (globalThis as GlobalWithState).__LUMBUNG_TEST__ = undefined;
  try {
    await dropRunDatabases(state);
  } finally {
    if (state.embedded) {
      await state.embedded.pg.stop().catch((err: unknown) => console.error('[global-teardown] stopping embedded PostgreSQL:', err));
      fs.rmSync(state.embedded.dir, { recursive: true, force: true });
    }
  }
}

async function dropRunDatabases(state: LumbungTestState): Promise<void> {
  // Only this run's databases: another run may share the server.
  const runPrefix = `lumbung_test_${state.runId}_`;
  const client = new pg.Client({ connectionString: state.adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', ['lumbung\\_test\\_%']);
    const names = rows.map((r) => r.datname).filter((name) => name === state.templateDb || name.startsWith(runPrefix));
    for (const name of names) {
      if (!/^[a-z0-9_]+$/.test(name) || !name.includes('test')) continue;
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
    const leftovers = names.filter((name) => name !== state.templateDb);
    if (leftovers.length > 0) {
      console.log(`[global-teardown] dropped ${leftovers.length} test database(s) a suite did not drop: ${leftovers.join(', ')}`);
    }
  } finally {
    await client.end();
  }
}
