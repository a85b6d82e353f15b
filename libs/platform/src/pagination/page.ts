// Keyset pagination for every list: `?limit=&cursor=` in, `{items, nextCursor}` out.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ValidationError } from '../errors/domain-error.js';

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @IsOptional() @IsString()
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Cursor {
  /** The sort key of the last row (ISO timestamp or other text). */
  k: string;
  id: string;
}

export const pageLimit = (q: PageQuery): number => q.limit ?? 50;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a list's sort key is, so that a cursor's key can be checked before it reaches a typed SQL parameter. */
const KEY_RULES = {
  // As the api writes them (Date#toISOString), so that PostgreSQL's timestamptz cast cannot refuse one.
  timestamp: (k: string) => !Number.isNaN(Date.parse(k)) && new Date(k).toISOString() === k,
  date: (k: string) => /^\d{4}-\d{2}-\d{2}$/.test(k),
  integer: (k: string) => /^\d{1,19}$/.test(k),
} as const;
export type CursorKey = keyof typeof KEY_RULES;

/**
 * The cursor of the previous page, or undefined on the first. A cursor is opaque but not trusted: with `key`,
 * its sort key must be of that kind and its id a UUID, so that a forged one is a 400 and never a failed cast in
 * SQL. Without `key` (text keys), only its shape is checked.
 */
export function decodeCursor(cursor: string | undefined, key?: CursorKey): Cursor | undefined {
  if (!cursor) return undefined;
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.k === 'string' && typeof c.id === 'string' && (!key || (KEY_RULES[key](c.k) && UUID.test(c.id)))) return c;
  } catch {
    // fall through to the validation error
  }
  throw ValidationError.field('cursor', 'INVALID_CURSOR', 'cursor is not one this api issued');
}

/** Builds the page from `limit + 1` rows fetched in (key, id) order. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => Cursor): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(cursorOf(items[items.length - 1])) : null };
}

/**
 * Orders a list newest first on (created_at, id), the keyset of every "newest first" list, fetches the
 * `limit + 1` rows toPage needs and continues after `after` (decodeCursor(cursor, 'timestamp')).
 */
export function newestFirst<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, limit: number, after: Cursor | undefined): SelectQueryBuilder<T> {
  const a = qb.alias;
  qb.orderBy(`${a}.created_at`, 'DESC').addOrderBy(`${a}.id`, 'DESC').limit(limit + 1);
  if (after) qb.andWhere(`(${a}.created_at, ${a}.id) < (:afterKey::timestamptz, :afterId::uuid)`, { afterKey: after.k, afterId: after.id });
  return qb;
}
