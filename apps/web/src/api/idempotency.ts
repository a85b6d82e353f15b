/**
 * A fresh Idempotency-Key for one submission of a money-moving form: keep it in state while the user retries
 * the same submission (a double tap, a dropped connection), make a new one for the next. crypto.randomUUID
 * exists only in secure contexts, and a phone on the office LAN over http:// is not one: getRandomValues is.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
