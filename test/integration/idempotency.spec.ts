// IdempotencyService on a real PostgreSQL: the advisory lock and the stored-answer lookup are one
// statement, so a duplicate that commits between that statement's snapshot and its lock is not seen by
// begin(). The unique (user_id, key) is then what stops the second execution: complete() answers
// IDEMPOTENCY_KEY_IN_PROGRESS and the transaction, effect included, rolls back. The operation's audit
// rows are written by complete(), in the statement that stores the answer.
import 'reflect-metadata';
import { AuditService, DomainError, IdempotencyService, TransactionRunner } from '#platform';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../migrations/data-source.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let db: TestDatabase;
let ds: DataSource;
let tx: TransactionRunner;
const audit = new AuditService();
const idempotency = new IdempotencyService(audit);
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

const auditOf = async (entityId: string) =>
  (await ds.query(`SELECT action, actor_id, before, after FROM audit_log WHERE entity_type = 'spec' AND entity_id = $1 ORDER BY id`, [entityId])) as {
    action: string;
    actor_id: string | null;
    before: unknown;
    after: unknown;
  }[];

it('writes the audit rows of the operation with its answer, in the order recorded, and none when it rolls back', async () => {
  const after = { amount: '1000.00', nested: { at: new Date('2026-11-02T00:00:00Z') } };
  await tx.run(async (em) => {
    expect(await idempotency.begin(em, request('k-4'))).toBeUndefined();
    for (const action of ['SPEC_FIRST', 'SPEC_SECOND', 'SPEC_THIRD']) await audit.record(em, { action, entityType: 'spec', entityId: 'k-4', actorId: userId, after });
    after.amount = 'changed after recording';
    // Deferred: nothing is in the table yet, even inside the transaction.
    expect(((await em.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = 'k-4'`)) as { n: number }[])[0].n).toBe(0);
    await idempotency.complete(em, request('k-4'), { status: 201, body: { id: 'k-4' } });
    // After complete() the manager records at once again.
    await audit.record(em, { action: 'SPEC_AFTER', entityType: 'spec', entityId: 'k-4', actorId: null });
  });
  expect(await auditOf('k-4')).toEqual([
    { action: 'SPEC_FIRST', actor_id: userId, before: null, after: { amount: '1000.00', nested: { at: '2026-11-02T00:00:00.000Z' } } },
    { action: 'SPEC_SECOND', actor_id: userId, before: null, after: { amount: '1000.00', nested: { at: '2026-11-02T00:00:00.000Z' } } },
    { action: 'SPEC_THIRD', actor_id: userId, before: null, after: { amount: '1000.00', nested: { at: '2026-11-02T00:00:00.000Z' } } },
    { action: 'SPEC_AFTER', actor_id: null, before: null, after: null },
  ]);

  const failed = await tx
    .run(async (em) => {
      await idempotency.begin(em, request('k-5'));
      await audit.record(em, { action: 'SPEC_LOST', entityType: 'spec', entityId: 'k-5', actorId: userId });
      throw new Error('the operation failed');
    })
    .catch((e: unknown) => e);
  expect((failed as Error).message).toBe('the operation failed');
  expect(await auditOf('k-5')).toEqual([]);
  expect(await stored('k-5')).toBe(0);
});

it('a replayed answer writes no audit row and leaves recording immediate', async () => {
  await tx.run(async (em) => {
    expect(await idempotency.begin(em, request('k-1'))).toBeDefined();
    await audit.record(em, { action: 'SPEC_ON_REPLAY', entityType: 'spec', entityId: 'k-1', actorId: null });
    expect(((await em.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = 'k-1'`)) as { n: number }[])[0].n).toBe(1);
  });
});
