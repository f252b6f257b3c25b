import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CheckInTargets, type CheckInTargetInfo, type CheckInTargetResolver } from '../checkin/check-in-targets.js';
import type { CheckIn } from '../checkin/check-in.entity.js';
import { MeetingsRepository } from './meetings.repository.js';

/** Check-in opens this long before a meeting starts, so people arriving early can scan. */
export const CHECKIN_OPENS_BEFORE_MS = 30 * 60_000;

/** Meetings as check-in targets: invitees check in; a check-in marks their attendance. */
@Injectable()
export class MeetingCheckInTarget implements CheckInTargetResolver, OnModuleInit {
  readonly type = 'meeting';

  constructor(
    private readonly targets: CheckInTargets,
    private readonly repo: MeetingsRepository,
  ) {}

  onModuleInit() {
    this.targets.register(this);
  }

  async describe(meetingId: string, em?: EntityManager): Promise<CheckInTargetInfo | null> {
    const m = await this.repo.findMeeting(meetingId, em);
    if (!m) return null;
    return {
      title: m.title,
      window: {
        opensAt: new Date(m.startsAt.getTime() - CHECKIN_OPENS_BEFORE_MS),
        closesAt: m.endsAt,
        lateAfter: new Date(m.startsAt.getTime() + m.lateGraceMinutes * 60_000),
      },
      finalized: m.status !== 'scheduled',
      place: m.lat != null && m.lng != null && m.radiusM != null ? { lat: m.lat, lng: m.lng, radiusM: m.radiusM } : undefined,
      allowGeofence: m.allowGeofence,
      nodePath: m.nodePath,
    };
  }

  async isInvited(meetingId: string, userId: string, em?: EntityManager): Promise<boolean> {
    return (await this.repo.findInvitee(meetingId, userId, em)) !== null;
  }

  /** Showing up overrides approved leave. Points are credited when attendance is closed. */
  async onCheckedIn(em: EntityManager, meetingId: string, checkIn: CheckIn): Promise<void> {
    await this.repo.setAttendance(meetingId, checkIn.userId, checkIn.status, em);
  }
}
