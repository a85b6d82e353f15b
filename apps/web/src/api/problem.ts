// Every api error is RFC 9457 problem+json: {type, title, status, detail, code, errors?: [{field, code,
// message}], requestId}. Pages turn whatever failed into a ProblemError (toProblem) and show it with
// <ProblemAlert> and, per form field, useProblem().fieldError('field.path').
import type { components } from './schema';

export type ProblemBody = components['schemas']['ProblemDetails'];
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export class ProblemError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors: FieldProblem[];
  readonly requestId?: string;

  constructor(p: { status: number; code: string; title: string; detail?: string; errors?: FieldProblem[]; requestId?: string }) {
    super(p.detail ?? p.title);
    this.name = 'ProblemError';
    this.status = p.status;
    this.code = p.code;
    this.title = p.title;
    this.detail = p.detail;
    this.errors = p.errors ?? [];
    this.requestId = p.requestId;
  }

  /** The messages for one field, including its nested fields ("address" covers "address.postalCode"). */
  fieldMessages(field: string): string[] {
    return this.errors.filter((e) => e.field === field || e.field.startsWith(`${field}.`) || e.field.startsWith(`${field}[`)).map((e) => e.message);
  }
}

function isProblemBody(x: unknown): x is ProblemBody {
  return typeof x === 'object' && x !== null && 'status' in x && 'title' in x;
}

/** Any thrown value (a ProblemError, a network failure, a bug) as a ProblemError. */
export function toProblem(err: unknown): ProblemError {
  if (err instanceof ProblemError) return err;
  if (isProblemBody(err)) {
    const b = err as ProblemBody & { errors?: FieldProblem[] };
    return new ProblemError({ status: b.status, code: b.code ?? 'ERROR', title: b.title, detail: b.detail, errors: b.errors, requestId: b.requestId });
  }
  if (err instanceof TypeError) return new ProblemError({ status: 0, code: 'NETWORK_ERROR', title: 'Network error', detail: err.message });
  return new ProblemError({ status: 0, code: 'UNEXPECTED', title: 'Unexpected error', detail: err instanceof Error ? err.message : String(err) });
}

/**
 * Unwraps an openapi-fetch call: its data, or a thrown ProblemError. Use it in every queryFn/mutationFn:
 *   queryFn: () => call(api.GET('/api/me/loans', { params: { query: { limit: 50 } } }))
 */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await request;
  if (error !== undefined || !response.ok) {
    if (isProblemBody(error)) throw toProblem(error);
    throw new ProblemError({ status: response.status, code: `HTTP_${response.status}`, title: response.statusText || `HTTP ${response.status}` });
  }
  return data as T;
}
