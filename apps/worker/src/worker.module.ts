import { LedgerModule } from '#ledger';
import { NotificationsModule } from '#notifications';
import { APP_CONFIG, type AppConfig, BullRootModule, PlatformModule, QUEUES } from '#platform';
import { RepaymentModule } from '#repayment';
import { ScoringModule } from '#scoring';
import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { dataSourceOptions } from '../../../migrations/data-source.js';
import { CloseOfDayProcessor } from './close-of-day.processor.js';
import { HeartbeatService } from './heartbeat.service.js';
import { ReminderDispatcher } from './reminder-dispatcher.service.js';
import { ReminderProcessor } from './reminder.processor.js';
import { SystemProcessor } from './system.processor.js';

/** No controllers: the worker only consumes queues. RepaymentModule brings the close-of-day queues; reminders are dispatched and sent here. */
@Module({
  imports: [
    PlatformModule,
    LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (c: AppConfig) => ({ pinoHttp: { level: c.LOG_LEVEL } }) }),
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config.DATABASE_URL ?? '', config.DATABASE_POOL_SIZE),
    }),
    BullRootModule,
    BullModule.registerQueue({ name: QUEUES.SYSTEM }),
    // A killed worker's reminder jobs go back to waiting once their lock lapses (Bull's stalled check).
    BullModule.registerQueueAsync({
      name: QUEUES.REMINDERS,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig) => ({ settings: { lockDuration: c.NOTIFY_JOB_LOCK_MS, stalledInterval: c.NOTIFY_JOB_LOCK_MS } }),
    }),
    LedgerModule,
    RepaymentModule,
    ScoringModule,
    NotificationsModule,
  ],
  providers: [HeartbeatService, SystemProcessor, CloseOfDayProcessor, ReminderDispatcher, ReminderProcessor],
})
export class WorkerModule {}
