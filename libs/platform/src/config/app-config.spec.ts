// Boot-time configuration: defaults for development, a message naming every bad variable, and no
// development secret ever accepted in production.
import { randomBytes } from 'node:crypto';
import { DEV_ADMIN_PASSWORD, DEV_DATA_ENCRYPTION_KEY, DEV_JWT_SECRET, validateEnvironment } from './app-config.js';

/** The message validateEnvironment throws for `env`, or fails the test when it does not throw. */
function problemsOf(env: Record<string, unknown>): string {
  try {
    validateEnvironment(env);
  } catch (err) {
    expect(err).toBeInstanceOf(Error);
    return (err as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

/** The variable names at the start of each `  - NAME: ...` line of the message. */
const namedVariables = (message: string): string[] =>
  [...message.matchAll(/^\s+- ([A-Z_]+):/gm)].map((m) => m[1]).filter((v, i, all) => all.indexOf(v) === i).sort();

const productionSecrets = () => ({
  NODE_ENV: 'production',
  JWT_SECRET: randomBytes(24).toString('hex'),
  DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  ADMIN_PASSWORD: randomBytes(12).toString('hex'),
});

describe('validateEnvironment', () => {
  it('fills every variable with its development default when the environment is empty', () => {
    const config = validateEnvironment({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      DATABASE_POOL_SIZE: 10,
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: 'lumbung',
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD: DEV_ADMIN_PASSWORD,
      JWT_SECRET: DEV_JWT_SECRET,
      JWT_TTL_SECONDS: 3600,
      DATA_ENCRYPTION_KEY: DEV_DATA_ENCRYPTION_KEY,
      CORS_ORIGINS: '',
      LOG_LEVEL: 'info',
      RUN_MIGRATIONS: true,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    // The throttle defaults are a policy choice that moves; only their type is pinned here.
    expect(Number.isInteger(config.LOGIN_THROTTLE_LIMIT) && config.LOGIN_THROTTLE_LIMIT > 0).toBe(true);
    expect(Number.isInteger(config.LOGIN_THROTTLE_TTL_SECONDS) && config.LOGIN_THROTTLE_TTL_SECONDS > 0).toBe(true);
  });

  it('treats empty strings as unset, so `PORT=` in a shell still boots with the default', () => {
    expect(validateEnvironment({ PORT: '', REDIS_URL: '', NODE_ENV: undefined }).PORT).toBe(3000);
  });

  it('turns numeric and boolean strings from process.env into typed values', () => {
    const config = validateEnvironment({ PORT: '8080', DATABASE_POOL_SIZE: '25', RUN_MIGRATIONS: 'false', DATABASE_URL: 'postgres://u@h:5432/db' });
    expect(config.PORT).toBe(8080);
    expect(config.DATABASE_POOL_SIZE).toBe(25);
    expect(config.RUN_MIGRATIONS).toBe(false);
    expect(config.DATABASE_URL).toBe('postgres://u@h:5432/db');
  });

  it('ignores variables it does not know (PATH, HOME ... are always in process.env)', () => {
    expect(() => validateEnvironment({ PATH: '/usr/bin', HOME: '/root', npm_config_cache: '/tmp' })).not.toThrow();
  });

  it.each(['abc', '70000', '0', '-1', '3000.5'])('refuses PORT=%s, naming PORT and the value it got', (port) => {
    const message = problemsOf({ PORT: port });
    expect(namedVariables(message)).toEqual(['PORT']);
    // The value is echoed back (as a number once it parsed as one), so the operator sees what was read.
    expect(message).toMatch(new RegExp(`PORT: .*\\(got "?${port.replace('.', '\\.')}"?\\)`));
  });

  it.each(['http://127.0.0.1:6379', '127.0.0.1:6379', 'redis:/x'])('refuses REDIS_URL=%s, naming it', (url) => {
    const message = problemsOf({ REDIS_URL: url });
    expect(namedVariables(message)).toEqual(['REDIS_URL']);
    expect(message).toMatch(/REDIS_URL must be a redis:\/\/ URL/);
  });

  it('accepts rediss:// (TLS) URLs', () => {
    expect(validateEnvironment({ REDIS_URL: 'rediss://cache.example:6380' }).REDIS_URL).toBe('rediss://cache.example:6380');
  });

  it.each([
    ['too short', 'c2hvcnQ='],
    ['16 bytes', randomBytes(16).toString('base64')],
    ['48 bytes', randomBytes(48).toString('base64')],
    ['hex, not base64', randomBytes(32).toString('hex')],
  ])('refuses a DATA_ENCRYPTION_KEY that is %s, naming it', (_label, key) => {
    const message = problemsOf({ DATA_ENCRYPTION_KEY: key });
    expect(namedVariables(message)).toEqual(['DATA_ENCRYPTION_KEY']);
    expect(message).toMatch(/32 random bytes in base64/);
  });

  it('names every bad variable in one message, not only the first', () => {
    const message = problemsOf({ PORT: 'abc', REDIS_URL: 'http://x', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', NODE_ENV: 'staging' });
    expect(namedVariables(message)).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'NODE_ENV', 'PORT', 'REDIS_URL']);
  });

  describe('NODE_ENV=production', () => {
    it('refuses all three development defaults, naming each', () => {
      const message = problemsOf({ NODE_ENV: 'production' });
      expect(namedVariables(message)).toEqual(['ADMIN_PASSWORD', 'DATA_ENCRYPTION_KEY', 'JWT_SECRET']);
      expect(message).toMatch(/JWT_SECRET: the development default must not be used when NODE_ENV=production/);
    });

    it.each(['JWT_SECRET', 'DATA_ENCRYPTION_KEY', 'ADMIN_PASSWORD'] as const)('refuses the development %s even when the others are set', (name) => {
      const dev = { JWT_SECRET: DEV_JWT_SECRET, DATA_ENCRYPTION_KEY: DEV_DATA_ENCRYPTION_KEY, ADMIN_PASSWORD: DEV_ADMIN_PASSWORD }[name];
      const message = problemsOf({ ...productionSecrets(), [name]: dev });
      expect(namedVariables(message)).toEqual([name]);
    });

    it('refuses the development defaults even when they are passed explicitly', () => {
      const message = problemsOf({
        NODE_ENV: 'production',
        JWT_SECRET: DEV_JWT_SECRET,
        DATA_ENCRYPTION_KEY: DEV_DATA_ENCRYPTION_KEY,
        ADMIN_PASSWORD: DEV_ADMIN_PASSWORD,
      });
      expect(namedVariables(message)).toEqual(['ADMIN_PASSWORD', 'DATA_ENCRYPTION_KEY', 'JWT_SECRET']);
    });

    it('boots with proper secrets', () => {
      const env = productionSecrets();
      const config = validateEnvironment(env);
      expect(config.NODE_ENV).toBe('production');
      expect(config.JWT_SECRET).toBe(env.JWT_SECRET);
      expect(config.DATA_ENCRYPTION_KEY).toBe(env.DATA_ENCRYPTION_KEY);
      expect(config.ADMIN_PASSWORD).toBe(env.ADMIN_PASSWORD);
    });

    it('still validates the format of production secrets', () => {
      const message = problemsOf({ ...productionSecrets(), JWT_SECRET: 'short', ADMIN_PASSWORD: 'pw' });
      expect(namedVariables(message)).toEqual(['ADMIN_PASSWORD', 'JWT_SECRET']);
    });
  });

  it('accepts the development defaults outside production', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'test' })).not.toThrow();
    expect(() => validateEnvironment({ NODE_ENV: 'development' })).not.toThrow();
  });

  it('lets drills turn the reminder send window off, but never in production', () => {
    expect(validateEnvironment({ NODE_ENV: 'test', NOTIFY_SEND_WINDOW: 'off', NOTIFY_JOB_LOCK_MS: '2000' })).toMatchObject({ NOTIFY_SEND_WINDOW: 'off', NOTIFY_JOB_LOCK_MS: 2000 });
    expect(validateEnvironment({ ...productionSecrets() })).toMatchObject({ NOTIFY_SEND_WINDOW: 'on', NOTIFY_JOB_LOCK_MS: 30000 });
    expect(namedVariables(problemsOf({ ...productionSecrets(), NOTIFY_SEND_WINDOW: 'off' }))).toEqual(['NOTIFY_SEND_WINDOW']);
    expect(namedVariables(problemsOf({ NOTIFY_SEND_WINDOW: 'no', NOTIFY_JOB_LOCK_MS: '10' }))).toEqual(['NOTIFY_JOB_LOCK_MS', 'NOTIFY_SEND_WINDOW']);
  });
});
