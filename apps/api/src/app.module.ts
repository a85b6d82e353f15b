import { DisbursementModule } from '#disbursement';
import { IntakeModule } from '#intake';
import { LedgerModule } from '#ledger';
import { NotificationsModule } from '#notifications';
import { APP_CONFIG, type AppConfig, PlatformModule, ProblemDetailsFilter, validationExceptionFactory } from '#platform';
import { ReconciliationModule } from '#reconciliation';
import { RepaymentModule } from '#repayment';
import { ScoringModule } from '#scoring';
import { Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { dataSourceOptions } from '../../../migrations/data-source.js';
import { APPLICATION_CONTROLLERS } from './applications/index.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { BANK_STATEMENT_CONTROLLERS } from './bank-statements/index.js';
import { BORROWER_CONTROLLERS } from './borrowers/index.js';
import { BusinessDateController } from './business-date/business-date.controller.js';
import { DISBURSEMENT_CONTROLLERS } from './disbursements/index.js';
import { DOCUMENT_CONTROLLERS } from './documents/index.js';
import { FundController } from './fund/fund.controller.js';
import { HealthController } from './health/health.controller.js';
import { HOLIDAY_CONTROLLERS } from './holidays/index.js';
import { RedisHealthIndicator } from './health/redis.health.js';
import { IdempotentInterceptor } from './http/idempotent.interceptor.js';
import { redactRequest } from './http/log-redaction.js';
import { LedgerController } from './ledger/ledger.controller.js';
import { LOAN_CONTROLLERS } from './loans/index.js';
import { NOTIFICATION_CONTROLLERS } from './notifications/index.js';
import { PRODUCT_CONTROLLERS } from './products/index.js';
import { ProgrammesController } from './programmes/programmes.controller.js';
import { REGION_CONTROLLERS } from './regions/index.js';
import { SCORING_CONTROLLERS } from './scoring/index.js';
import { UsersController } from './users/users.controller.js';

@Module({
  imports: [
    PlatformModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          genReqId: (req) => (req as { id?: string }).id ?? 'unknown',
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          serializers: { req: redactRequest }, // no NIK from ?nik= in the log (UU PDP)
          autoLogging: { ignore: (req) => req.url === '/api/health' },
        },
      }),
    }),
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config.DATABASE_URL ?? '', config.DATABASE_POOL_SIZE),
    }),
    TerminusModule.forRoot({ logger: false }),
    LedgerModule,
    IntakeModule,
    ScoringModule,
    RepaymentModule,
    DisbursementModule,
    ReconciliationModule,
    NotificationsModule,
  ],
  controllers: [
    AuthController,
    UsersController,
    ProgrammesController,
    BusinessDateController,
    FundController,
    LedgerController,
    HealthController,
    ...REGION_CONTROLLERS,
    ...HOLIDAY_CONTROLLERS,
    ...PRODUCT_CONTROLLERS,
    ...BORROWER_CONTROLLERS,
    ...DOCUMENT_CONTROLLERS,
    ...APPLICATION_CONTROLLERS,
    ...SCORING_CONTROLLERS,
    ...DISBURSEMENT_CONTROLLERS,
    ...LOAN_CONTROLLERS,
    ...BANK_STATEMENT_CONTROLLERS,
    ...NOTIFICATION_CONTROLLERS,
  ],
  providers: [
    RedisHealthIndicator,
    IdempotentInterceptor,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    {
      provide: APP_PIPE,
      useValue: new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: validationExceptionFactory }),
    },
  ],
})
export class AppModule {}
