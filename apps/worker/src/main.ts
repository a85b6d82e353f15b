import 'reflect-metadata';
import { validateEnvironment } from '#platform';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module.js';

async function bootstrap(): Promise<void> {
  try {
    const config = validateEnvironment(process.env);
    if (!config.DATABASE_URL) throw new Error('DATABASE_URL is not set. `npm start` sets it; otherwise point it at your database.');
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // On SIGTERM/SIGINT Nest closes the Bull queues, which waits for the job in hand to finish.
  app.enableShutdownHooks();
  await app.init();
  app.get(Logger).log(`Lumbung worker ${process.pid} consuming queues`);
}

await bootstrap();
