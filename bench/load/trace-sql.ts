// Preload (`node --import ./dist/bench/load/trace-sql.js dist/apps/api/src/main.js`) that prints every
// statement the process sends to PostgreSQL on stderr, one line each with its round-trip time in ms:
// how the round trips per request in docs/scaling.md were counted. A diagnostic only; nothing imports it.
import pg from 'pg';

const query = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string };
  // TRACE_SQL_FULL=1 prints whole statements and their parameters (to EXPLAIN them by hand).
  const full = process.env.TRACE_SQL_FULL === '1';
  const raw = (typeof first === 'string' ? first : (first?.text ?? '')).replace(/\s+/g, ' ');
  const text = full ? `${raw} -- ${JSON.stringify(args[1] ?? (first as { values?: unknown[] })?.values ?? [])}` : raw.slice(0, 100);
  const started = process.hrtime.bigint();
  const out = query.apply(this, args);
  const done = () => process.stderr.write(`SQL ${(Number.parseInt((process.hrtime.bigint() - started).toString(), 10) / 1e6).toFixed(2)} ${text}\n`);
  if (out && typeof (out as Promise<unknown>).then === 'function') (out as Promise<unknown>).then(done, done);
  return out;
} as typeof pg.Client.prototype.query;
