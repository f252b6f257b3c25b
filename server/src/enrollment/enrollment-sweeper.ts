import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PeriodicJob } from '../common/periodic-job.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { EnrollmentService } from './enrollment.service.js';

/** Periodically passes lapsed waitlist offers on. Safe on several instances: every step is a conditional update. */
@Injectable()
export class EnrollmentSweeper implements OnModuleInit, OnModuleDestroy {
  private readonly job: PeriodicJob;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    enrollment: EnrollmentService,
  ) {
    this.job = new PeriodicJob('enrollment sweep', config.ENROLLMENT_SWEEP_MS, () => enrollment.sweep(), new Logger('EnrollmentSweeper'));
  }

  onModuleInit(): void {
    if (this.config.OUTBOX_WORKER) this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }
}
