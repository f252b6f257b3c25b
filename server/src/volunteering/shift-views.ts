import { Injectable } from '@nestjs/common';
import type { ShiftView } from '@honglin/shared';
import { EnrollmentRepository } from '../enrollment/enrollment.repository.js';
import type { Enrollment } from '../enrollment/enrollment.entity.js';
import { CampaignsRepository } from './campaigns.repository.js';
import type { VolunteerShift } from './campaign.entity.js';

/** Shifts as the mini-program sees them: places from the enrollment slot, the caller's own place, skill match. */
@Injectable()
export class ShiftViews {
  constructor(
    private readonly repo: CampaignsRepository,
    private readonly enrollments: EnrollmentRepository,
  ) {}

  async of(shifts: VolunteerShift[], userId: string | null): Promise<ShiftView[]> {
    if (!shifts.length) return [];
    const [slots, waiting, campaigns, profile, mine] = await Promise.all([
      this.repo.slots(shifts.map((s) => s.slotId)),
      this.enrollments.waitlistedCount(shifts.map((s) => s.slotId)),
      this.repo.campaigns([...new Set(shifts.map((s) => s.campaignId))]),
      userId ? this.repo.profile(userId) : null,
      userId ? this.enrollments.mine(userId, shifts.map((s) => s.slotId)) : ([] as Enrollment[]),
    ]);
    const slotById = new Map(slots.map((s) => [s.id, s]));
    const title = new Map(campaigns.map((c) => [c.id, c.title]));
    const mineBySlot = new Map(mine.map((e) => [e.slotId, e]));
    const skills = new Set(profile?.skills ?? []);
    return shifts.map((s) => {
      const slot = slotById.get(s.slotId)!;
      const e = mineBySlot.get(s.slotId);
      return {
        id: s.id,
        campaignId: s.campaignId,
        campaignTitle: title.get(s.campaignId) ?? '',
        title: s.title,
        place: s.place,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        capacity: slot.capacity,
        placesLeft: Math.max(0, slot.capacity - slot.reserved - slot.taken),
        waitlisted: waiting.get(slot.id) ?? 0,
        skills: s.skills,
        minAge: slot.eligibility?.minAge ?? null,
        maxAge: slot.eligibility?.maxAge ?? null,
        partyMembersOnly: slot.eligibility?.partyMembersOnly ?? false,
        mine: e && e.status !== 'cancelled' ? { enrollmentId: e.id, status: e.status } : null,
        skillsMatch: s.skills.every((k) => skills.has(k)),
        status: s.status,
      };
    });
  }
}
