import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, applyDecorators, UseInterceptors } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { ApiHeader } from '@nestjs/swagger';
import { type AuthenticatedUser, IdempotencyService, TransactionRunner, ApiProblems } from '#platform';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';

/**
 * Runs the route in one transaction together with its idempotency record: the service's own
 * `tx.run` joins it, so the effect and the stored answer commit together or not at all.
 */
@Injectable()
export class IdempotentInterceptor implements NestInterceptor {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly idempotency: IdempotencyService,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = ctx.switchToHttp();
    const req = http.getRequest<Request & { user: AuthenticatedUser }>();
    const res = http.getResponse<Response>();
    const status: number = Reflect.getMetadata(HTTP_CODE_METADATA, ctx.getHandler()) ?? (req.method === 'POST' ? 201 : 200);
    const request = { key: req.header('idempotency-key'), userId: req.user.id, method: req.method, path: req.path, body: req.body };
    return from(
      this.tx.run(async (em) => {
        const stored = await this.idempotency.begin(em, request);
        if (stored) {
          res.setHeader('Idempotent-Replayed', 'true');
          res.status(stored.status);
          return stored.body;
        }
        const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
        await this.idempotency.complete(em, request, { status, body });
        return body;
      }),
    );
  }
}

/** Marks a money-moving route: requires the Idempotency-Key header and replays stored answers. */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotentInterceptor),
    ApiHeader({ name: 'Idempotency-Key', required: true, description: '1-255 characters; a replay with the same key and body returns the first answer with Idempotent-Replayed: true' }),
    ApiProblems(
      [400, 'VALIDATION_FAILED, IDEMPOTENCY_KEY_REQUIRED, IDEMPOTENCY_KEY_INVALID'],
      [409, 'IDEMPOTENCY_KEY_REUSED (same key, other body), IDEMPOTENCY_KEY_IN_PROGRESS'],
    ),
  );
