import { Redis } from 'ioredis';

/** Counts requests per key in fixed windows; false once `limit` is exceeded. */
export interface RateLimitStore {
  take(key: string, limit: number, windowMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** One process: counters in memory. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { start: number; count: number }>();

  async take(key: string, limit: number, windowMs: number): Promise<boolean> {
    const now = Date.now();
    const w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) {
      if (this.windows.size > 50_000) this.sweep(now, windowMs);
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    w.count++;
    return w.count <= limit;
  }

  private sweep(now: number, windowMs: number) {
    for (const [k, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(k);
  }

  async close(): Promise<void> {}
}

/** Several instances: one counter per key and window in Redis, so limits hold across the fleet. */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly redis: Redis;

  constructor(url: string) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
  }

  async take(key: string, limit: number, windowMs: number): Promise<boolean> {
    const window = Math.floor(Date.now() / windowMs);
    const redisKey = `rl:${key}:${window}`;
    try {
      const [[, count]] = (await this.redis.multi().incr(redisKey).pexpire(redisKey, windowMs).exec()) as [[null, number], unknown];
      return count <= limit;
    } catch {
      // Redis down: let the request through rather than lock every resident out.
      return true;
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
