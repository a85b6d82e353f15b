// What the request log may not carry (UU PDP): personal data sent in a query string, such as the NIK of
// GET /api/borrowers?nik=. pino-http logs `url` and `query`; both go through redactRequest first.

/** Query parameters whose values are personal data. */
const PERSONAL_QUERY_KEYS = new Set(['nik', 'kk', 'phone', 'email']);
const REDACTED = '[Redacted]';

/** `/api/borrowers?nik=3526...&limit=5` -> `/api/borrowers?nik=[Redacted]&limit=5` (the rest of the URL kept as sent). */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawKey = eq < 0 ? pair : pair.slice(0, eq);
      let key = rawKey;
      try {
        key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      } catch {
        // a malformed escape: judge the key as sent
      }
      return PERSONAL_QUERY_KEYS.has(key.trim().toLowerCase()) ? `${rawKey}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, q)}?${query}`;
}

interface SerializedRequest {
  url?: string;
  query?: Record<string, unknown>;
  [key: string]: unknown;
}

/** pino-http `serializers.req`: gets pino's standard serialization and hides personal query values in it. */
export function redactRequest(req: SerializedRequest): SerializedRequest {
  const query = req.query && typeof req.query === 'object' ? { ...req.query } : req.query;
  if (query) for (const key of Object.keys(query)) if (PERSONAL_QUERY_KEYS.has(key.toLowerCase())) query[key] = REDACTED;
  return { ...req, url: typeof req.url === 'string' ? redactUrl(req.url) : req.url, query };
}
