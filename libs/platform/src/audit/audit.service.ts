import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requestContext } from '../context/request-context.js';

export interface AuditEntry {
  action: string; // e.g. FUND_CAPITAL_ADDED, USER_CREATED
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** Defaults to the signed-in user of the running request; the worker passes its own. */
  actorId?: string | null;
}

/** One audit_log row as written; `before`/`after` are JSON values (Money and Decimal become strings, Dates ISO). */
interface AuditRow {
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

/**
 * Rows of transactions whose audit is written at the end, in the statement that also stores the idempotent
 * answer (`IdempotencyService.complete`): one round trip less on every money-moving request (issue 10).
 * Keyed by the transaction's manager, so rows of a rolled-back transaction go with it.
 */
const deferred = new WeakMap<EntityManager, string[]>();

/** The INSERT of deferred rows (`param` is their JSON array, see `takeDeferred`), in the order recorded. */
export const insertAuditRowsSql = (param: string) =>
  `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, before, after, request_id)
   SELECT actor_id, action, entity_type, entity_id, before, after, request_id
     FROM ROWS FROM (jsonb_to_recordset(${param}::jsonb)
            AS (actor_id uuid, action text, entity_type text, entity_id text, before jsonb, after jsonb, request_id text))
          WITH ORDINALITY AS r(actor_id, action, entity_type, entity_id, before, after, request_id, n)
    ORDER BY n`;

@Injectable()
export class AuditService {
  /**
   * Writes the audit row with `em`, i.e. inside the transaction of the change it records: at once, or,
   * in a transaction that deferred its audit, together with the idempotent answer just before commit.
   * A plain prepared INSERT: the entity insert builder cost more CPU than the statement (issue 10).
   */
  async record(em: EntityManager, entry: AuditEntry): Promise<void> {
    const ctx = requestContext.current();
    const row: AuditRow = {
      actor_id: entry.actorId === undefined ? (ctx?.userId ?? null) : entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      request_id: ctx?.requestId ?? null,
    };
    const queue = deferred.get(em);
    if (queue) {
      queue.push(JSON.stringify(row)); // the snapshot is taken now, as the immediate write takes it
      return;
    }
    await em.query(`INSERT INTO audit_log (actor_id, action, entity_type, entity_id, before, after, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      row.actor_id,
      row.action,
      row.entity_type,
      row.entity_id,
      snapshot(row.before),
      snapshot(row.after),
      row.request_id,
    ]);
  }

  /** From now on the rows `em` records wait for `takeDeferred`; the caller must write them before commit. */
  defer(em: EntityManager): void {
    if (!deferred.has(em)) deferred.set(em, []);
  }

  /** The rows waiting in `em` as one JSON array, oldest first (`[]` for none); recording is immediate again afterwards. */
  takeDeferred(em: EntityManager): string {
    const rows = deferred.get(em) ?? [];
    deferred.delete(em);
    return `[${rows.join(',')}]`;
  }
}

/** JSON text for a jsonb column; SQL NULL for nothing. */
const snapshot = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));
