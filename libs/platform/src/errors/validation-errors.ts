// Turns class-validator's nested errors into one `errors[]` entry per bad field (dotted paths).
import type { ValidationError as ClassValidatorError } from 'class-validator';
import { type FieldViolation, ValidationError } from './domain-error.js';

const toCode = (constraint: string): string =>
  constraint.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** One entry per bad field (api.md): the first broken rule gives the code, the message lists them all. */
export function flattenValidationErrors(errors: ClassValidatorError[], parent = ''): FieldViolation[] {
  return errors.flatMap((e) => {
    const field = parent ? (/^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`) : e.property;
    const broken = Object.entries(e.constraints ?? {});
    const own: FieldViolation[] = broken.length
      ? [
          broken[0][0] === 'whitelistValidation'
            ? { field, code: 'UNKNOWN_FIELD', message: `${field} is not an accepted field` }
            : { field, code: toCode(broken[0][0]), message: broken.map(([, m]) => m).join('; ') },
        ]
      : [];
    return own.concat(flattenValidationErrors(e.children ?? [], field));
  });
}

/** exceptionFactory for Nest's ValidationPipe. */
export function validationExceptionFactory(errors: ClassValidatorError[]): ValidationError {
  return ValidationError.fields(flattenValidationErrors(errors));
}
