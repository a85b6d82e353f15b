// Per-suite Bull key prefixes on the shared Redis: two app instances on one prefix steal each other's jobs.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** A Bull `prefix` no other suite or run uses, e.g. `lumbung_test_4242_9f3a1c2b`. */
export function uniqueQueuePrefix(): string {
  return `lumbung_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Deletes every key under `<prefix>:` (SCAN + DEL); resolves to the number of keys deleted. */
export async function cleanupRedisPrefix(prefix: string): Promise<number> {
  if (!/^[A-Za-z0-9_-]+$/.test(prefix) || !prefix.includes('test')) {
    throw new Error(`refusing to clean Redis prefix "${prefix}": it must be [A-Za-z0-9_-]+ and contain "test"`);
  }
  const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) deleted += await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    return deleted;
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}
