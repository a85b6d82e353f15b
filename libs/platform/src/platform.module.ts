import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuditService } from './audit/audit.service.js';
import { AuthService } from './auth/auth.service.js';
import { LoginThrottleService } from './auth/login-throttle.service.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { AppConfigModule } from './config/config.module.js';
import { FieldEncryptionService } from './crypto/field-encryption.service.js';
import { BusinessDateService } from './business-date/business-date.service.js';
import { TransactionRunner } from './database/transaction-runner.js';
import { IdempotencyService } from './idempotency/idempotency.service.js';
import { ProgrammesService } from './programmes/programmes.service.js';
import { UsersService } from './users/users.service.js';

const services = [
  TransactionRunner,
  AuditService,
  BusinessDateService,
  IdempotencyService,
  FieldEncryptionService,
  AuthService,
  LoginThrottleService,
  UsersService,
  ProgrammesService,
];

/** Cross-cutting services every module uses. Needs TypeOrmModule.forRoot in the importing app. */
@Global()
@Module({
  imports: [
    AppConfigModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.JWT_SECRET, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
    }),
  ],
  providers: services,
  exports: [AppConfigModule, ...services],
})
export class PlatformModule {}
