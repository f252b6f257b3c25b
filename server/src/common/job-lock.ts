import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * Leadership for periodic work across server instances: `run` does the work only when no other
 * instance holds the named lock, and shared marks (e.g. "the full scan of day D is done") live where
 * every instance sees them. With one process (no REDIS_URL) both are local: PeriodicJob already
 * never overlaps itself.
 */
export interface JobLock {
  /** Runs `work` under the lock; false (without running it) when another instance holds it. */
  run(name: string, ttlMs: number, work: () => Promise<void>): Promise<boolean>;
  mark(key: string): Promise<string | null>;
  setMark(key: string, value: string, ttlMs: number): Promise<void>;
  close(): Promise<void>;
}

export class LocalJobLock implements JobLock {
  private readonly held = new Set<string>();
  private readonly marks = new Map<string, string>();

  async run(name: string, _ttlMs: number, work: () => Promise<void>): Promise<boolean> {
    if (this.held.has(name)) return false;
    this.held.add(name);
    try {
      await work();
      return true;
    } finally {
      this.held.delete(name);
    }
  }

  async mark(key: string): Promise<string | null> {
    return this.marks.get(key) ?? null;
  }

  async setMark(key: string, value: string, _ttlMs?: number): Promise<void> {
    this.marks.set(key, value);
  }

  async close(): Promise<void> {}
}

/** Deletes / extends the key only while it still holds our token: an expired lock taken over by another instance is theirs. */
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const EXTEND = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

/**
 * SET NX PX with a random token, renewed every third of its TTL while the work runs (a scan may
 * outlast one TTL), released by compare-and-delete. If this process dies the lock expires after
 * `ttlMs` and the next instance's tick takes over. Redis unreachable: the work is skipped (the next
 * tick retries) rather than risk two instances at once.
 */
export class RedisJobLock implements JobLock {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'honglin:job:',
  ) {
    // Lazy: instances that run no background work never open the connection.
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: true });
  }

  async run(name: string, ttlMs: number, work: () => Promise<void>): Promise<boolean> {
    const key = `${this.prefix}lock:${name}`;
    const token = randomBytes(16).toString('hex');
    if ((await this.redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') return false;
    const renew = setInterval(() => void this.redis.eval(EXTEND, 1, key, token, String(ttlMs)).catch(() => undefined), Math.max(1, Math.floor(ttlMs / 3)));
    renew.unref();
    try {
      await work();
      return true;
    } finally {
      clearInterval(renew);
      await this.redis.eval(RELEASE, 1, key, token).catch(() => undefined);
    }
  }

  mark(key: string): Promise<string | null> {
    return this.redis.get(`${this.prefix}mark:${key}`);
  }

  async setMark(key: string, value: string, ttlMs: number): Promise<void> {
    await this.redis.set(`${this.prefix}mark:${key}`, value, 'PX', ttlMs);
  }

  async close(): Promise<void> {
    if (this.redis.status === 'wait') this.redis.disconnect();
    else await this.redis.quit().catch(() => undefined);
  }
}

export const jobLock = (redisUrl: string | undefined, prefix?: string): JobLock => (redisUrl ? new RedisJobLock(redisUrl, prefix) : new LocalJobLock());
