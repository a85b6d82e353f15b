// HTTP load with autocannon: repayments on distinct loans with real Idempotency-Keys, and borrowers
// reading their own schedules. Every answer that is not the expected 2xx counts as an error.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** The first unexpected answers, to say why when errors > 0. */
  samples: string[];
}

function summarise(r: autocannon.Result, errors: number, samples: string[]): LoadResult {
  return {
    requests: r.requests.total,
    perSecond: Math.round(r.requests.total / r.duration),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: errors + r.errors + r.timeouts,
    samples,
  };
}

function run(opts: autocannon.Options, expected: number): Promise<LoadResult> {
  let errors = 0;
  const samples: string[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        ...opts,
        requests: opts.requests!.map((r) => ({
          ...r,
          onResponse: (status: number, body: string) => {
            if (status === expected) return;
            errors++;
            if (samples.length < 3) samples.push(`${status} ${body.slice(0, 300)}`);
          },
        })),
      },
      (err, result) => (err ? reject(err) : resolve(summarise(result, errors, samples))),
    );
    // autocannon keeps no reference the process could exit on; nothing to print while it runs.
    void instance;
  });
}

/** POST /api/loans/:id/repayments, each request on the next loan of `loanIds` with a fresh key. */
export function repaymentLoad(baseUrl: string, token: string, loanIds: string[], connections: number, duration: number): Promise<LoadResult> {
  let next = 0;
  const body = JSON.stringify({ amount: '100000.00', channel: 'VA', reference: 'VA load' });
  return run(
    {
      url: baseUrl,
      connections,
      duration,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const loanId = loanIds[next++ % loanIds.length];
            return {
              ...req,
              path: `/api/loans/${loanId}/repayments`,
              body,
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
            };
          },
        },
      ],
    },
    201,
  );
}

/** GET /api/me/loans/:id/schedule, each request as the next borrower, on their own loan. */
export function scheduleLoad(baseUrl: string, callers: { token: string; loanId: string }[], connections: number, duration: number): Promise<LoadResult> {
  let next = 0;
  return run(
    {
      url: baseUrl,
      connections,
      duration,
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => {
            const c = callers[next++ % callers.length];
            return { ...req, path: `/api/me/loans/${c.loanId}/schedule`, headers: { authorization: `Bearer ${c.token}` } };
          },
        },
      ],
    },
    200,
  );
}

/** GET `path` as fast as the server answers: the framework floor (`floor-app.ts`). */
export function plainLoad(baseUrl: string, path: string, connections: number, duration: number): Promise<LoadResult> {
  return run({ url: baseUrl, connections, duration, requests: [{ method: 'GET', path }] }, 200);
}
