import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type EntityManager, QueryFailedError } from 'typeorm';
import { AuditService, insertAuditRowsSql } from '../audit/audit.service.js';
import { DomainError } from '../errors/domain-error.js';
import { canonicalJson } from './canonical-json.js';

export interface IdempotentRequest {
  key: string | undefined;
  userId: string;
  method: string;
  path: string;
  body: unknown;
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

export const IDEMPOTENCY_KEY_MAX = 255;

const inProgress = () => new DomainError('CONFLICT', 'IDEMPOTENCY_KEY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry shortly');

export function checkIdempotencyKey(key: string | undefined): string {
  if (key === undefined || key === '')
    throw new DomainError('VALIDATION', 'IDEMPOTENCY_KEY_REQUIRED', 'This operation moves money: send an Idempotency-Key header (1-255 characters)', {}, [
      { field: 'Idempotency-Key', code: 'IDEMPOTENCY_KEY_REQUIRED', message: 'The Idempotency-Key header is required' },
    ]);
  if (key.length > IDEMPOTENCY_KEY_MAX)
    throw new DomainError('VALIDATION', 'IDEMPOTENCY_KEY_INVALID', 'The Idempotency-Key header must be 1-255 characters', {}, [
      { field: 'Idempotency-Key', code: 'IDEMPOTENCY_KEY_INVALID', message: `The Idempotency-Key header is ${key.length} characters; at most 255` },
    ]);
  return key;
}

/**
 * Stripe-style idempotency, with the stored answer written in the same transaction as the effect:
 * either both are committed or neither is. A transaction-scoped advisory lock on (user, key) makes
 * a concurrent duplicate fail fast with IDEMPOTENCY_KEY_IN_PROGRESS instead of executing twice.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly audit: AuditService) {}

  /**
   * Inside the operation's transaction: returns the stored answer to replay, or undefined to go ahead.
   * Going ahead, the transaction's audit rows wait for complete(), which writes them with the answer.
   */
  async begin(em: EntityManager, req: IdempotentRequest): Promise<StoredResponse | undefined> {
    const key = checkIdempotencyKey(req.key);
    // The lock and the lookup in one round trip (on every money-moving request). The lookup's snapshot
    // is taken before the lock: a duplicate that commits in between is not seen here, and the unique
    // (user_id, key) then refuses this one's insert in complete() - IN_PROGRESS, and a retry replays.
    const [row] = (await em.query(
      `SELECT l.locked, k.request_hash, k.response_status, k.response_body
         FROM (SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked) l
         LEFT JOIN idempotency_key k ON l.locked AND k.user_id = $2 AND k.key = $3`,
      [`idem:${req.userId}:${key}`, req.userId, key],
    )) as { locked: boolean; request_hash: string | null; response_status: number | null; response_body: unknown }[];
    if (!row.locked) throw inProgress();
    if (row.request_hash === null) {
      this.audit.defer(em);
      return undefined;
    }
    if (row.request_hash !== this.hash(req))
      throw new DomainError('CONFLICT', 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request');
    return { status: row.response_status!, body: row.response_body };
  }

  /** Stores the answer and the operation's audit rows in one statement; called with the same transaction after the operation succeeded. */
  async complete(em: EntityManager, req: IdempotentRequest, response: StoredResponse): Promise<void> {
    try {
      await em.query(
        `WITH audit AS (${insertAuditRowsSql('$8')})
         INSERT INTO idempotency_key (user_id, key, method, path, request_hash, response_status, response_body) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          req.userId,
          checkIdempotencyKey(req.key),
          req.method,
          req.path,
          this.hash(req),
          response.status,
          JSON.stringify(response.body ?? null),
          this.audit.takeDeferred(em),
        ],
      );
    } catch (err) {
      // The duplicate begin() could not see committed first: this transaction rolls back, the retry replays.
      if (err instanceof QueryFailedError && (err.driverError as { code?: string }).code === '23505') throw inProgress();
      throw err;
    }
  }

  private hash(req: IdempotentRequest): string {
    return createHash('sha256').update(`${req.method.toUpperCase()} ${req.path}\n${canonicalJson(req.body ?? null)}`).digest('hex');
  }
}
