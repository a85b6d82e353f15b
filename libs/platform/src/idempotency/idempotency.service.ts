import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../errors/domain-error.js';
import { canonicalJson } from './canonical-json.js';
import { IdempotencyKey } from './idempotency-key.entity.js';

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
  /** Inside the operation's transaction: returns the stored answer to replay, or undefined to go ahead. */
  async begin(em: EntityManager, req: IdempotentRequest): Promise<StoredResponse | undefined> {
    const key = checkIdempotencyKey(req.key);
    const [{ locked }] = await em.query(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked`, [`idem:${req.userId}:${key}`]);
    if (!locked)
      throw new DomainError('CONFLICT', 'IDEMPOTENCY_KEY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry shortly');
    const stored = await em.findOneBy(IdempotencyKey, { userId: req.userId, key });
    if (!stored) return undefined;
    if (stored.requestHash !== this.hash(req))
      throw new DomainError('CONFLICT', 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request');
    return { status: stored.responseStatus, body: stored.responseBody };
  }

  /** Stores the answer; called with the same transaction after the operation succeeded. */
  async complete(em: EntityManager, req: IdempotentRequest, response: StoredResponse): Promise<void> {
    await em.insert(IdempotencyKey, {
      userId: req.userId,
      key: checkIdempotencyKey(req.key),
      method: req.method,
      path: req.path,
      requestHash: this.hash(req),
      responseStatus: response.status,
      responseBody: JSON.parse(JSON.stringify(response.body ?? null)),
    });
  }

  private hash(req: IdempotentRequest): string {
    return createHash('sha256').update(`${req.method.toUpperCase()} ${req.path}\n${canonicalJson(req.body ?? null)}`).digest('hex');
  }
}
