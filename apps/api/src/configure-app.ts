// Everything main.ts does to the app besides listening, shared with the e2e tests so they exercise
// the same pipeline a client meets.
import type { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '#platform';
import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { bodyParserErrors } from './http/body-parser-errors.middleware.js';
import { jsonDepthGuard } from './http/json-depth.middleware.js';
import { nulCharacterGuard } from './http/nul-character.middleware.js';
import { requestContextMiddleware, requestIdMiddleware } from './http/request-context.middleware.js';
import { setupOpenApi } from './openapi/openapi.js';
import { defaultWebDistDir, webAppMiddleware } from './web/web-app.middleware.js';

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
  // The web app's build, when there is one (`npm run build:web`): served outside /api with its own CSP.
  const webApp = webAppMiddleware(defaultWebDistDir());
  if (webApp) app.use(webApp);
  app.use(express.json({ limit: '1mb' }));
  app.use(jsonDepthGuard); // a hostile 5,000-level body would overflow validation's recursion (issue 11 fuzzer)
  app.use(nulCharacterGuard); // PostgreSQL cannot store U+0000: a 400 naming the field, not a 500
  app.use(cookieParser()); // the queue dashboard's session cookie (AuthGuard)
  app.use(bodyParserErrors);
  app.use(requestContextMiddleware);
  app.setGlobalPrefix('api');
  setupOpenApi(app);
  app.enableShutdownHooks();
}
