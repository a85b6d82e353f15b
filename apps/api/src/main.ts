import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { UsersService, validateEnvironment } from '#platform';
import { runMigrations } from '../../../migrations/data-source.js';
import { AppModule } from './app.module.js';
import { configureApp } from './configure-app.js';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = validateEnvironment(process.env);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  if (!config.DATABASE_URL) {
    console.error('DATABASE_URL is not set. `npm start` sets it (embedded PostgreSQL under ./data); otherwise point it at your database.');
    process.exit(1);
  }
  // A new empty database works with no extra step.
  if (config.RUN_MIGRATIONS) await runMigrations(config.DATABASE_URL);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  configureApp(app);
  await app.get(UsersService).ensureAdmin();
  await app.listen(config.PORT);
  console.log(`Lumbung api listening on http://localhost:${config.PORT}/api (docs: /api/docs)`);
}

await bootstrap();
