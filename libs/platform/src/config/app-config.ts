// Environment configuration, validated once at boot: a bad or missing variable stops start-up with
// a message that names it. Every variable here is documented in the README.
import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

export const DEV_JWT_SECRET = 'lumbung-dev-jwt-secret-change-me';
// 32 zero-ish bytes, base64: only ever used outside production.
export const DEV_DATA_ENCRYPTION_KEY = 'bHVtYnVuZy1kZXYta2V5LW5vdC1mb3ItcHJvZHVjdGk=';
export const DEV_ADMIN_PASSWORD = 'lumbung-admin';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? parseInt(value, 10) : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  PORT = 3000;

  @IsOptional() @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE = 10;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Matches(/^[A-Za-z0-9_:.-]{1,64}$/, { message: 'QUEUE_PREFIX must be 1-64 letters, digits or _:.-' })
  QUEUE_PREFIX = 'lumbung';

  @Matches(/^[a-z0-9._-]{3,64}$/, { message: 'ADMIN_USERNAME must be 3-64 lowercase letters, digits or ._-' })
  ADMIN_USERNAME = 'admin';

  @IsString() @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  ADMIN_PASSWORD = DEV_ADMIN_PASSWORD;

  @IsString() @MinLength(16, { message: 'JWT_SECRET must be at least 16 characters' })
  JWT_SECRET = DEV_JWT_SECRET;

  @Transform(toInt) @IsInt() @Min(60) @Max(86400)
  JWT_TTL_SECONDS = 3600;

  /** Lifetime of the cookie that opens the queue dashboard in a browser (POST /api/admin/queue-board/session). */
  @Transform(toInt) @IsInt() @Min(60) @Max(3600)
  QUEUE_BOARD_SESSION_SECONDS = 900;

  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'DATA_ENCRYPTION_KEY must be 32 random bytes in base64 (openssl rand -base64 32)' })
  DATA_ENCRYPTION_KEY = DEV_DATA_ENCRYPTION_KEY;

  /** Failed sign-ins per address and username before 429, within LOGIN_THROTTLE_TTL_SECONDS. */
  @Transform(toInt) @IsInt() @Min(1) @Max(10000)
  LOGIN_THROTTLE_LIMIT = 5;

  @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  LOGIN_THROTTLE_TTL_SECONDS = 300;

  /** Comma-separated origins allowed by CORS; empty means same-origin only. */
  @IsString()
  CORS_ORIGINS = '';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toBool) @IsBoolean()
  RUN_MIGRATIONS = true;

  /** Directory of the borrower documents' (encrypted) files; relative paths start at the working directory. */
  @IsString() @Matches(/^[^\0]+$/, { message: 'DOCUMENT_STORAGE_DIR must be a directory path' })
  DOCUMENT_STORAGE_DIR = './data/documents';

  /** The bank holding the fund's account: its bulk-transfer file layout is the default for batches. */
  @Matches(/^\d{3}$/, { message: 'FUND_BANK_CODE must be a 3-digit bank code such as 114 (Bank Jatim)' })
  FUND_BANK_CODE = '114';

  /** The 8 digits the fund's bank sets at the start of every virtual account; the loan number's digits follow. */
  @Matches(/^\d{8}$/, { message: 'VA_PREFIX must be the 8 digits the bank assigns to the programme' })
  VA_PREFIX = '11400001';

  /**
   * Close each day automatically at 00:05 in the default programme's time zone (a repeatable worker
   * job). Unset means on in production and off elsewhere, where tests and demos close days by hand.
   */
  @IsOptional() @Transform(toBool) @IsBoolean({ message: 'CLOSE_OF_DAY_AUTO must be true or false' })
  CLOSE_OF_DAY_AUTO?: boolean;

  /** How many borrower-id ranges a day is split into; each is one job any worker may take. */
  @Transform(toInt) @IsInt() @Min(1) @Max(256)
  CLOSE_OF_DAY_PARTITIONS = 8;

  /** Partitions one worker process closes at the same time. */
  @Transform(toInt) @IsInt() @Min(1) @Max(32)
  CLOSE_OF_DAY_CONCURRENCY = 2;

  /** Reminder channels in fallback order: LOG (stores the message; local use and tests), WHATSAPP, SMS, EMAIL. */
  @Matches(/^(LOG|WHATSAPP|SMS|EMAIL)(,(LOG|WHATSAPP|SMS|EMAIL))*$/, { message: 'NOTIFY_CHANNELS must be a comma list of LOG, WHATSAPP, SMS, EMAIL' })
  NOTIFY_CHANNELS = 'LOG';

  /** Local hour reminders go out at (08-19: inside the POJK 22/2023 window). */
  @Transform(toInt) @IsInt() @Min(8) @Max(19)
  NOTIFY_PREFERRED_HOUR = 9;

  /** Language of reminder messages: Bahasa Indonesia or English. */
  @IsIn(['id', 'en'])
  NOTIFY_LANGUAGE: 'id' | 'en' = 'id';

  /**
   * Years a borrower's personal data is kept after their last loan closed or was written off, before it may
   * be anonymised (UU PDP 27/2022: erase once the purpose ends; UU 8/1997: financial records are kept 10 years).
   */
  @Transform(toInt) @IsInt() @Min(0) @Max(100)
  PDP_RETENTION_YEARS = 10;

  /** The WhatsApp/SMS HTTP gateway: POST <url>/messages with a bearer token. */
  @IsOptional() @Matches(/^https?:\/\/.+/, { message: 'NOTIFY_GATEWAY_URL must be an http(s) URL' })
  NOTIFY_GATEWAY_URL?: string;

  @IsOptional() @IsString()
  NOTIFY_GATEWAY_TOKEN?: string;

  /** SMTP server for the EMAIL channel, credentials in the URL: smtp://user:pass@host:587 (smtps:// for implicit TLS). */
  @IsOptional() @Matches(/^smtps?:\/\/.+/, { message: 'NOTIFY_SMTP_URL must be an smtp:// or smtps:// URL' })
  NOTIFY_SMTP_URL?: string;

  /** Sender of reminder e-mails, e.g. "Lumbung <noreply@lumbung.example.go.id>". */
  @IsString() @MinLength(3)
  NOTIFY_EMAIL_FROM = 'Lumbung <noreply@localhost>';

  @Transform(toInt) @IsInt() @Min(100) @Max(60000)
  NOTIFY_GATEWAY_TIMEOUT_MS = 5000;

  /** Template names the gateway knows (WhatsApp templates are registered with Meta). */
  @IsString() @MinLength(1)
  NOTIFY_TEMPLATE_WHATSAPP = 'lumbung_reminder';

  @IsString() @MinLength(1)
  NOTIFY_TEMPLATE_SMS = 'lumbung_reminder_sms';

  /** Tries per reminder before it is FAILED; waits double from NOTIFY_BACKOFF_MS. */
  @Transform(toInt) @IsInt() @Min(1) @Max(20)
  NOTIFY_MAX_ATTEMPTS = 5;

  @Transform(toInt) @IsInt() @Min(1) @Max(3_600_000)
  NOTIFY_BACKOFF_MS = 60_000;

  /** The dispatcher queues reminders due within this many seconds, every NOTIFY_DISPATCH_INTERVAL_MS. */
  @Transform(toInt) @IsInt() @Min(0) @Max(86400)
  NOTIFY_DISPATCH_HORIZON_SECONDS = 3600;

  @Transform(toInt) @IsInt() @Min(50) @Max(3_600_000)
  NOTIFY_DISPATCH_INTERVAL_MS = 30_000;

  @Transform(toInt) @IsInt() @Min(1) @Max(100000)
  NOTIFY_DISPATCH_BATCH = 5000;

  /** A reminder still QUEUED this long after its moment is queued again (its job was lost with a worker or Redis). */
  @Transform(toInt) @IsInt() @Min(1) @Max(86400)
  NOTIFY_REQUEUE_AFTER_SECONDS = 600;

  /**
   * `off` sends reminders at any hour and on any day, ignoring the lawful window: for load tests and
   * drills only (a crash drill runs whenever it runs); refused when NODE_ENV=production.
   */
  @IsIn(['on', 'off'])
  NOTIFY_SEND_WINDOW: 'on' | 'off' = 'on';

  /**
   * Lock on a reminder job while a worker holds it; a worker that died is noticed (and its jobs handed
   * to another) after about this long. Shorter than a gateway call and a healthy worker loses its jobs.
   */
  @Transform(toInt) @IsInt() @Min(500) @Max(600_000)
  NOTIFY_JOB_LOCK_MS = 30_000;
}

export type AppConfig = Readonly<EnvironmentVariables>;

/** Validates `env` and returns typed config, or throws an Error whose message names every bad variable. */
export function validateEnvironment(env: Record<string, unknown>): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(EnvironmentVariables, present, { exposeDefaultValues: true });
  const problems = validateSync(config, { whitelist: false, forbidUnknownValues: false }).flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m} (got ${JSON.stringify(e.value)})`),
  );
  if (config.NODE_ENV === 'production') {
    const defaults: [keyof EnvironmentVariables, string][] = [
      ['JWT_SECRET', DEV_JWT_SECRET],
      ['DATA_ENCRYPTION_KEY', DEV_DATA_ENCRYPTION_KEY],
      ['ADMIN_PASSWORD', DEV_ADMIN_PASSWORD],
    ];
    for (const [name, dev] of defaults) {
      if (config[name] === dev) problems.push(`${name}: the development default must not be used when NODE_ENV=production`);
    }
    if (config.NOTIFY_SEND_WINDOW === 'off') problems.push('NOTIFY_SEND_WINDOW: off (load tests and drills only) must not be used when NODE_ENV=production');
  }
  if (problems.length) throw new Error(`Invalid environment configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
