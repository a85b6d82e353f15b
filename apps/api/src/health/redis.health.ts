import { APP_CONFIG, type AppConfig } from '#platform';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { Redis } from 'ioredis';

/**
 * Redis down degrades the api (queues wait) but does not make it unhealthy: money is in PostgreSQL,
 * and the api keeps serving.
 */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly indicator: HealthIndicatorService,
  ) {
    this.redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: () => 2000 });
    this.redis.on('error', () => undefined); // reported by check(), not as an unhandled event
  }

  async check(key = 'redis') {
    const session = this.indicator.check(key);
    try {
      if (this.redis.status === 'wait') await this.redis.connect();
      await Promise.race([this.redis.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000))]);
      return session.up();
    } catch (err) {
      return session.degraded({ message: `Redis unreachable: ${(err as Error).message}` });
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
