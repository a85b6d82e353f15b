import { createSecretKey } from 'node:crypto';
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
      // One KeyObject for both directions: given a string, jsonwebtoken first tries (and fails) to read it
      // as a public key on every verify, which cost a tenth of the api's CPU under load (issue 10).
      useFactory: (config: AppConfig) => {
        const key = createSecretKey(Buffer.from(config.JWT_SECRET));
        return { privateKey: key, publicKey: key, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } };
      },
    }),
  ],
  providers: services,
  exports: [AppConfigModule, ...services],
})
export class PlatformModule {}
