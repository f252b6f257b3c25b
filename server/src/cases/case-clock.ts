import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { CASE_REOPEN_DAYS } from '@honglin/shared';
import { clock } from '../common/clock.js';
import { PeriodicJob } from '../common/periodic-job.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { CaseKinds } from './case-kinds.js';
import { CasePlaces } from './case-places.js';
import { CaseWorkflow } from './case-workflow.js';
import type { Case } from './case.entity.js';
import { CasesRepository } from './cases.repository.js';
import { addWorkingDays } from './working-days.js';

const BATCH = 200;
const MAX_BATCHES = 50;
/** Every five minutes: a 2-hour safety deadline is reminded and escalated within minutes of its time. */
const PASS_MS = 300_000;

/**
 * The deadline clock of every case: due-soon reminders to the handler, escalation when a deadline passes
 * (the community's organisers, then — one working day later — the street), and closing resolved cases
 * nobody rated within CASE_REOPEN_DAYS. Each step is claimed by a conditional UPDATE in the transaction
 * that writes its timeline entry and notices, so two instances (or a late pass) never do it twice.
 */
@Injectable()
export class CaseClock {
  private readonly logger = new Logger('CaseClock');

  constructor(
    private readonly repo: CasesRepository,
    private readonly places: CasePlaces,
    private readonly workflow: CaseWorkflow,
    private readonly kinds: CaseKinds,
    private readonly tx: TransactionRunner,
  ) {}

  /** One pass at `now`; returns how many steps were taken. Escalations first, so a late pass never sends a stale "due soon". */
  async run(now = clock.now()): Promise<{ escalated: number; reminded: number; closed: number }> {
    const escalated = await this.batches(() => this.repo.toEscalate(now, BATCH), (c) => this.escalate(c, now));
    const reminded = await this.batches(() => this.repo.dueSoon(now, BATCH), (c) => this.remind(c, now));
    const closed = await this.batches(() => this.repo.unratedSince(new Date(now.getTime() - CASE_REOPEN_DAYS * 86_400_000), BATCH), (c) => this.close(c, now));
    return { escalated, reminded, closed };
  }

  private async batches(next: () => Promise<Case[]>, one: (c: Case) => Promise<boolean>): Promise<number> {
    let n = 0;
    for (let pass = 0; pass < MAX_BATCHES; pass++) {
      const batch = await next();
      let moved = 0;
      for (const c of batch) if (await one(c)) moved++;
      n += moved;
      // Nothing moved: the rest were claimed elsewhere; stop instead of spinning on the same rows.
      if (batch.length < BATCH || !moved) break;
    }
    return n;
  }

  private async escalate(c: Case, now: Date): Promise<boolean> {
    const policy = this.kinds.get(c.kind);
    const max = this.kinds.maxEscalation(c.kind);
    const level = c.escalationLevel + 1;
    const next = level < max ? addWorkingDays(now, 1) : null;
    const to = policy?.ownNotices ? [] : await this.places.escalationTo(c, level);
    if (!policy?.ownNotices && !to.length) this.logger.warn(`case ${c.id}: nobody to escalate to at level ${level}`);
    const what = c.status === 'pending' ? '超期未受理' : '超期未办结';
    const where = policy?.ownNotices ? '' : `，升级至${level >= 2 ? '街道' : '社区'}督办`;
    return this.tx.run(async (em) => {
      if (!(await this.repo.claimEscalation(em, c.id, c.escalationLevel, next))) return false;
      const moved = { ...c, escalationLevel: level, escalateAt: next, dueSoonAt: null };
      await this.workflow.record(em, moved, { actorId: null, event: 'escalated', text: `${what}${where}`, staff: [...to, ...(c.handlerId ? [c.handlerId] : [])] }, now);
      await policy?.escalated?.(em, moved, level, now);
      return true;
    });
  }

  private remind(c: Case, now: Date): Promise<boolean> {
    return this.tx.run(async (em) => {
      if (!(await this.repo.claimDueSoon(em, c.id, now))) return false;
      await this.workflow.record(em, c, { actorId: null, event: 'due_soon', text: c.status === 'pending' ? '即将超过受理时限' : '即将超过办结时限', staff: c.handlerId ? [c.handlerId] : [] }, now);
      await this.kinds.get(c.kind)?.dueSoon?.(em, c, now);
      return true;
    });
  }

  private async close(c: Case, now: Date): Promise<boolean> {
    try {
      await this.workflow.step(c, { action: 'close', actorId: null, event: 'closed', text: `办结${CASE_REOPEN_DAYS}天内未评价，自动关闭`, patch: { closedAt: now } }, now);
      return true;
    } catch {
      return false;
    }
  }
}

/** Runs the clock on the instances that run background workers. */
@Injectable()
export class CaseClockJob implements OnModuleInit, OnModuleDestroy {
  private readonly job: PeriodicJob;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    cases: CaseClock,
  ) {
    this.job = new PeriodicJob('case clock', PASS_MS, () => cases.run(), new Logger('CaseClockJob'));
  }

  onModuleInit(): void {
    if (this.config.OUTBOX_WORKER) this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }
}
