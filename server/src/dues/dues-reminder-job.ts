import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { PeriodicJob } from '../common/periodic-job.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { DuesReminders } from './dues-reminders.js';

/**
 * A pass every 10 minutes: a reminder whose time came (10:00 Beijing) goes out within minutes, and
 * each pass is one indexed query per open window when there is nothing to do.
 */
const PASS_MS = 10 * 60_000;

/** Runs the automatic dues reminders on the instances that run background workers. */
@Injectable()
export class DuesReminderJob implements OnModuleInit, OnModuleDestroy {
  private readonly job: PeriodicJob;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    reminders: DuesReminders,
  ) {
    this.job = new PeriodicJob('dues reminders', PASS_MS, () => reminders.run(), new Logger('DuesReminderJob'));
  }

  onModuleInit(): void {
    if (this.config.OUTBOX_WORKER) this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }
}
