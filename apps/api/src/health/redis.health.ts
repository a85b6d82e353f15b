import { APP_CONFIG, type AppConfig, workerHeartbeatKey } from '#platform';
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
  private readonly workersPattern: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly indicator: HealthIndicatorService,
  ) {
    this.redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: () => 2000 });
    this.redis.on('error', () => undefined); // reported by check(), not as an unhandled event
    this.workersPattern = workerHeartbeatKey(config.QUEUE_PREFIX, '*');
  }

  async check(key = 'redis') {
    const session = this.indicator.check(key);
    try {
      if (this.redis.status === 'wait') await this.redis.connect();
      const workers = await Promise.race([this.liveWorkers(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000))]);
      return session.up({ workers });
    } catch (err) {
      return session.degraded({ message: `Redis unreachable: ${(err as Error).message}` });
    }
  }

  /** Workers whose heartbeat key has not expired. */
  private async liveWorkers(): Promise<number> {
    let cursor = '0';
    let count = 0;
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', this.workersPattern, 'COUNT', 100);
      count += keys.length;
      cursor = next;
    } while (cursor !== '0');
    return count;
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
