import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { jobLock, type JobLock } from '../common/job-lock.js';
import { PeriodicJob } from '../common/periodic-job.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { RollupService } from './rollup.service.js';

const LOCK_TTL_MS = 5 * 60_000;

/**
 * Refreshes the rollups every minute (with the outbox worker's switch). Under the shared JobLock:
 * with REDIS_URL only one instance refreshes at a time. Two refreshes at once would still be correct
 * (each replaces whole days in one transaction), only wasteful.
 */
@Injectable()
export class RollupJob implements OnModuleInit, OnModuleDestroy {
  private readonly job: PeriodicJob;
  readonly lock: JobLock;
  private first: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rollups: RollupService,
  ) {
    this.job = new PeriodicJob('analytics rollups', 60_000, () => this.tick(), new Logger('RollupJob'));
    this.lock = jobLock(config.REDIS_URL);
  }

  /** One refresh if this instance gets the lock; false when another instance holds it. */
  tick(): Promise<boolean> {
    return this.lock.run('analytics-refresh', LOCK_TTL_MS, async () => {
      await this.rollups.refresh();
    });
  }

  onModuleInit(): void {
    if (!this.config.OUTBOX_WORKER) return;
    this.job.start();
    // A fresh server shows figures within seconds rather than after the first interval.
    this.first = setTimeout(() => {
      this.first = null;
      void this.tick().catch((e: Error) => {
        // A server shut down within the first seconds has closed its database: nothing to report.
        if (!this.stopped) new Logger('RollupJob').error(`first refresh failed: ${e.message}`);
      });
    }, 2_000).unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.first) clearTimeout(this.first);
    await this.job.stop();
    await this.lock.close();
  }
}
