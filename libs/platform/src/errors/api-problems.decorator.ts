// Documents the problem+json answers of a route in OpenAPI, so clients see every error they can get.
import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, ProblemDetails } from './problem-details.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'VALIDATION_FAILED (one entry per bad field), MALFORMED_JSON',
  401: 'UNAUTHENTICATED: missing or invalid bearer token',
  403: 'FORBIDDEN: the user lacks the role',
  404: 'NOT_FOUND',
  409: 'Conflict with the current state',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'Refused by a business rule',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** `@ApiProblems(400, 401, [409, 'IDEMPOTENCY_KEY_REUSED ...'])` */
export function ApiProblems(...answers: (number | [number, string])[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDetails),
    ...answers.map((a) => {
      const [status, description] = Array.isArray(a) ? a : [a, DESCRIPTIONS[a] ?? 'Error'];
      return ApiResponse({
        status,
        description,
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetails) } } },
      });
    }),
  );
}
