// Money-moving POSTs carry an Idempotency-Key: one per form submission, the SAME one when that submission
// is retried (a timeout, a double tap), so the api answers the first result instead of paying twice.
import { useCallback, useRef } from 'react';

/** A random UUID v4; crypto.randomUUID exists only in secure contexts (an office LAN may serve plain http). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * keyFor(body): the key of this submission. The same body again (a retry after an error) keeps the key;
 * a changed body is a new submission and gets a new one; done() after success starts afresh.
 */
export function useIdempotencyKey() {
  const current = useRef<{ key: string; body: string } | null>(null);
  const keyFor = useCallback((body: unknown): string => {
    const text = JSON.stringify(body);
    if (!current.current || current.current.body !== text) current.current = { key: newIdempotencyKey(), body: text };
    return current.current.key;
  }, []);
  const done = useCallback(() => {
    current.current = null;
  }, []);
  return { keyFor, done };
}
