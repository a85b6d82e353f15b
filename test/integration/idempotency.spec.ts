// IdempotencyService on a real PostgreSQL: the advisory lock and the stored-answer lookup are one
// statement, so a duplicate that commits between that statement's snapshot and its lock is not seen by
// begin(). The unique (user_id, key) is then what stops the second execution: complete() answers
// IDEMPOTENCY_KEY_IN_PROGRESS and the transaction, effect included, rolls back.
import 'reflect-metadata';
import { DomainError, IdempotencyService, TransactionRunner } from '#platform';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../migrations/data-source.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
let ds: DataSource;
let tx: TransactionRunner;
const idempotency = new IdempotencyService();
let userId: string;

const request = (key: string, body: unknown = { amount: '1000' }) => ({ key, userId, method: 'POST', path: '/api/fund/capital', body });
const stored = async (key: string) =>
  ((await ds.query(`SELECT count(*)::int AS n FROM idempotency_key WHERE user_id = $1 AND key = $2`, [userId, key])) as { n: number }[])[0].n;

beforeAll(async () => {
  db = await createTestDatabase();
  ds = new DataSource(dataSourceOptions(db.url, 4));
  await ds.initialize();
  tx = new TransactionRunner(ds);
  [{ id: userId }] = (await ds.query(
    `INSERT INTO app_user (username, password_hash, full_name, roles) VALUES ('idem-spec', 'x', 'Idem Spec', '{finance}') RETURNING id`,
  )) as { id: string }[];
}, 60_000);

afterAll(async () => {
  await ds?.destroy();
  await db?.drop();
});

it('replays the stored answer, and refuses the key with another body', async () => {
  await tx.run(async (em) => {
    expect(await idempotency.begin(em, request('k-1'))).toBeUndefined();
    await idempotency.complete(em, request('k-1'), { status: 201, body: { id: 'first', amount: '1000.00' } });
  });
  const replay = await tx.run((em) => idempotency.begin(em, request('k-1')));
  expect(replay).toEqual({ status: 201, body: { id: 'first', amount: '1000.00' } });
  const reused = await tx.run((em) => idempotency.begin(em, request('k-1', { amount: '2000' }))).catch((e: unknown) => e);
  expect(reused).toBeInstanceOf(DomainError);
  expect((reused as DomainError).code).toBe('IDEMPOTENCY_KEY_REUSED');
});

it('answers IN_PROGRESS while another transaction holds the key', async () => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const first = tx.run(async (em) => {
    await idempotency.begin(em, request('k-2'));
    locked();
    await held;
  });
  await isLocked;
  const second = await tx.run((em) => idempotency.begin(em, request('k-2'))).catch((e: unknown) => e);
  release();
  await first;
  expect((second as DomainError).code).toBe('IDEMPOTENCY_KEY_IN_PROGRESS');
});

it('a duplicate committed after begin() looked is refused at complete(): IN_PROGRESS, and nothing of the second is kept', async () => {
  await tx.run((em) => idempotency.complete(em, request('k-3'), { status: 201, body: { id: 'winner' } }));
  // What the loser of that window does: its begin() saw no stored answer, it ran its effect, then stores.
  const loser = await tx
    .run(async (em) => {
      await em.query(`INSERT INTO audit_log (action, entity_type, entity_id) VALUES ('SPEC_EFFECT', 'spec', 'k-3')`);
      await idempotency.complete(em, request('k-3'), { status: 201, body: { id: 'loser' } });
    })
    .catch((e: unknown) => e);
  expect(loser).toBeInstanceOf(DomainError);
  expect((loser as DomainError).code).toBe('IDEMPOTENCY_KEY_IN_PROGRESS');
  expect(await stored('k-3')).toBe(1);
  expect(((await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'SPEC_EFFECT'`)) as { n: number }[])[0].n).toBe(0);
  expect(await tx.run((em) => idempotency.begin(em, request('k-3')))).toEqual({ status: 201, body: { id: 'winner' } });
});
