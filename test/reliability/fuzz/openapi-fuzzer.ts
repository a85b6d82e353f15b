// The hostile-input fuzzer, driven by the app's own OpenAPI document: every documented operation gets
// mutated requests (types, bounds, encodings, huge and deeply nested bodies, unicode, SQL and script
// payloads, money as numbers and exponents, bad path params and query strings, wrong content types and
// idempotency keys), sent with the token of a role the route allows. The oracle: no 5xx, no stack trace
// or internal message in any answer, every error is problem+json, and a refused request changes nothing
// in the database (a checksum of every table before and after). Deterministic for a seed.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { DataSource } from 'typeorm';
import { deepJson, hostileText, hostileValue } from './hostile-values.js';
import type { RouteRule } from './route-table.js';

type Schema = { $ref?: string; type?: string; format?: string; enum?: unknown[]; example?: unknown; items?: Schema; properties?: Record<string, Schema>; required?: string[]; allOf?: Schema[]; oneOf?: Schema[]; anyOf?: Schema[]; nullable?: boolean; pattern?: string; minimum?: number };
type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema };

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. /api/loans/{id} */
  path: string;
  key: string;
  parameters: Parameter[];
  body?: { contentType: string; schema: Schema };
  /** A token of a role the route allows (none for public routes). */
  token?: string;
}

/** One mutated request, as data (so a failing one can be printed and replayed). */
export interface FuzzCase {
  kind: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** JSON-able body, or raw text when `raw` is set. */
  body?: unknown;
  raw?: string;
}

export interface Violation {
  seed: number;
  operation: string;
  kind: string;
  method: string;
  url: string;
  status: number;
  why: string;
  /** The request body, cut to a readable length. */
  body: string;
  answer: string;
}

/** Words that only an internal error puts into an answer: exception names, stack frames, file paths, SQL. */
const INTERNALS = [
  /QueryFailedError|EntityNotFound|TypeORMError|TypeError|ReferenceError|RangeError|SyntaxError: |URIError|JsonWebTokenError|PayloadTooLargeError/,
  /\bat [\w$.<>]+ \((?:file:|\/|node:)/,
  /node_modules|\/work\/|\/home\/|\/usr\/|[\w-]+\.(?:ts|js|mjs):\d+/,
  /\b(?:SELECT\s+[\w*"., ]+\s+FROM|INSERT INTO|UPDATE\s+"?\w+"?\s+SET|DELETE FROM)\b/i,
  /violates (?:foreign key|unique|check|not-null) constraint|syntax error at or near|relation "[^"]+" does not exist|invalid input syntax for type|duplicate key value/i,
  /"stack"\s*:/,
];

export const findInternals = (text: string): string | null => {
  for (const re of INTERNALS) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  return null;
};

/** A checksum of every row of every table: any change a refused request made shows. */
export async function databaseChecksum(ds: DataSource, tables: string[]): Promise<string> {
  const parts = tables.map((t) => `(SELECT md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM "${t}" x)`);
  const [row] = (await ds.query(`SELECT md5(concat(${parts.join(', ')})) AS sum`)) as { sum: string }[];
  return row.sum;
}

export async function userTables(ds: DataSource): Promise<string[]> {
  const rows = (await ds.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  )) as { table_name: string }[];
  return rows.map((r) => r.table_name);
}

const resolve = (doc: OpenAPIObject, s: Schema | undefined): Schema => {
  let schema = s ?? {};
  for (let i = 0; schema.$ref && i < 20; i++) schema = (doc.components?.schemas?.[schema.$ref.split('/').pop()!] as Schema) ?? {};
  if (schema.allOf?.length) schema = Object.assign({}, ...schema.allOf.map((x) => resolve(doc, x)));
  return schema;
};

/** Every documented operation of the app, with the token of a role its route allows. */
export function operations(doc: OpenAPIObject, table: RouteRule[], tokenFor: (roles: string[]) => string): Operation[] {
  const rules = new Map(table.map((r) => [r.key, r.rule]));
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>)) {
      const key = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
      const rule = rules.get(key);
      if (!rule) throw new Error(`${key} is documented but not in the route table`);
      const content = op.requestBody?.content ?? {};
      const contentType = Object.keys(content)[0];
      out.push({
        method: method.toUpperCase(),
        path,
        key,
        parameters: op.parameters ?? [],
        body: contentType ? { contentType, schema: resolve(doc, content[contentType].schema) } : undefined,
        token: rule === 'public' ? undefined : tokenFor(Array.isArray(rule) ? rule : []),
      });
    }
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** A plausible value for a schema (so a mutation of one field reaches the checks behind the others). */
function plausible(doc: OpenAPIObject, s: Schema | undefined, ids: () => string, depth = 0): unknown {
  const schema = resolve(doc, s);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  if (depth > 4) return null;
  switch (schema.type) {
    case 'string':
      if (schema.format === 'uuid') return ids();
      if (schema.format === 'date') return '2026-01-15';
      if (schema.format === 'date-time') return '2026-01-15T09:00:00+07:00';
      return 'Lumbung fuzz';
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [plausible(doc, schema.items, ids, depth + 1)];
    default: {
      if (!schema.properties) return {};
      return Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, plausible(doc, v, ids, depth + 1)]));
    }
  }
}

