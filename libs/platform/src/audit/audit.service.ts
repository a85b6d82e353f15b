import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requestContext } from '../context/request-context.js';
import { AuditLog } from './audit-log.entity.js';

export interface AuditEntry {
  action: string; // e.g. FUND_CAPITAL_ADDED, USER_CREATED
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** Defaults to the signed-in user of the running request; the worker passes its own. */
  actorId?: string | null;
}

/** JSON-safe copy (Money and Decimal become strings, Dates ISO) for the jsonb columns. */
const snapshot = (v: unknown): object | null => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

@Injectable()
export class AuditService {
  /** Writes the audit row with `em`, i.e. inside the transaction of the change it records. */
  async record(em: EntityManager, entry: AuditEntry): Promise<void> {
    const ctx = requestContext.current();
    await em.insert(AuditLog, {
      actorId: entry.actorId === undefined ? (ctx?.userId ?? null) : entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
      requestId: ctx?.requestId ?? null,
    });
  }
}
