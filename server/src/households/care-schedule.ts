import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ADVANCED_AGE,
  ageOn,
  cadenceDays,
  chinaDay,
  DEFAULT_CADENCE,
  nextDueDay,
  PERSON_TAG_LABELS,
  type Cadence,
  type PersonTag,
  type TagView,
} from '@honglin/shared';
import type { User } from '../members/user.entity.js';
import { CareRepository } from './care.repository.js';
import type { Household } from './household.entity.js';
import { HouseholdsRepository } from './households.repository.js';
import type { PersonProfile, PersonTagRow } from './person-profile.entity.js';
import { clock } from '../common/clock.js';

/** A person's tags: the assigned ones with their provenance, plus 高龄 (age ≥ 80) and 党员 (a branch), derived on `today`. */
export function personTags(user: User, profile: PersonProfile | undefined, rows: PersonTagRow[], today: string): TagView[] {
  const out: TagView[] = rows.map((r) => ({
    tag: r.tag,
    label: PERSON_TAG_LABELS[r.tag],
    derived: false,
    provenance: { source: r.source, sourceName: r.sourceName, verifiedAt: r.verifiedAt.toISOString(), by: r.setBy },
  }));
  const age = ageOn(today, profile?.birthDate ?? null, user.birthYear);
  if (age !== null && age >= ADVANCED_AGE) out.push({ tag: 'advanced_age', label: PERSON_TAG_LABELS.advanced_age, derived: true, provenance: null });
  if (user.branchNodeId) out.push({ tag: 'party_member', label: PERSON_TAG_LABELS.party_member, derived: true, provenance: null });
  return out;
}

/**
 * Keeps each household's visit schedule current: cadence from the strictest tag of its members (the
 * community's settings over the defaults), last standing visit, next due day. Called in the
 * transaction of every change that moves it (member, tag, birth date, visit) and by the nightly scan
 * (people turn 80).
 */
@Injectable()
export class CareSchedule {
  constructor(
    private readonly households: HouseholdsRepository,
    private readonly care: CareRepository,
  ) {}

  async cadence(communityId: string, em?: EntityManager): Promise<Cadence> {
    const s = await this.care.settings(communityId, em);
    return { ...DEFAULT_CADENCE, ...(s?.cadence ?? {}) } as Cadence;
  }

  /** Tags of the household's current members, by user id. */
  async memberTags(em: EntityManager | undefined, userIds: string[], today: string): Promise<Map<string, TagView[]>> {
    const [users, profiles, rows] = await Promise.all([this.households.users(userIds, em), this.households.profiles(userIds, em), this.households.tags(userIds, em)]);
    const byUser = new Map(profiles.map((p) => [p.userId, p]));
    return new Map(users.map((u) => [u.id, personTags(u, byUser.get(u.id), rows.filter((r) => r.userId === u.id), today)]));
  }

  async recompute(em: EntityManager, h: Household, now = clock.now()): Promise<Household> {
    const today = chinaDay(now);
    const members = await this.households.members([h.id], true, em);
    const tags = await this.memberTags(em, members.map((m) => m.userId), today);
    const all = new Set<PersonTag>([...tags.values()].flat().map((t) => t.tag));
    const days = cadenceDays(all, await this.cadence(h.communityId, em));
    const [last] = await this.care.standingVisits(h.id, 1, em);
    const patch = {
      cadenceDays: days,
      lastVisitAt: last?.visitedAt ?? null,
      nextDueOn: nextDueDay(last ? chinaDay(last.visitedAt) : null, h.registeredOn, days),
    };
    if (patch.cadenceDays !== h.cadenceDays || patch.nextDueOn !== h.nextDueOn || patch.lastVisitAt?.getTime() !== h.lastVisitAt?.getTime()) {
      await this.households.updateHousehold(em, h.id, patch);
    }
    return { ...h, ...patch };
  }
}
