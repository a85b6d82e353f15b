// An api app for e2e specs: its own migrated database, its own queue prefix, the same pipeline
// (configureApp) that main.ts sets up, on a real port so supertest talks HTTP.
import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { UsersService } from '#platform';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module.js';
import { configureApp } from '../../apps/api/src/configure-app.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { cleanupRedisPrefix, uniqueQueuePrefix } from './redis.js';

export const TEST_ADMIN = { username: 'admin', password: 'admin-test-password' };

export interface TestApp {
  app: NestExpressApplication;
  db: TestDatabase;
  http: () => ReturnType<typeof request>;
  /** Signs in and returns the bearer token. */
  login(username: string, password: string): Promise<string>;
  adminToken: string;
  /** Creates a user with the roles (as admin) and returns its token. */
  userWithRoles(roles: string[], extra?: Record<string, unknown>): Promise<{ id: string; username: string; token: string }>;
  close(): Promise<void>;
}

let seq = 0;

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const prefix = uniqueQueuePrefix();
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    QUEUE_PREFIX: prefix,
    LOG_LEVEL: 'silent',
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    LOGIN_THROTTLE_LIMIT: '1000',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, bufferLogs: true });
  configureApp(app);
  await app.init();
  await app.get(UsersService).ensureAdmin();
  const server = app.getHttpServer();
  const http = () => request(server);

  const login = async (username: string, password: string): Promise<string> => {
    const res = await http().post('/api/auth/login').send({ username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };
  const adminToken = await login(TEST_ADMIN.username, TEST_ADMIN.password);

  return {
    app,
    db,
    http,
    login,
    adminToken,
    async userWithRoles(roles, extra = {}) {
      const username = `user${process.pid}${++seq}${Math.floor(Math.random() * 1e6)}`;
      const password = 'password-for-tests';
      const res = await http()
        .post('/api/users')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({ username, password, fullName: `Test ${roles.join('+')}`, roles, ...extra });
      if (res.status !== 201) throw new Error(`create user failed: ${res.status} ${JSON.stringify(res.body)}`);
      return { id: res.body.id as string, username, token: await login(username, password) };
    },
    async close() {
      await app.close();
      await db.drop();
      await cleanupRedisPrefix(prefix);
    },
  };
}
