import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { toChinaParts } from '@honglin/shared';
import { clock } from '../common/clock.js';
import { PeriodicJob } from '../common/periodic-job.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { NotificationService } from '../notifications/notification.service.js';
import { digestText } from './case-digest.js';
import { CasesRepository } from './cases.repository.js';
import { chinaDay } from './working-days.js';

const WEEK_MS = 7 * 86_400_000;
export const CASE_QUEUE_PAGE = '/packages/voice/pages/queue/index';

/**
 * The weekly 热点 digest (Monday morning, Beijing) to each community's organisers and admins: one inbox
 * notice per community per week (deduplicated by the day), through the outbox.
 */
@Injectable()
export class CaseDigest {
  constructor(
    private readonly repo: CasesRepository,
    private readonly notifications: NotificationService,
    private readonly tx: TransactionRunner,
  ) {}

  /** The digest of the 7 days before `now`; returns how many communities were told. */
  async run(now = clock.now()): Promise<number> {
    const weekAgo = new Date(now.getTime() - WEEK_MS);
    const [thisWeek, lastWeek, overdue, unhappy] = await Promise.all([
      this.repo.reportsBetween(weekAgo, now),
      this.repo.reportsBetween(new Date(weekAgo.getTime() - WEEK_MS), weekAgo),
      this.repo.overdueOpen(now),
      this.repo.unsatisfiedBetween(weekAgo, now),
    ]);
    const communities = [...new Set([...thisWeek, ...lastWeek, ...overdue].map((c) => c.communityId))];
    const nodes = new Map((await this.repo.nodes([...communities, ...thisWeek.map((c) => c.gridId ?? ''), ...lastWeek.map((c) => c.gridId ?? '')].filter(Boolean))).map((n) => [n.id, n]));
    const names = new Map((await this.repo.users(unhappy.map((u) => u.handlerId))).map((u) => [u.id, u.name]));
    const grid = (id: string | null) => (id ? (nodes.get(id)?.name ?? '') : '');
    let told = 0;
    for (const communityId of communities) {
      const community = nodes.get(communityId);
      if (!community) continue;
      const to = await this.repo.holders(community.path, ['organiser', 'admin']);
      const unsatisfied = new Map<string, number>();
      for (const u of unhappy.filter((x) => x.communityId === communityId)) unsatisfied.set(names.get(u.handlerId) ?? '', (unsatisfied.get(names.get(u.handlerId) ?? '') ?? 0) + 1);
      const body = digestText({
        thisWeek: thisWeek.filter((c) => c.communityId === communityId).map((c) => ({ category: c.category, gridName: grid(c.gridId) })),
        lastWeek: lastWeek.filter((c) => c.communityId === communityId).map((c) => ({ category: c.category, gridName: grid(c.gridId) })),
        overdue: overdue.filter((c) => c.communityId === communityId).length,
        unsatisfied,
      });
      await this.tx.run((em) =>
        this.notifications.enqueueMany(
          em,
          to.map((userId) => ({ userId, kind: 'case_digest', title: `${community.name}本周居民反映热点`, body, link: CASE_QUEUE_PAGE, dedupeKey: `case-digest:${communityId}:${chinaDay(now)}:${userId}` })),
        ),
      );
      told++;
    }
    return told;
  }
}

/** Hourly look; works on Monday between 08:00 and 09:00 Beijing (the dedupe key holds it to once that day). */
@Injectable()
export class CaseDigestJob implements OnModuleInit, OnModuleDestroy {
  private readonly job: PeriodicJob;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    digest: CaseDigest,
  ) {
    this.job = new PeriodicJob(
      'case digest',
      3_600_000,
      async () => {
        const p = toChinaParts(clock.now());
        if (p.weekday === 1 && p.hour === 8) await digest.run();
      },
      new Logger('CaseDigestJob'),
    );
  }

  onModuleInit(): void {
    if (this.config.OUTBOX_WORKER) this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }
}
