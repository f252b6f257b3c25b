import { Injectable } from '@nestjs/common';
import { DEFAULT_CADENCE, type Cadence, type CareSettingsRequest, type CareSettingsView, type WarningListQuery, type WarningView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { CareRepository } from './care.repository.js';
import { CareViews } from './care-views.js';
import { assertGridStaff, assertInGrid, isCommunityStaff } from './grid-scope.js';
import { RiskRules } from './risk-rules.js';
import type { RiskWarning } from './risk-warning.entity.js';
import { clock } from '../common/clock.js';

/** The warnings inbox (acknowledge, resolve with a note) and each community's cadence and thresholds. */
@Injectable()
export class RiskWarningsService {
  constructor(
    private readonly care: CareRepository,
    private readonly views: CareViews,
    private readonly rules: RiskRules,
    private readonly tx: TransactionRunner,
  ) {}

  async list(actor: Actor, q: WarningListQuery): Promise<WarningView[]> {
    const paths = assertGridStaff(actor);
    return this.views.warnings(await this.care.warningsUnder(paths, q.status === 'open', q.limit));
  }

  /** Acknowledging stops the escalation clock. Someone else's grid's warning does not exist for the caller. */
  async acknowledge(actor: Actor, id: string): Promise<WarningView> {
    const w = await this.inScope(actor, id);
    if (w.status === 'acknowledged') return (await this.views.warnings([w]))[0];
    if (w.status !== 'raised') throw new AppError('WARNING_NOT_OPEN');
    const patch = { status: 'acknowledged' as const, acknowledgedBy: actor.userId, acknowledgedAt: clock.now(), escalateAt: null };
    await this.tx.run(async (em) => {
      if (!(await this.care.transition(em, w.id, 'raised', patch))) throw new AppError('WARNING_NOT_OPEN');
    });
    return (await this.views.warnings([{ ...w, ...patch }]))[0];
  }

  /** Resolving frees the rule and subject: new facts may raise it again. */
  async resolve(actor: Actor, id: string, note: string): Promise<WarningView> {
    const w = await this.inScope(actor, id);
    if (w.status === 'raised') throw new AppError('WARNING_NOT_ACKNOWLEDGED');
    if (w.status !== 'acknowledged') throw new AppError('WARNING_NOT_OPEN');
    const patch = { status: 'resolved' as const, resolvedBy: actor.userId, resolvedAt: clock.now(), resolutionNote: note, openKey: null };
    await this.tx.run(async (em) => {
      if (!(await this.care.transition(em, w.id, 'acknowledged', patch))) throw new AppError('WARNING_NOT_OPEN');
    });
    return (await this.views.warnings([{ ...w, ...patch }]))[0];
  }

  async settings(actor: Actor, communityId: string): Promise<CareSettingsView> {
    await this.community(actor, communityId, false);
    const s = await this.care.settings(communityId);
    return { communityId, cadence: { ...DEFAULT_CADENCE, ...(s?.cadence ?? {}) } as Cadence, thresholds: this.thresholds(s?.thresholds ?? {}) };
  }

  /** Organisers and admins of the community only; unknown threshold names are refused, not stored. */
  async saveSettings(actor: Actor, communityId: string, dto: CareSettingsRequest): Promise<CareSettingsView> {
    await this.community(actor, communityId, true);
    const known = new Set(Object.keys(this.thresholds({})));
    const unknown = Object.keys(dto.thresholds ?? {}).filter((k) => !known.has(k));
    if (unknown.length) throw new AppError('VALIDATION_FAILED', unknown.map((k) => ({ field: `thresholds.${k}`, message: '没有这项预警阈值' })));
    const current = await this.care.settings(communityId);
    await this.tx.run((em) =>
      this.care.saveSettings(em, {
        communityId,
        cadence: dto.cadence ?? current?.cadence ?? {},
        thresholds: { ...(current?.thresholds ?? {}), ...(dto.thresholds ?? {}) },
        updatedBy: actor.userId,
        updatedAt: clock.now(),
      }),
    );
    // Schedules follow the new cadence at the next nightly recompute.
    return this.settings(actor, communityId);
  }

  private thresholds(saved: Record<string, number>): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of this.rules.all()) for (const [k, v] of Object.entries(r.defaults)) out[`${r.code}.${k}`] = saved[`${r.code}.${k}`] ?? v;
    return out;
  }

  private async community(actor: Actor, communityId: string, write: boolean): Promise<void> {
    const [node] = await this.care.nodes([communityId]);
    if (!node || node.kind !== 'community') throw AppError.notFound();
    if (write ? !isCommunityStaff(actor, node.path) : !assertGridStaff(actor).some((p) => p.startsWith(node.path) || node.path.startsWith(p))) {
      if (!assertGridStaff(actor).some((p) => p.startsWith(node.path))) throw AppError.notFound();
      throw new AppError('FORBIDDEN');
    }
  }

  private async inScope(actor: Actor, id: string): Promise<RiskWarning> {
    assertGridStaff(actor);
    const w = await this.care.warning(id);
    if (!w) throw AppError.notFound();
    assertInGrid(actor, w.path);
    return w;
  }
}
