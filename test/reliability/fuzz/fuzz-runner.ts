// Sends the fuzzer's cases for every operation and judges each answer (see openapi-fuzzer.ts).
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { buildOpenApiDocument } from '../../../apps/api/src/openapi/openapi.js';
import type { TestApp } from '../../support/app.js';
import { databaseChecksum, findInternals, type FuzzCase, fuzzCases, type Operation, operations, userTables, type Violation } from './openapi-fuzzer.js';
import { routeTable } from './route-table.js';

export interface FuzzOptions {
  seed: number;
  runsPerOperation: number;
  /** Tokens per role (admin, loan_officer, approver, finance, borrower). */
  tokens: Record<string, string>;
  /** Real ids by path parameter name and path prefix, so some cases reach real records. */
  ids: (operation: Operation, param: string) => string;
  /** Per-request timeout: a request that never answers is a violation. */
  timeoutMs?: number;
}

export interface FuzzReport {
  seed: number;
  operations: number;
  requests: number;
  byStatus: Record<string, number>;
  /** Accepted requests that changed the checksum: shows the checksum sees writes (else "no write on refusal" proves nothing). */
  writesSeen: number;
  violations: Violation[];
}

const cut = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}... (${s.length} chars)` : s);

async function send(t: TestApp, c: FuzzCase, timeoutMs: number): Promise<{ status: number; type: string; text: string }> {
  const verb = c.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let req = t.http()[verb](c.url).timeout(timeoutMs).buffer(true).parse((res, cb) => {
    let data = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (data += chunk));
    res.on('end', () => cb(null, data));
  });
  for (const [k, v] of Object.entries(c.headers)) req = req.set(k, v);
  // Bodies go as JSON text: supertest sends objects, but not a bare number or boolean.
  const raw = c.raw ?? (c.body !== undefined && verb !== 'get' && verb !== 'delete' ? JSON.stringify(c.body) : undefined);
  if (raw !== undefined) {
    if (c.raw === undefined) req = req.set('content-type', 'application/json');
    req = req.send(raw);
  }
  try {
    const res = await req;
    return { status: res.status, type: String(res.headers['content-type'] ?? ''), text: typeof res.body === 'string' ? res.body : (res.text ?? '') };
  } catch (err) {
    const e = err as { timeout?: number; status?: number; response?: { status: number; headers: Record<string, string>; text: string }; message?: string };
    if (e.response) return { status: e.response.status, type: String(e.response.headers['content-type'] ?? ''), text: e.response.text ?? '' };
    return { status: 0, type: '', text: e.timeout ? 'no answer within the timeout' : `transport error: ${e.message}` };
  }
}

/** Why an answer breaks the contract, or null. */
function judge(status: number, type: string, text: string): string | null {
  if (status === 0) return text;
  if (status >= 500) return `a ${status} for a client's request`;
  const leak = findInternals(text);
  if (leak) return `internal detail in the answer: ${leak}`;
  if (status >= 400) {
    if (!/^application\/problem\+json/.test(type)) return `an error that is not problem+json (${type || 'no content type'})`;
    try {
      const body = JSON.parse(text) as { status?: number; code?: string };
      if (body.status !== status || typeof body.code !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(body.code)) return 'a problem document without its status or a stable code';
    } catch {
      return 'a problem+json answer that is not JSON';
    }
  }
  return null;
}

export async function runFuzz(t: TestApp, o: FuzzOptions): Promise<FuzzReport> {
  const ds = t.app.get(DataSource);
  const doc = buildOpenApiDocument(t.app);
  const ops = operations(doc, routeTable(t.app), (roles) => {
    const role = roles.find((r) => o.tokens[r]);
    if (!role) throw new Error(`no token for any of ${roles.join(', ')}`);
    return o.tokens[role];
  });
  const tables = await userTables(ds);
  const report: FuzzReport = { seed: o.seed, operations: ops.length, requests: 0, byStatus: {}, writesSeen: 0, violations: [] };
  let checksum = await databaseChecksum(ds, tables);
  for (const [i, op] of ops.entries()) {
    const cases = fc.sample(fuzzCases(doc, op, (param) => o.ids(op, param)), { seed: o.seed + i, numRuns: o.runsPerOperation });
    for (const c of cases) {
      const res = await send(t, c, o.timeoutMs ?? 15_000);
      report.requests++;
      const bucket = `${Math.floor(res.status / 100)}xx`;
      report.byStatus[bucket] = (report.byStatus[bucket] ?? 0) + 1;
      let why = judge(res.status, res.type, res.text);
      const after = await databaseChecksum(ds, tables);
      if (!why && res.status >= 400 && after !== checksum) why = 'a refused request changed the database';
      if (res.status < 300 && after !== checksum) report.writesSeen++;
      checksum = after;
      if (why) {
        report.violations.push({
          seed: o.seed,
          operation: op.key,
          kind: c.kind,
          method: c.method,
          url: cut(c.url, 200),
          status: res.status,
          why,
          body: cut(c.raw ?? JSON.stringify(c.body) ?? ''),
          answer: cut(res.text),
        });
      }
    }
  }
  return report;
}
