import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CORRECTION_FIELD_LABELS, chinaDay, daysBetween, type CorrectionRequest, type CorrectionView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { label } from './care-views.js';
import type { CorrectionRequestRow } from './correction.entity.js';
import { CorrectionsRepository } from './corrections.repository.js';
import { assertGridStaff, assertInGrid } from './grid-scope.js';
import { HouseholdsRepository } from './households.repository.js';
import { RiskRules, type RiskContext, type RiskFinding, type RiskRule } from './risk-rules.js';
import { clock } from '../common/clock.js';

const DAY_MS = 86_400_000;

/** 更正申请: the resident asks, the grid staff of their household accept (having corrected it) or reject with a reason. */
@Injectable()
export class CorrectionsService {
  constructor(
    private readonly repo: CorrectionsRepository,
    private readonly households: HouseholdsRepository,
    private readonly tx: TransactionRunner,
  ) {}

  async file(actor: Actor, dto: CorrectionRequest): Promise<CorrectionView> {
    const member = await this.households.activeMembership(actor.userId);
    const h = member ? await this.households.household(member.householdId) : null;
    if (!member || !h) throw new AppError('CORRECTION_NO_FILE');
    const row: CorrectionRequestRow = {
      id: newId(),
      userId: actor.userId,
      householdId: h.id,
      communityId: h.communityId,
      path: h.path,
      field: dto.field,
      proposed: dto.proposed,
      reason: dto.reason || null,
      status: 'open',
      openKey: `${actor.userId}:${dto.field}`,
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
      createdAt: clock.now(),
    };
    await this.tx.run((em) => this.repo.insert(em, row));
    return (await this.views([row]))[0];
  }

  async mine(actor: Actor): Promise<CorrectionView[]> {
    return this.views(await this.repo.mine(actor.userId));
  }

  async list(actor: Actor, open: boolean): Promise<CorrectionView[]> {
    return this.views(await this.repo.under(assertGridStaff(actor), open));
  }

  async decide(actor: Actor, id: string, status: 'accepted' | 'rejected', reason: string): Promise<CorrectionView> {
    assertGridStaff(actor);
    const row = await this.repo.find(id);
    if (!row) throw AppError.notFound();
    assertInGrid(actor, row.path);
    if (row.status !== 'open') throw new AppError('CORRECTION_NOT_OPEN');
    const patch = { status, decidedBy: actor.userId, decidedAt: clock.now(), decisionReason: reason };
    await this.tx.run(async (em) => {
      if (!(await this.repo.decide(em, id, patch))) throw new AppError('CORRECTION_NOT_OPEN');
    });
    return (await this.views([{ ...row, ...patch, openKey: null }]))[0];
  }

  private async views(rows: CorrectionRequestRow[]): Promise<CorrectionView[]> {
    const [users, households] = await Promise.all([this.households.users(rows.map((r) => r.userId)), this.households.households(rows.map((r) => r.householdId))]);
    const buildings = new Map((await this.households.nodes(households.map((h) => h.buildingId))).map((n) => [n.id, n.name]));
    const names = new Map(users.map((u) => [u.id, u.name]));
    const hh = new Map(households.map((h) => [h.id, { id: h.id, label: label(h.unit, h.room, buildings.get(h.buildingId)) }]));
    return rows.map((r) => ({
      id: r.id,
      person: { id: r.userId, name: names.get(r.userId) ?? '' },
      household: hh.get(r.householdId) ?? null,
      field: r.field,
      proposed: r.proposed,
      reason: r.reason,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
      decisionReason: r.decisionReason,
    }));
  }
}

/** 更正申请久未处理: a resident's correction request open for `days` (default 14) Asia/Shanghai days. */
@Injectable()
export class OverdueCorrectionRule implements RiskRule, OnModuleInit {
  readonly code = 'correction_overdue';
  readonly level = 'yellow' as const;
  readonly defaults = { days: 14 };

  constructor(
    private readonly rules: RiskRules,
    private readonly repo: CorrectionsRepository,
    private readonly households: HouseholdsRepository,
  ) {}

  onModuleInit(): void {
    this.rules.register(this);
  }

  async evaluate(ctx: RiskContext): Promise<RiskFinding[]> {
    // Thresholds are at most a year: read everything open longer than a day, then judge per community.
    const open = await this.repo.openSince(new Date(ctx.now.getTime() - DAY_MS), ctx.householdIds);
    const names = new Map((await this.households.users(open.map((r) => r.userId))).map((u) => [u.id, u.name]));
    const out: RiskFinding[] = [];
    for (const r of open) {
      const days = daysBetween(chinaDay(r.createdAt), ctx.today);
      if (days < (await ctx.threshold(r.communityId, this, 'days'))) continue;
      out.push({
        subjectId: r.id,
        subjectUserId: r.userId,
        householdId: r.householdId,
        communityId: r.communityId,
        path: r.path,
        factKey: `correction:${r.id}`,
        sentence: `${names.get(r.userId) ?? '居民'}于${chinaDay(r.createdAt)}申请更正“${CORRECTION_FIELD_LABELS[r.field]}”，已${days}天未处理，请尽快核实后答复。`,
      });
    }
    return out;
  }
}
