import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PeriodicJob } from '../common/periodic-job.js';
import { CheckInRepository } from '../checkin/check-in.repository.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { StudyRepository } from '../study/study.repository.js';
import { clock } from '../common/clock.js';

const DAY_MS = 86_400_000;
/** Hourly is plenty for a 90-day horizon, and keeps each pass small. */
const PASS_MS = 3_600_000;

/**
 * Deletes personal traces the product needs only for a while: how far from the meeting place someone
 * scanned (only the distance is ever stored, never coordinates) and each study session's timing. What
 * the branch keeps on record — attendance, study totals, points — stays.
 */
@Injectable()
export class RetentionService implements OnModuleInit, OnModuleDestroy {
  private readonly job: PeriodicJob;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly checkIns: CheckInRepository,
    private readonly study: StudyRepository,
  ) {
    this.job = new PeriodicJob('retention', PASS_MS, () => this.run(), new Logger('Retention'));
  }

  async run(now = clock.now()): Promise<{ distancesForgotten: number; sessionsDeleted: number }> {
    const before = new Date(now.getTime() - this.config.RETENTION_DAYS * DAY_MS);
    return { distancesForgotten: await this.checkIns.forgetDistancesBefore(before), sessionsDeleted: await this.study.purgeClosedSessionsBefore(before) };
  }

  onModuleInit(): void {
    if (this.config.OUTBOX_WORKER) this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }
}
