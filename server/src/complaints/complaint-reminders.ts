import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { COMPLAINT_DUE_SOON_HOURS } from '@honglin/shared';
import { PeriodicJob } from '../common/periodic-job.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { OrgRepository } from '../organizations/org.repository.js';
import { ComplaintNotices } from './complaint-notices.js';
import { ComplaintsRepository, type ReminderKind } from './complaints.repository.js';
import { clock } from '../common/clock.js';

const BATCH = 100;
const MAX_BATCHES = 100;
/** Hourly: a complaint entering its last 48 hours is flagged within the hour; an idle pass is two indexed queries. */
const PASS_MS = 3_600_000;

/**
 * Urgent reminders to the responsible admins for unanswered complaints due within 48 hours, and again
 * once overdue: at most once per complaint per kind (a marker on the complaint, claimed by a
 * conditional UPDATE in the transaction that writes the notices), so safe on several instances.
 */
@Injectable()
export class ComplaintReminders {
  private readonly logger = new Logger('ComplaintReminders');

  constructor(
    private readonly repo: ComplaintsRepository,
    private readonly org: OrgRepository,
    private readonly notices: ComplaintNotices,
    private readonly tx: TransactionRunner,
  ) {}

  /** One pass; returns how many complaints were reminded about. Overdue first, so a late pass never sends a stale "due soon". */
  async run(now = clock.now()): Promise<number> {
    const horizon = new Date(now.getTime() + COMPLAINT_DUE_SOON_HOURS * 3_600_000);
    let reminded = 0;
    for (const kind of ['overdue', 'due_soon'] as ReminderKind[]) {
      for (let pass = 0; pass < MAX_BATCHES; pass++) {
        const batch = await this.repo.toRemind(kind, now, horizon, BATCH);
        if (!batch.length) break;
        const admins = new Map<string, string[]>();
        for (const path of new Set(batch.map((c) => c.orgPath))) admins.set(path, await this.repo.adminsOver(path));
        const names = new Map((await this.org.findNodes([...new Set(batch.map((c) => c.communityId))])).map((n) => [n.id, n.name]));
        reminded += await this.tx.run(async (em) => {
          let n = 0;
          for (const c of batch) {
            if (!(await this.repo.markReminded(em, c.id, kind, now))) continue;
            const to = (admins.get(c.orgPath) ?? []).filter((id) => id !== c.complainantId && id !== c.accusedUserId);
            if (!to.length) this.logger.warn(`complaint ${c.id} has no admin to remind (${kind})`);
            await this.notices.reminder(em, c, kind, to, names.get(c.communityId) ?? '');
            n++;
          }
          return n;
        });
        if (batch.length < BATCH) break;
      }
    }
    return reminded;
  }
}

/** Runs the reminders on the instances that run background workers. */
@Injectable()
export class ComplaintReminderJob implements OnModuleInit, OnModuleDestroy {
  private readonly job: PeriodicJob;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    reminders: ComplaintReminders,
  ) {
    this.job = new PeriodicJob('complaint reminders', PASS_MS, () => reminders.run(), new Logger('ComplaintReminderJob'));
  }

  onModuleInit(): void {
    if (this.config.OUTBOX_WORKER) this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }
}
