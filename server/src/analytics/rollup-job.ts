import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import { newId } from '../common/ids.js';
import { PeriodicJob } from '../common/periodic-job.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { RollupService } from './rollup.service.js';

const LOCK_KEY = 'honglin:analytics:refresh';
const LOCK_MS = 5 * 60_000;
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * Refreshes the rollups every minute (with the outbox worker's switch). With REDIS_URL, instances
 * take a lock first so only one refreshes at a time; without Redis there is one instance. Two
 * refreshes at once would still be correct (each day is replaced in one transaction), only wasteful.
 */
@Injectable()
export class RollupJob implements OnModuleInit, OnModuleDestroy {
  private readonly job: PeriodicJob;
  private redis: Redis | null = null;
  private readonly owner = newId();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rollups: RollupService,
  ) {
    this.job = new PeriodicJob('analytics rollups', 60_000, () => this.tick(), new Logger('RollupJob'));
  }

  /** One refresh if this instance gets the lock; false when another instance holds it. */
  async tick(): Promise<boolean> {
    if (this.config.REDIS_URL) {
      this.redis ??= new Redis(this.config.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: false });
      if ((await this.redis.set(LOCK_KEY, this.owner, 'PX', LOCK_MS, 'NX')) !== 'OK') return false;
      try {
        await this.rollups.refresh();
      } finally {
        await this.redis.eval(RELEASE, 1, LOCK_KEY, this.owner);
      }
      return true;
    }
    await this.rollups.refresh();
    return true;
  }

  onModuleInit(): void {
    if (!this.config.OUTBOX_WORKER) return;
    this.job.start();
    // A fresh server shows figures within seconds rather than after the first interval.
    setTimeout(() => void this.tick().catch((e: Error) => new Logger('RollupJob').error(`first refresh failed: ${e.message}`)), 2_000).unref();
  }

  async onModuleDestroy(): Promise<void> {
    await this.job.stop();
    this.redis?.disconnect();
  }
}
