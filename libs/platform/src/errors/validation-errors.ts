// Turns class-validator's nested errors into one `errors[]` entry per bad field (dotted paths).
import type { ValidationError as ClassValidatorError } from 'class-validator';
import { type FieldViolation, ValidationError } from './domain-error.js';

const toCode = (constraint: string): string =>
  constraint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

export function flattenValidationErrors(errors: ClassValidatorError[], parent = ''): FieldViolation[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]) => ({
      field,
      code: constraint === 'whitelistValidation' ? 'UNKNOWN_FIELD' : toCode(constraint),
      message: constraint === 'whitelistValidation' ? `${field} is not an accepted field` : message,
    }));
    return own.concat(flattenValidationErrors(e.children ?? [], field));
  });
}

/** exceptionFactory for Nest's ValidationPipe. */
export function validationExceptionFactory(errors: ClassValidatorError[]): ValidationError {
  const fieldErrors = flattenValidationErrors(errors);
  const fields = [...new Set(fieldErrors.map((f) => f.field))];
  return new ValidationError(fieldErrors, `Invalid field${fields.length > 1 ? 's' : ''}: ${fields.join(', ')}`);
}
