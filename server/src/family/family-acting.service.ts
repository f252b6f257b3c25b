import { Injectable } from '@nestjs/common';
import { ERRORS, type CheckInResult, type Companion, type EnrollmentView, type ErrorCode, type FamilyCheckInRequest, type InboxItemView, type MyEnrollmentView, type Page } from '@honglin/shared';
import type { EntityManager } from 'typeorm';
import { ActivitiesService } from '../activities/activities.service.js';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { AuditTrail } from '../audit/audit-trail.service.js';
import { CheckInService } from '../checkin/check-in.service.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { EnrollmentRepository } from '../enrollment/enrollment.repository.js';
import { EnrollmentService } from '../enrollment/enrollment.service.js';
import { NotificationService } from '../notifications/notification.service.js';
import type { FamilyLink } from './family-link.entity.js';
import { FamilyLinksService } from './family-links.service.js';
import { ProxyActions, type ActingFor } from './proxy-actions.service.js';

/** The engine's refusals speak to the person signing up ("您…"); a family member needs them about the elder. */
const ABOUT_THE_ELDER: Partial<Record<ErrorCode, string>> = {
  ENROLLMENT_EXISTS: 'TA已经报过名了，可在TA的活动中查看',
  ENROLLMENT_AGE_INELIGIBLE: 'TA的年龄不在本活动的报名范围内',
  ENROLLMENT_RESIDENCE_INELIGIBLE: '本活动仅限指定社区或网格的居民报名，TA不在范围内',
  ENROLLMENT_PARTY_ONLY: '本活动仅限党员报名',
  ENROLLMENT_NOT_ENOUGH_PLACES: '剩余名额不够TA和同行人，请减少同行人后再试',
  CHECKIN_NOT_INVITED: 'TA不在本次签到名单中，请先替TA报名',
  CHECKIN_ALREADY_DONE: 'TA已经签到过了，无需重复签到',
};

/** A family member looking at an elder's things: the elder is the subject, the link the resource. */
function familyRead(action: string, acting: ActingFor) {
  const linkId = acting.consent.kind === 'family_link' ? acting.consent.linkId : null;
  return { action, subjects: [acting.subjectUserId], resourceId: linkId, role: 'family' };
}

function aboutTheElder(error: unknown): never {
  if (error instanceof AppError && ABOUT_THE_ELDER[error.code] && error.message === ERRORS[error.code].message) {
    throw new AppError(error.code, error.fields, ABOUT_THE_ELDER[error.code]);
  }
  throw error;
}

/**
 * A family member acting for an older resident through the SAME paths the resident uses (the one
 * enrollment engine, the one check-in mechanism, the one inbox). Each action first needs an active
 * link, re-checked under lock inside the action's transaction, and writes its acting-for record there.
 */
@Injectable()
export class FamilyActingService {
  constructor(
    private readonly links: FamilyLinksService,
    private readonly proxies: ProxyActions,
    private readonly activities: ActivitiesService,
    private readonly engine: EnrollmentService,
    private readonly enrollments: EnrollmentRepository,
    private readonly checkIns: CheckInService,
    private readonly notifications: NotificationService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditTrail,
  ) {}

  async signUp(actor: Actor, elderId: string, activityId: string, companions: Companion[]): Promise<EnrollmentView> {
    const acting = await this.acting(actor, elderId);
    const activity = await this.activities.require(activityId);
    const e = await this.tx
      .run(async (em) => {
        await this.hold(em, acting);
        const e = await this.activities.signUpIn(em, activityId, elderId, companions, { userId: actor.userId, reason: '家人代报名' });
        await this.proxies.record(em, acting, { action: 'activity_signup', targetType: 'enrollment', targetId: e.id, targetTitle: activity.title });
        return e;
      })
      .catch(aboutTheElder);
    return this.engine.view(e);
  }

  /** Cancels one of the elder's enrollments under the elder's own rules (the cancellation deadline holds). */
  async cancel(actor: Actor, elderId: string, enrollmentId: string): Promise<EnrollmentView> {
    const acting = await this.acting(actor, elderId);
    const e = await this.tx.run(async (em) => {
      await this.hold(em, acting);
      const cancelled = await this.engine.cancel(em, enrollmentId, { userId: elderId });
      const slot = (await this.enrollments.slot(cancelled.slotId, em))!;
      await this.proxies.record(em, acting, { action: 'enrollment_cancel', targetType: 'enrollment', targetId: cancelled.id, targetTitle: slot.title });
      return cancelled;
    });
    return this.engine.view(e);
  }

  /** At the venue with the elder: the family member enters the code on the organiser's screen for them. */
  async checkIn(actor: Actor, elderId: string, req: FamilyCheckInRequest): Promise<CheckInResult> {
    const acting = await this.acting(actor, elderId);
    return this.checkIns
      .redeemFor(actor, elderId, req, '家人陪同代签到', async (em, row, info) => {
        await this.hold(em, acting);
        await this.proxies.record(em, acting, { action: 'checkin', targetType: row.targetType, targetId: row.targetId, targetTitle: info.title });
      })
      .catch(aboutTheElder);
  }

  /** The elder's notices, read without marking them read (the elder still sees them as new); each look is recorded. */
  async inbox(actor: Actor, elderId: string, limit: number, cursor?: string): Promise<Page<InboxItemView> & { unread: number }> {
    const acting = await this.acting(actor, elderId);
    await this.tx.run(async (em) => {
      await this.hold(em, acting);
      await this.proxies.record(em, acting, { action: 'inbox_read', targetType: 'inbox', targetId: elderId, targetTitle: '通知' });
      await this.audit.recordIn(em, actor, familyRead('family.inbox.read', acting));
    });
    return this.notifications.inbox(elderId, limit, cursor);
  }

  /** The elder's 我的活动, so the family member can see what is booked and cancel. */
  async activitiesOf(actor: Actor, elderId: string): Promise<MyEnrollmentView[]> {
    const link = await this.links.requireActive(actor, elderId);
    await this.audit.record(actor, { action: 'family.activities.read', subjects: [elderId], resourceId: link.id, role: 'family' });
    return this.activities.mineOf(elderId);
  }

  private acting(actor: Actor, elderId: string): Promise<ActingFor> {
    return this.links.actingFor(actor, elderId);
  }

  /** Revocation takes effect at once: a link revoked since the first check refuses the action, nothing written. */
  private hold(em: EntityManager, acting: ActingFor): Promise<FamilyLink> {
    return this.links.hold(em, acting);
  }
}
