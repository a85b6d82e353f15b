// Domain errors carry a stable code; the api's problem filter turns them into RFC 9457 answers.
// Services throw these, never HttpException: the worker shares the services and has no HTTP.

/** What kind of refusal this is; the api maps each kind to one HTTP status. */
export type DomainErrorKind =
  | 'VALIDATION' // 400: the request itself is malformed
  | 'UNAUTHENTICATED' // 401
  | 'FORBIDDEN' // 403
  | 'NOT_FOUND' // 404
  | 'CONFLICT' // 409: the state of the world forbids it (duplicate, wrong state)
  | 'UNPROCESSABLE' // 422: well-formed but refused by a business rule
  | 'TOO_MANY_REQUESTS'; // 429

export interface FieldViolation {
  field: string;
  code: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    /** Extra members of the problem document (e.g. `reasons` of an ineligible application). */
    readonly extensions: Record<string, unknown> = {},
    readonly fieldErrors?: FieldViolation[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id: string) {
    super('NOT_FOUND', 'NOT_FOUND', `${entity} ${id} does not exist`);
  }
}

export class ValidationError extends DomainError {
  constructor(fieldErrors: FieldViolation[], message = 'The request has invalid fields') {
    super('VALIDATION', 'VALIDATION_FAILED', message, {}, fieldErrors);
  }

  static field(field: string, code: string, message: string): ValidationError {
    return new ValidationError([{ field, code, message }], message);
  }

  /** Several broken rules at once, the message naming each field once: "Invalid fields: phone, kk". */
  static fields(violations: FieldViolation[]): ValidationError {
    const fields = [...new Set(violations.map((v) => v.field))];
    return new ValidationError(violations, `Invalid field${fields.length > 1 ? 's' : ''}: ${fields.join(', ')}`);
  }
}

export class InvalidStateError extends DomainError {
  constructor(message: string) {
    super('CONFLICT', 'INVALID_STATE', message);
  }
}