/** Dotted paths to every leaf of a plausible body, so one can be replaced. */
const leaves = (value: unknown, prefix: string[] = []): string[][] =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value).flatMap(([k, v]) => leaves(v, [...prefix, k]))
    : Array.isArray(value) && value.length
      ? [prefix, ...leaves(value[0], [...prefix, '0'])]
      : [prefix];

const setAt = (value: unknown, at: string[], v: unknown): unknown => {
  if (!at.length) return v;
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...(value as Record<string, unknown>) };
  copy[at[0]] = setAt(copy[at[0]], at.slice(1), v);
  return copy;
};

const WRONG_CONTENT_TYPES = ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/vnd.api+json', ''];

/** The arbitrary of mutated requests for one operation. `ids` gives a real id of the app (or a fresh one). */
export function fuzzCases(doc: OpenAPIObject, op: Operation, ids: (param: string) => string): fc.Arbitrary<FuzzCase> {
  const pathParams = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const baseUrl = (over: Record<string, string> = {}) =>
    op.path.replace(/\{(\w+)\}/g, (_, name: string) => (name in over ? over[name] : encodeURIComponent(ids(name))));
  const auth: Record<string, string> = op.token ? { authorization: `Bearer ${op.token}` } : {};
  const idempotency = () => ({ 'idempotency-key': `fuzz-${randomUUID()}` });
  const base = op.body ? plausible(doc, op.body.schema, () => ids('id')) : undefined;
  const paths = base === undefined ? [] : leaves(base).filter((p) => p.length > 0);
  const isJson = !op.body || op.body.contentType === 'application/json';
  const mk = (kind: string, c: Partial<FuzzCase>): FuzzCase => ({ kind, method: op.method, url: baseUrl(), headers: { ...auth, ...idempotency() }, ...c });

  const arbs: fc.Arbitrary<FuzzCase>[] = [];
  if (base !== undefined && isJson) {
    if (paths.length) {
      arbs.push(
        fc.tuple(fc.constantFrom(...paths), hostileValue()).map(([at, v]) => mk(`field ${at.join('.')}`, { body: setAt(base, at, v) })),
        fc.tuple(fc.constantFrom(...paths)).map(([at]) => mk(`field ${at.join('.')} missing`, { body: setAt(base, at, undefined) })),
      );
    }
    arbs.push(
      hostileValue().map((v) => mk('whole body', { body: v })),
      fc.tuple(fc.string({ maxLength: 20 }), hostileValue()).map(([k, v]) => mk('extra field', { body: { ...(base as object), [k || 'extra']: v } })),
      fc.constantFrom('{"a":', '[', '{"amount": 1e}', "{'a':1}", '{"a":1,}', '\u0000', '{"a":"\\ud800"}', 'null', '"x"', '1', '{"__proto__":{"x":1}}').map((raw) =>
        mk('malformed JSON', { raw, headers: { ...auth, ...idempotency(), 'content-type': 'application/json' } }),
      ),
      fc.integer({ min: 500, max: 20_000 }).map((depth) =>
        mk(`nested ${depth}`, { raw: deepJson(depth, ...(depth % 2 ? ['[', ']'] : ['{"a":', '}'])), headers: { ...auth, ...idempotency(), 'content-type': 'application/json' } }),
      ),
      fc.constantFrom(900_000, 1_100_000, 3_000_000).map((size) =>
        mk(`huge ${size}`, { raw: JSON.stringify({ ...(base as object), pad: 'x'.repeat(size) }), headers: { ...auth, ...idempotency(), 'content-type': 'application/json' } }),
      ),
      fc.constantFrom(...WRONG_CONTENT_TYPES).map((ct) => mk(`content-type ${ct || '(none)'}`, { raw: JSON.stringify(base), headers: { ...auth, ...idempotency(), 'content-type': ct } })),
    );
  }
  if (!isJson) {
    // Multipart uploads: junk parts, JSON instead of a file, a wrong boundary.
    arbs.push(
      fc.constantFrom(...WRONG_CONTENT_TYPES, 'application/json').map((ct) =>
        mk(`upload as ${ct || '(none)'}`, { raw: '{"kind":"KTP","file":"AAAA"}', headers: { ...auth, ...idempotency(), 'content-type': ct } }),
      ),
      fc.tuple(hostileText(), fc.string({ unit: 'binary', maxLength: 200 })).map(([kind, file]) =>
        mk('multipart junk', {
          raw: `--b\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n--b\r\nContent-Disposition: form-data; name="file"; filename="${kind}"\r\nContent-Type: image/png\r\n\r\n${file}\r\n--b--\r\n`,
          headers: { ...auth, ...idempotency(), 'content-type': 'multipart/form-data; boundary=b' },
        }),
      ),
    );
  }
  if (pathParams.length) {
    arbs.push(
      fc.tuple(fc.constantFrom(...pathParams), hostileText()).map(([name, v]) => {
        // Some texts are sent raw (a stray %, a dot segment), the others URL-encoded.
        const sent = /^%|^\.\.$/.test(v) ? v : encodeURIComponent(v);
        return mk(`path ${name}`, { url: baseUrl({ [name]: sent }), body: base });
      }),
    );
  }
  if (queryParams.length) {
    arbs.push(
      fc.tuple(fc.constantFrom(...queryParams.map((p) => p.name)), fc.oneof(hostileText(), hostileValue().map((v) => JSON.stringify(v) ?? ''))).map(([name, v]) =>
        mk(`query ${name}`, { url: `${baseUrl()}?${encodeURIComponent(name)}=${encodeURIComponent(v)}`, body: base }),
      ),
      fc.constantFrom('?limit=-1', '?limit=0', '?limit=501', '?limit=1e3', '?limit=abc', '?cursor=%%%', '?cursor=eyJrIjoxfQ', '?limit=5&limit=6', '?asOf=2026-02-30', '?status=ACTIVE&status=CLOSED', '?a[b][c]=1', '?__proto__[x]=1').map((q) =>
        mk('query string', { url: `${baseUrl()}${q}`, body: base }),
      ),
    );
  }
  arbs.push(
    fc.constantFrom('', ' ', 'x'.repeat(256), 'x'.repeat(10_000), '%00', '"quoted"').map((key) =>
      mk('idempotency key', { headers: { ...auth, 'idempotency-key': key }, body: base }),
    ),
  );
  return fc.oneof(...arbs);
}
