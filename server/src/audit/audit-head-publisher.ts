import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { JsonLogger } from '../common/logger.js';
import { PeriodicJob } from '../common/periodic-job.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { AuditRepository } from './audit.repository.js';

const HOUR_MS = 3_600_000;

/**
 * Writes the chain's head (seq and hash) to the log every hour. The log leaves the database, so a kept
 * line is an anchor for `npm run -s audit:verify -- --anchor <seq>:<hash>`: it shows a tail deleted
 * together with the head rolled back to match, which the database alone cannot.
 */
@Injectable()
export class AuditHeadPublisher implements OnModuleInit, OnModuleDestroy {
  private readonly job: PeriodicJob;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: AuditRepository,
    private readonly logger: JsonLogger,
  ) {
    this.job = new PeriodicJob('audit head', HOUR_MS, () => this.publish(), new Logger('AuditHead'));
  }

  async publish(): Promise<void> {
    const head = await this.repo.head();
    if (head && head.seq > 0) this.logger.event('info', 'audit head', { seq: head.seq, hash: head.hash, anchor: `${head.seq}:${head.hash}` });
  }

  onModuleInit(): void {
    if (this.config.OUTBOX_WORKER) this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }
}
