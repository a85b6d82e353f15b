import { ValidateIf } from 'class-validator';

/**
 * The field may be left out (its default or current value applies), but `null` is a value like any other and
 * is validated, so the field's own rules refuse it. `@IsOptional()` skips null too, which lets a `null` reach
 * a NOT NULL column or a parser as if it had passed validation.
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);
