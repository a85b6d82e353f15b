import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainError } from '../errors/domain-error.js';

/**
 * Counts failed sign-ins per client address and username (so one office behind NAT does not lock
 * out everyone) in Redis, shared by every api replica; an in-memory limiter stands in while Redis
 * is down, so sign-in keeps working. Only failures count: a clerk who types well is never slowed.
 */
@Injectable()
export class LoginThrottleService implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly limiter: RateLimiterRedis;
  private readonly maxFailures: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.maxFailures = config.LOGIN_THROTTLE_LIMIT;
    this.redis = new Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.redis.on('error', () => undefined); // the insurance limiter takes over; health reports Redis
    const options = { points: this.maxFailures, duration: config.LOGIN_THROTTLE_TTL_SECONDS, keyPrefix: `${config.QUEUE_PREFIX}:login-failures` };
    this.limiter = new RateLimiterRedis({ ...options, storeClient: this.redis, insuranceLimiter: new RateLimiterMemory(options) });
  }

  async assertAllowed(clientKey: string): Promise<void> {
    const state = await this.limiter.get(clientKey).catch(() => null);
    if (state && state.consumedPoints >= this.maxFailures) {
      const retryAfterSeconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
      throw new DomainError('TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS', `Too many failed sign-ins; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
    }
  }

  async recordFailure(clientKey: string): Promise<void> {
    await this.limiter.penalty(clientKey, 1).catch(() => undefined);
  }

  async reset(clientKey: string): Promise<void> {
    await this.limiter.delete(clientKey).catch(() => undefined);
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
