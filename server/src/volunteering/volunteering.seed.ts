import type { EntityManager } from 'typeorm';
import { CHINA_OFFSET_MINUTES, seasonThemes } from '@honglin/shared';
import { newId } from '../common/ids.js';
import { EnrollmentSlot } from '../enrollment/enrollment-slot.entity.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { VolunteerCampaign, VolunteerShift } from './campaign.entity.js';
import { VolunteerProfile } from './profile.entity.js';
import type { SeedPart } from '../common/domain.js';
import { clock } from '../common/clock.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Beijing wall-clock time `inDays` days from today. */
function beijing(inDays: number, h: number, m = 0): Date {
  const local = new Date(clock.nowMs() + CHINA_OFFSET_MINUTES * 60_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + inDays, h, m) - CHINA_OFFSET_MINUTES * 60_000);
}

const SHIFTS = [
  { title: '上门测血压', place: '幸福社区卫生服务站集合', inDays: 2, at: 9, hours: 3, capacity: 4, skills: ['医护'] },
  { title: '独居老人陪聊', place: '幸福社区党群服务中心', inDays: 2, at: 14, hours: 2, capacity: 6, skills: [] },
  { title: '接送老人就医', place: '幸福社区东门', inDays: 4, at: 8, hours: 4, capacity: 2, skills: ['驾驶'], minAge: 18 },
  { title: '楼道灯具检修', place: '幸福一网格1号楼', inDays: 6, at: 9, hours: 3, capacity: 3, skills: ['电工'] },
];

/** A drive in 幸福社区 with shifts, and a few volunteer profiles with skills, for the demo. */
export async function seedVolunteering(em: EntityManager): Promise<void> {
  const community = (await em.findOne(OrgNode, { where: { kind: 'community', name: '幸福社区' } }))!;
  const users = await em.find(User, { where: { disabled: false } });
  const persona = (p: string) => users.find((u) => u.demoPersona === p)!;
  const organiser = persona('grid_worker');
  const campaignId = newId();
  // Named for the season it runs in (冬季助老服务月 in December), see demoCampaignTitle.
  const themes = seasonThemes(clock.now()).campaign;
  await em.insert(VolunteerCampaign, em.create(VolunteerCampaign, {
    id: campaignId, nodeId: community.id, nodePath: community.path, title: themes.title, category: 'elderly',
    description: themes.description, goal: '每位独居老人本月至少上门一次',
    impactMeasure: '上门走访户数', impactTarget: 120, managerIds: [organiser.id], startsAt: beijing(-1, 0), endsAt: beijing(30, 0),
    status: 'open', createdBy: organiser.id,
  }));
  for (const s of SHIFTS) {
    const id = newId();
    const slotId = newId();
    const startsAt = beijing(s.inDays, s.at);
    const endsAt = new Date(startsAt.getTime() + s.hours * HOUR);
    const eligibility = s.skills.length || s.minAge ? { ...(s.skills.length ? { skills: s.skills } : {}), ...(s.minAge ? { minAge: s.minAge } : {}) } : null;
    await em.insert(EnrollmentSlot, em.create(EnrollmentSlot, {
      id: slotId, ownerType: 'shift', ownerId: id, nodeId: community.id, nodePath: community.path, title: s.title,
      link: `/packages/volunteer/pages/shift/index?id=${id}`, startsAt, endsAt, signupOpensAt: new Date(clock.nowMs() - DAY),
      signupClosesAt: startsAt, cancelDeadline: new Date(startsAt.getTime() - 2 * HOUR), capacity: s.capacity, reserved: 0,
      taken: 0, reservedTaken: 0, maxCompanions: 0, needsApproval: false, eligibility, status: 'open',
    }));
    await em.insert(VolunteerShift, em.create(VolunteerShift, {
      id, campaignId, nodePath: community.path, title: s.title, place: s.place, startsAt, endsAt, slotId, skills: s.skills,
      callId: null, status: 'open', createdBy: organiser.id,
    }));
  }
  const profiles: [string, string[]][] = [['resident', ['医护', '心理疏导']], ['party_member', ['驾驶', '电工']]];
  for (const [p, skills] of profiles) {
    const weekdays = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '08:00', to: '20:00' }));
    await em.insert(VolunteerProfile, em.create(VolunteerProfile, { id: newId(), userId: persona(p).id, skills, availability: weekdays, gridIds: [] }));
  }
}

/** The demo drive's title as seeded today (tests find it by this, not by a season's name). */
export const demoCampaignTitle = (now = clock.now()): string => seasonThemes(now).campaign.title;

export const VOLUNTEERING_SEED: SeedPart = { name: 'volunteering', after: ['members'], run: ({ em }) => seedVolunteering(em) };
