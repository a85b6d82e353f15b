import { BullModule } from '@nestjs/bull';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DEFAULT_JOB_OPTIONS } from './queues.js';

/**
 * Bull gets a URL, not a shared ioredis client (its blocking and subscriber clients must not run
 * ready checks), and a prefix, so two deployments or test runs on one Redis never steal jobs.
 */
export const BullRootModule = BullModule.forRootAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({
    url: config.REDIS_URL,
    prefix: config.QUEUE_PREFIX,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  }),
});
