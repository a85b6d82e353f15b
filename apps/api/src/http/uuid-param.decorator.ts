import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ValidationError } from '#platform';

/** A path id that must be a UUID: anything else is 400 VALIDATION_FAILED naming the parameter. */
export const UuidParam = (name: string) =>
  Param(name, new ParseUUIDPipe({ exceptionFactory: () => ValidationError.field(name, 'IS_UUID', `${name} must be a UUID`) }));
