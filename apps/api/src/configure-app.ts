// Everything main.ts does to the app besides listening, shared with the e2e tests so they exercise
// the same pipeline a client meets.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '#platform';
import express from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { bodyParserErrors } from './http/body-parser-errors.middleware.js';
import { requestContextMiddleware, requestIdMiddleware } from './http/request-context.middleware.js';
import { setupOpenApi } from './openapi/openapi.js';

export function configureApp(app: NestExpressApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.use(helmet({ contentSecurityPolicy: false })); // the Swagger UI needs inline scripts
  app.enableCors({
    origin: config.CORS_ORIGINS ? config.CORS_ORIGINS.split(',').map((o) => o.trim()) : false,
    exposedHeaders: ['X-Request-Id', 'Idempotent-Replayed'],
  });
  app.use(requestIdMiddleware);
  app.use(express.json({ limit: '1mb' }));
  app.use(bodyParserErrors);
  app.use(requestContextMiddleware);
  app.setGlobalPrefix('api');
  setupOpenApi(app);
  app.enableShutdownHooks();
}
