import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CheckInTargets, type CheckInTargetInfo, type CheckInTargetResolver } from '../checkin/check-in-targets.js';
import type { CheckIn } from '../checkin/check-in.entity.js';
import { EnrollmentRepository } from '../enrollment/enrollment.repository.js';
import { EnrollmentService } from '../enrollment/enrollment.service.js';
import { CampaignsRepository } from './campaigns.repository.js';
import type { VolunteerShift } from './campaign.entity.js';
import { HoursService } from './hours.service.js';
import { SHIFT_IN, SHIFT_OUT } from './hours.repository.js';

const MINUTE = 60_000;
/** Scanning opens this long before the shift, so early arrivals can sign in. */
const OPENS_BEFORE_MS = 30 * MINUTE;
const LATE_AFTER_MS = 10 * MINUTE;
/** Sign-out scans are taken until this long after the end; later, the 24 h auto check-out closes the record. */
const OUT_CLOSES_AFTER_MS = 12 * 60 * MINUTE;
const HOLDING = ['registered', 'confirmed', 'attended'];

/**
 * Shifts are two targets of the one check-in mechanism: `shift` (签到) and `shift_out` (签退). The
 * leader's screen shows one rotating code for each; a second scan (or the leader's assisted check-in
 * of `shift_out`) signs the volunteer out and records Pending hours. No new mechanism: nonces,
 * expiry, one-per-person and the refusal reasons are the check-in mechanism's.
 */
abstract class ShiftTarget implements CheckInTargetResolver {
  abstract readonly type: string;

  constructor(
    protected readonly repo: CampaignsRepository,
    protected readonly enrollments: EnrollmentRepository,
  ) {}

  protected abstract window(s: VolunteerShift): CheckInTargetInfo['window'];
  protected abstract titleOf(s: VolunteerShift): string;
  abstract onCheckedIn(em: EntityManager, shiftId: string, row: CheckIn): Promise<void>;

  async describe(shiftId: string, em?: EntityManager): Promise<CheckInTargetInfo | null> {
    const s = await this.repo.shift(shiftId, em);
    if (!s) return null;
    return { title: this.titleOf(s), window: this.window(s), finalized: s.status !== 'open', allowGeofence: false, nodePath: s.nodePath };
  }

  async isInvited(shiftId: string, userId: string, em?: EntityManager): Promise<boolean> {
    const s = await this.repo.shift(shiftId, em);
    const e = s ? await this.enrollments.enrollmentOf(s.slotId, userId, em) : null;
    return !!e && HOLDING.includes(e.status);
  }
}

@Injectable()
export class ShiftCheckInTarget extends ShiftTarget implements OnModuleInit {
  readonly type = SHIFT_IN;

  constructor(
    repo: CampaignsRepository,
    enrollments: EnrollmentRepository,
    private readonly engine: EnrollmentService,
    private readonly targets: CheckInTargets,
  ) {
    super(repo, enrollments);
  }

  onModuleInit(): void {
    this.targets.register(this);
  }

  protected window(s: VolunteerShift) {
    return { opensAt: new Date(s.startsAt.getTime() - OPENS_BEFORE_MS), closesAt: s.endsAt, lateAfter: new Date(s.startsAt.getTime() + LATE_AFTER_MS) };
  }

  protected titleOf(s: VolunteerShift) {
    return `${s.title}（签到）`;
  }

  /** Present: the enrollment is marked attended (hours come at sign-out). */
  async onCheckedIn(em: EntityManager, shiftId: string, row: CheckIn): Promise<void> {
    const s = (await this.repo.shift(shiftId, em))!;
    const e = (await this.enrollments.enrollmentOf(s.slotId, row.userId, em))!;
    await this.engine.markAttendance(em, e.id, true);
  }
}

@Injectable()
export class ShiftCheckOutTarget extends ShiftTarget implements OnModuleInit {
  readonly type = SHIFT_OUT;

  constructor(
    repo: CampaignsRepository,
    enrollments: EnrollmentRepository,
    private readonly hours: HoursService,
    private readonly targets: CheckInTargets,
  ) {
    super(repo, enrollments);
  }

  onModuleInit(): void {
    this.targets.register(this);
  }

  protected window(s: VolunteerShift) {
    return { opensAt: new Date(s.startsAt.getTime() - OPENS_BEFORE_MS), closesAt: new Date(s.endsAt.getTime() + OUT_CLOSES_AFTER_MS) };
  }

  protected titleOf(s: VolunteerShift) {
    return `${s.title}（签退）`;
  }

  /** Signing out before signing in is refused here, inside the check-in's transaction: nothing is kept. */
  async onCheckedIn(em: EntityManager, shiftId: string, row: CheckIn): Promise<void> {
    const s = (await this.repo.shift(shiftId, em))!;
    await this.hours.recordCheckOut(em, s, row.userId, row.checkedInAt, false);
  }
}
