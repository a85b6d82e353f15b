import { hostname } from 'node:os';
import { APP_CONFIG, type AppConfig, WORKER_HEARTBEAT_TTL_SECONDS, workerHeartbeatKey } from '#platform';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';

/** Liveness: a Redis key with a TTL, refreshed while the worker runs, removed when it stops. */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(HeartbeatService.name);
  private readonly redis: Redis;
  private readonly key: string;
  private timer?: NodeJS.Timeout;
  private reachable = true;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true });
    this.redis.on('error', () => undefined); // beat() reports it, once
    this.key = workerHeartbeatKey(config.QUEUE_PREFIX, `${hostname()}:${process.pid}`);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.redis.connect().catch(() => undefined);
    await this.beat();
    this.timer = setInterval(() => void this.beat(), (WORKER_HEARTBEAT_TTL_SECONDS * 1000) / 3);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.del(this.key).catch(() => undefined);
    this.redis.disconnect();
  }

  private async beat(): Promise<void> {
    try {
      await this.redis.set(this.key, new Date().toISOString(), 'EX', WORKER_HEARTBEAT_TTL_SECONDS);
      if (!this.reachable) this.logger.log('Redis reachable again');
      this.reachable = true;
    } catch (err) {
      if (this.reachable) this.logger.warn(`Redis unreachable (${(err as Error).message}); queues wait until it is back`);
      this.reachable = false;
    }
  }
}
