import { Global, Module } from '@nestjs/common';
import { ConfigModule, registerAs } from '@nestjs/config';
import { APP_CONFIG, validateEnvironment } from './app-config.js';

// A typed namespace validated when the app boots (not when this file is imported), so a bad
// variable stops start-up and tests can set process.env before building their app.
export const appConfig = registerAs('app', () => validateEnvironment(process.env));

@Global()
@Module({
  imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [appConfig] })],
  providers: [{ provide: APP_CONFIG, inject: [appConfig.KEY], useFactory: (c: unknown) => c }],
  exports: [APP_CONFIG],
})
export class AppConfigModule {}
