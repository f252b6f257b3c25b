import { Injectable } from '@nestjs/common';
import { formatChinaDateTime, MAX_IMPACT_MEASURES, shiftsOutsidePeriod, type CampaignDetail, type CampaignEditInput, type ImpactInput, type ShiftView } from '@honglin/shared';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { newId } from '../common/ids.js';
import { assertManages } from '../common/scope.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EnrollmentService } from '../enrollment/enrollment.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import { CampaignsRepository } from './campaigns.repository.js';
import { CampaignsService } from './campaigns.service.js';
import type { VolunteerCampaign } from './campaign.entity.js';
import { ImpactRepository } from './impact.repository.js';
import { MobilisationRepository } from './mobilisation.repository.js';
import { laterWave } from './mobilisation.service.js';
import { ShiftViews } from './shift-views.js';
import { clock } from '../common/clock.js';

/**
 * What an organiser changes on a running drive: its terms, closing it, calling a shift off (through
 * the enrollment engine's cancelSlot, which tells everyone why) and the impact achieved. Scope is
 * the campaign's node: organisers elsewhere get 404, people who manage nothing 403.
 */
@Injectable()
export class CampaignAdminService {
  constructor(
    private readonly repo: CampaignsRepository,
    private readonly impact: ImpactRepository,
    private readonly calls: MobilisationRepository,
    private readonly campaigns: CampaignsService,
    private readonly engine: EnrollmentService,
    private readonly notifications: NotificationService,
    private readonly views: ShiftViews,
    private readonly tx: TransactionRunner,
  ) {}

  /** Title, texts, impact target and period; the period must still contain every planned shift. */
  async edit(actor: Actor, id: string, input: CampaignEditInput): Promise<CampaignDetail> {
    await this.campaigns.managed(actor, id);
    await this.tx.run(async (em) => {
      // Exclusive on the campaign row first: a shift being added waits, and this snapshot sees it.
      const c = (await this.repo.lockedCampaign(em, id, 'pessimistic_write'))!;
      const startsAt = input.startsAt ? new Date(input.startsAt) : c.startsAt;
      const endsAt = input.endsAt ? new Date(input.endsAt) : c.endsAt;
      if (endsAt.getTime() <= startsAt.getTime()) throw new AppError('VALIDATION_FAILED', [{ field: 'endsAt', message: '结束时间须晚于开始时间' }]);
      // Urgent calls are not bound by the period when launched, so they do not bind it either.
      const outside = shiftsOutsidePeriod({ startsAt, endsAt }, (await this.repo.liveShifts(em, id)).filter((s) => !s.callId));
      if (outside.length) {
        const s = outside[0];
        throw new AppError('VOLUNTEER_PERIOD_EXCLUDES_SHIFT', undefined, `岗位“${s.title}”（${formatChinaDateTime(s.startsAt)}）不在新的项目时间内，请先调整时间或取消该岗位`);
      }
      const patch: Partial<VolunteerCampaign> = { startsAt, endsAt };
      if (input.title !== undefined) patch.title = input.title;
      if (input.description !== undefined) patch.description = input.description;
      if (input.goal !== undefined) patch.goal = input.goal;
      if (input.impactMeasure !== undefined) patch.impactMeasure = input.impactMeasure || null;
      if (input.impactTarget !== undefined) patch.impactTarget = input.impactTarget;
      await this.repo.updateCampaign(em, id, patch);
    });
    return this.campaigns.detail(actor, id);
  }

  /** Stops recruiting: no new shifts, sign-ups or calls; shifts already planned go ahead. */
  async close(actor: Actor, id: string): Promise<CampaignDetail> {
    await this.campaigns.managed(actor, id);
    await this.tx.run(async (em) => {
      if (!(await this.repo.closeCampaign(em, id))) throw new AppError('VOLUNTEER_CAMPAIGN_ALREADY_CLOSED');
      for (const call of await this.calls.liveCallsOf(em, id)) {
        if (await this.calls.moveCall(em, call.id, call.status, { status: 'closed' })) await this.notifications.cancelGroup(em, laterWave(call.id));
      }
    });
    return this.campaigns.detail(actor, id);
  }

  /** Calls a shift off before it starts: every place and waiting place is cancelled and told why. */
  async cancelShift(actor: Actor, shiftId: string, reason: string): Promise<ShiftView> {
    const s = await this.repo.shift(shiftId);
    if (!s) throw AppError.notFound();
    assertManages(actor, s.nodePath);
    if (s.status === 'cancelled') throw new AppError('VOLUNTEER_SHIFT_CANCELLED');
    if (s.startsAt.getTime() <= clock.nowMs()) throw new AppError('VOLUNTEER_SHIFT_STARTED');
    await this.tx.run(async (em) => {
      if (!(await this.repo.cancelShift(em, s.id))) throw new AppError('VOLUNTEER_SHIFT_CANCELLED');
      await this.engine.cancelSlot(em, s.slotId, reason);
      const call = s.callId ? await this.calls.call(s.callId, em) : null;
      if (call && call.status !== 'closed' && (await this.calls.moveCall(em, call.id, call.status, { status: 'closed' }))) await this.notifications.cancelGroup(em, laterWave(call.id));
    });
    return (await this.views.of([(await this.repo.shift(s.id))!], actor.userId))[0];
  }

  /** The number achieved so far on one measure; earlier numbers stay as its history. */
  async recordImpact(actor: Actor, id: string, input: ImpactInput): Promise<CampaignDetail> {
    await this.campaigns.managed(actor, id);
    await this.tx.run(async (em) => {
      // One recorder at a time per campaign, so two new measures cannot both slip under the limit.
      const c = (await this.repo.lockedCampaign(em, id, 'pessimistic_write'))!;
      const measures = new Set([...(c.impactMeasure ? [c.impactMeasure] : []), ...(await this.impact.recordsOf(id, em)).map((r) => r.measure)]);
      if (!measures.has(input.measure) && measures.size >= MAX_IMPACT_MEASURES) throw new AppError('VOLUNTEER_IMPACT_TOO_MANY');
      await this.impact.insert(em, { id: newId(), campaignId: id, measure: input.measure, achieved: input.achieved, note: input.note || null, recordedBy: actor.userId, recordedAt: clock.now() });
    });
    return this.campaigns.detail(actor, id);
  }
}
