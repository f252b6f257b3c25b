import { Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CheckInTargets, type CheckInTargetInfo, type CheckInTargetResolver } from '../checkin/check-in-targets.js';
import type { CheckIn } from '../checkin/check-in.entity.js';
import { EnrollmentHooks } from '../enrollment/enrollment-hooks.js';
import { EnrollmentRepository } from '../enrollment/enrollment.repository.js';
import { EnrollmentService } from '../enrollment/enrollment.service.js';
import { LedgerService } from '../points/ledger.service.js';
import { ActivitiesRepository } from './activities.repository.js';
import { OWNER } from './activities.service.js';

/** Check-in opens this long before the start, so early arrivals can scan. */
const OPENS_BEFORE_MS = 30 * 60_000;
const ATTENDING = ['registered', 'confirmed', 'attended'];

/**
 * Activities as a target of the one check-in mechanism (QR shown by the organiser, or assisted), and
 * the owner hook that credits points when an enrollment is marked attended (by check-in or by hand).
 */
@Injectable()
export class ActivityAttendance implements CheckInTargetResolver, OnModuleInit {
  readonly type = OWNER;

  constructor(
    private readonly repo: ActivitiesRepository,
    private readonly enrollments: EnrollmentRepository,
    private readonly engine: EnrollmentService,
    private readonly hooks: EnrollmentHooks,
    private readonly ledger: LedgerService,
    @Optional() private readonly targets?: CheckInTargets,
  ) {}

  onModuleInit(): void {
    this.targets?.register(this);
    this.hooks.register(OWNER, {
      onAttended: async (em, e, slot) => {
        await this.ledger.credit(em, {
          userId: e.userId,
          action: 'activity_attendance',
          source: { type: OWNER, id: slot.ownerId },
          idempotencyKey: `activity_attendance:${e.id}`,
          nodeId: slot.nodeId,
          note: slot.title,
        });
      },
    });
  }

  async describe(activityId: string, em?: EntityManager): Promise<CheckInTargetInfo | null> {
    const a = await this.repo.find(activityId, em);
    if (!a) return null;
    return {
      title: a.title,
      window: { opensAt: new Date(a.startsAt.getTime() - OPENS_BEFORE_MS), closesAt: a.endsAt, lateAfter: a.startsAt },
      finalized: a.status !== 'published',
      allowGeofence: false,
      nodePath: a.communityPath,
    };
  }

  async isInvited(activityId: string, userId: string, em?: EntityManager): Promise<boolean> {
    const a = await this.repo.find(activityId, em);
    const e = a ? await this.enrollments.enrollmentOf(a.slotId, userId, em) : null;
    return !!e && ATTENDING.includes(e.status);
  }

  async onCheckedIn(em: EntityManager, activityId: string, checkIn: CheckIn): Promise<void> {
    const a = (await this.repo.find(activityId, em))!;
    const e = (await this.enrollments.enrollmentOf(a.slotId, checkIn.userId, em))!;
    await this.engine.markAttendance(em, e.id, true);
  }
}
