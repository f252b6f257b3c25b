import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { chinaDay, WARNING_ACK_HOURS } from '@honglin/shared';
import { newId } from '../common/ids.js';
import { jobLock, type JobLock } from '../common/job-lock.js';
import { PeriodicJob } from '../common/periodic-job.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { CareRepository } from './care.repository.js';
import { CareSchedule } from './care-schedule.js';
import { HouseholdsRepository } from './households.repository.js';
import { RiskNotices } from './risk-notices.js';
import { RiskRules, type RiskRule } from './risk-rules.js';
import type { RiskWarning } from './risk-warning.entity.js';
import { clock } from '../common/clock.js';

const HOUR_MS = 3_600_000;
/** street/community/grid/ of a building's path. */
const gridOf = (path: string) => path.split('/').filter(Boolean).slice(0, 3).join('/');
const BATCH = 100;

/**
 * Evaluates every registered rule and raises what they find. Idempotent: the warnings' unique keys
 * (one open per rule and subject; one per rule, subject and facts) make a rescan, or two instances
 * scanning at once, raise nothing twice. Incremental runs (after a visit) look at one household.
 */
@Injectable()
export class RiskEngine {
  constructor(
    private readonly rules: RiskRules,
    private readonly care: CareRepository,
    private readonly notices: RiskNotices,
    private readonly tx: TransactionRunner,
  ) {}

  /** Returns how many warnings this run raised. */
  async scan(now = clock.now(), householdIds?: string[]): Promise<number> {
    const settings = new Map<string, Record<string, number>>();
    const ctx = {
      now,
      today: chinaDay(now),
      householdIds,
      threshold: async (communityId: string, rule: RiskRule, key: string) => {
        if (!settings.has(communityId)) settings.set(communityId, (await this.care.settings(communityId))?.thresholds ?? {});
        return settings.get(communityId)![`${rule.code}.${key}`] ?? rule.defaults[key];
      },
    };
    let raised = 0;
    const recipients = new Map<string, string[]>();
    for (const rule of this.rules.all()) {
      const findings = await rule.evaluate(ctx);
      for (let i = 0; i < findings.length; i += BATCH) {
        const batch = findings.slice(i, i + BATCH).map((f): RiskWarning => {
          const ackDueAt = new Date(now.getTime() + WARNING_ACK_HOURS[rule.level] * HOUR_MS);
          return { id: newId(), rule: rule.code, level: rule.level, status: 'raised', ...f, openKey: `${rule.code}:${f.subjectId}`, raisedAt: now, ackDueAt, escalateAt: ackDueAt, escalation: 0, acknowledgedBy: null, acknowledgedAt: null, resolvedBy: null, resolvedAt: null, resolutionNote: null, createdAt: now };
        });
        // Recipients depend on the grid only: looked up once per grid per scan.
        for (const w of batch) {
          const grid = gridOf(w.path);
          if (!recipients.has(grid)) recipients.set(grid, await this.notices.recipients(w, 0));
        }
        raised += await this.tx.run(async (em) => {
          const fresh = await this.care.raise(em, batch);
          await this.notices.raised(em, fresh.map((w) => ({ w, to: recipients.get(gridOf(w.path)) ?? [] })));
          return fresh.length;
        });
      }
    }
    return raised;
  }

  /** Tells the next level up about warnings nobody acknowledged in time; each step once. */
  async escalate(now = clock.now()): Promise<number> {
    let moved = 0;
    for (let pass = 0; pass < 100; pass++) {
      const due = await this.care.toEscalate(now, BATCH);
      if (!due.length) break;
      for (const w of due) {
        const step = w.escalation + 1;
        const to = await this.notices.recipients(w, step);
        const next = step < 2 ? new Date(now.getTime() + WARNING_ACK_HOURS[w.level] * HOUR_MS) : null;
        moved += await this.tx.run(async (em) => {
          if (!(await this.care.markEscalated(em, w.id, w.escalation, next))) return 0;
          await this.notices.escalated(em, { ...w, escalation: step }, step, to);
          return 1;
        });
      }
      if (due.length < BATCH) break;
    }
    return moved;
  }
}

/** Longer than any scan; renewed while one runs, so it only matters when an instance dies mid-scan. */
const LOCK_TTL_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

/**
 * The warnings job on the instances that run background workers: escalations every 10 minutes; the
 * full scan (with the schedules recomputed, people turn 80) once per Asia/Shanghai day. With
 * REDIS_URL one instance at a time runs a tick (a Redis lock) and the day of the last full scan is
 * shared there, so a fleet scans once a day, not once per instance. The unique keys would keep two
 * scans harmless anyway; the lock keeps them from doubling the load.
 */
@Injectable()
export class RiskJob implements OnModuleInit, OnModuleDestroy {
  private readonly job: PeriodicJob;
  readonly lock: JobLock;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly engine: RiskEngine,
    private readonly households: HouseholdsRepository,
    private readonly schedule: CareSchedule,
    private readonly tx: TransactionRunner,
  ) {
    this.job = new PeriodicJob('risk warnings', 10 * 60_000, () => this.tick(), new Logger('RiskJob'));
    this.lock = jobLock(config.REDIS_URL);
  }

  /** One tick; false when another instance was running one (this one did nothing). */
  tick(now = clock.now()): Promise<boolean> {
    return this.lock.run('risk-scan', LOCK_TTL_MS, async () => {
      const today = chinaDay(now);
      if ((await this.lock.mark('risk-full-scan-day')) !== today) {
        await this.refreshSchedules(now);
        await this.engine.scan(now);
        await this.lock.setMark('risk-full-scan-day', today, 2 * DAY_MS);
      }
      await this.engine.escalate(now);
    });
  }

  /** Derived tags change with the calendar (高龄 at 80): recompute every schedule, a page at a time. */
  async refreshSchedules(now = clock.now()): Promise<void> {
    let after = '';
    for (;;) {
      const page = await this.households.page(after, 500);
      if (!page.length) break;
      for (const h of page) await this.tx.run((em) => this.schedule.recompute(em, h, now));
      after = page[page.length - 1].id;
    }
  }

  onModuleInit(): void {
    if (this.config.OUTBOX_WORKER) this.job.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.job.stop();
    await this.lock.close();
  }
}
