import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { formatChinaDateTime } from '@honglin/shared';
import { PeriodicJob } from '../common/periodic-job.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { NotificationService } from '../notifications/notification.service.js';
import { HoursService } from './hours.service.js';
import { MobilisationRepository } from './mobilisation.repository.js';
import { callLink, laterWave } from './mobilisation.service.js';
import { clock } from '../common/clock.js';

/**
 * Volunteering's periodic work, on the shared PeriodicJob and the enrollment sweep's interval: the 24 h
 * auto check-out, reminders to the silent ones of calls still short, and closing calls past their
 * deadline. Every step is a conditional update or a unique key, so several instances may run it.
 */
@Injectable()
export class VolunteeringJobs implements OnModuleInit, OnModuleDestroy {
  private readonly job: PeriodicJob;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hours: HoursService,
    private readonly calls: MobilisationRepository,
    private readonly notifications: NotificationService,
    private readonly tx: TransactionRunner,
  ) {
    this.job = new PeriodicJob('volunteering', config.ENROLLMENT_SWEEP_MS, () => this.run(), new Logger('VolunteeringJobs'));
  }

  onModuleInit(): void {
    if (this.config.OUTBOX_WORKER) this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  async run(now = clock.now()): Promise<{ autoCheckedOut: number; reminded: number; closed: number }> {
    const autoCheckedOut = await this.hours.autoCheckOut(now);
    const reminded = await this.remindSilent(now);
    const closed = await this.closePastDeadline(now);
    return { autoCheckedOut, reminded, closed };
  }

  /** One reminder round per call, to those who have not answered, while the call is still short. */
  async remindSilent(now = clock.now()): Promise<number> {
    let n = 0;
    for (const call of await this.calls.dueReminders(now, 20)) {
      const silent = await this.calls.silent(call.id);
      await this.tx.run(async (em) => {
        if (!(await this.calls.claimReminder(em, call.id, now))) return;
        const rows = silent.map((userId) => ({
          userId,
          kind: 'mobilisation_reminder',
          title: `还缺人：${call.title}`.slice(0, 60),
          body: `“${call.title}”还没有招满，请在${formatChinaDateTime(call.deadline)}前回复能否参加。`,
          link: callLink(call.id),
          urgent: true,
          dedupeKey: `mobr:${call.id}:${userId}`,
        }));
        for (let i = 0; i < rows.length; i += 500) await this.notifications.enqueueMany(em, rows.slice(i, i + 500));
        n += rows.length;
      });
    }
    return n;
  }

  private async closePastDeadline(now: Date): Promise<number> {
    let n = 0;
    for (const call of await this.calls.pastDeadline(now, 50)) {
      await this.tx.run(async (em) => {
        if (await this.calls.moveCall(em, call.id, call.status, { status: 'closed' })) {
          await this.notifications.cancelGroup(em, laterWave(call.id));
          n++;
        }
      });
    }
    return n;
  }
}
