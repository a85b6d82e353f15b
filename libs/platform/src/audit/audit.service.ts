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

/** JSON text for a jsonb column (Money and Decimal become strings, Dates ISO); SQL NULL for nothing. */
const snapshot = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

@Injectable()
export class AuditService {
  /**
   * Writes the audit row with `em`, i.e. inside the transaction of the change it records. A plain
   * prepared INSERT: every money-moving request writes one, and the entity insert builder cost more
   * CPU than the statement (issue 10).
   */
  async record(em: EntityManager, entry: AuditEntry): Promise<void> {
    const ctx = requestContext.current();
    await em.query(
      `INSERT INTO audit_log (actor_id, action, entity_type, entity_id, before, after, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.actorId === undefined ? (ctx?.userId ?? null) : entry.actorId,
        entry.action,
        entry.entityType,
        entry.entityId,
        snapshot(entry.before),
        snapshot(entry.after),
        ctx?.requestId ?? null,
      ],
    );
  }
}
