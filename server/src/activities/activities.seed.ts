import type { EntityManager } from 'typeorm';
import { CHINA_OFFSET_MINUTES, seasonThemes, type ActivityCategory, type Companion } from '@honglin/shared';
import { Activity } from './activity.entity.js';
import { newId } from '../common/ids.js';
import { Enrollment } from '../enrollment/enrollment.entity.js';
import { EnrollmentSlot } from '../enrollment/enrollment-slot.entity.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import type { SeedPart } from '../common/domain.js';
import { clock } from '../common/clock.js';

const HOUR = 3_600_000;

/** Stable names of the demo activities: their titles follow the season, so tests look them up by key. */
export type DemoActivityKey = 'clinic' | 'festival' | 'calligraphy' | 'antifraud' | 'trip';

interface Spec {
  key: DemoActivityKey;
  community: string;
  title: string;
  category: ActivityCategory;
  place: string;
  description: string;
  inDays: number;
  at: [number, number];
  hours: number;
  capacity: number;
  reserved?: number;
  maxCompanions?: number;
  needsApproval?: boolean;
  minAge?: number;
  /** Seats already taken in the demo (one activity is nearly full). */
  filled?: number;
}

const BASE_SPECS: Spec[] = [
  { key: 'clinic', community: '幸福社区', title: '健康义诊', category: 'health', place: '幸福社区卫生服务站', description: '社区医院医生为居民免费测血压、血糖，提供用药咨询。请带上医保卡。', inDays: 3, at: [9, 0], hours: 2.5, capacity: 40, reserved: 5, maxCompanions: 2, filled: 12 },
  { key: 'festival', community: '幸福社区', title: '(season)', category: 'festival', place: '幸福社区党群服务中心二楼', description: '(season)', inDays: 5, at: [14, 0], hours: 2, capacity: 20, reserved: 2, maxCompanions: 2, filled: 15 },
  { key: 'calligraphy', community: '幸福社区', title: '书法班', category: 'class', place: '幸福社区老年活动室', description: '退休书法老师授课，笔墨纸砚由社区提供，共8次课，需报名审核。', inDays: 7, at: [19, 0], hours: 1.5, capacity: 12, maxCompanions: 0, needsApproval: true, minAge: 50 },
  { key: 'antifraud', community: '和平社区', title: '反诈讲座', category: 'talk', place: '和平社区会议室', description: '派出所民警讲解养老诈骗、冒充客服等常见骗局，现场答疑。', inDays: 2, at: [19, 30], hours: 1.5, capacity: 60, maxCompanions: 3, filled: 8 },
  { key: 'trip', community: '和平社区', title: '(season)', category: 'trip', place: '(season)', description: '(season)', inDays: 14, at: [8, 0], hours: 9, capacity: 30, maxCompanions: 3 },
];

/** The demo activities as of `nowMs`: the festival and the outing take the theme of the month they fall in. */
function specsAt(nowMs: number): Spec[] {
  return BASE_SPECS.map((s) => {
    const themes = seasonThemes(new Date(nowMs + s.inDays * 24 * HOUR));
    if (s.key === 'festival') return { ...s, ...themes.festival };
    if (s.key === 'trip') return { ...s, ...themes.trip };
    return s;
  });
}

/** Titles of the demo activities seeded today, by key (for tests and checks that find them). */
export function demoActivityTitles(nowMs = clock.nowMs()): Record<DemoActivityKey, string> {
  return Object.fromEntries(specsAt(nowMs).map((s) => [s.key, s.title])) as Record<DemoActivityKey, string>;
}

/** Beijing wall-clock time `inDays` days from today. */
function beijing(inDays: number, [h, m]: [number, number]): Date {
  const local = new Date(clock.nowMs() + CHINA_OFFSET_MINUTES * 60_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + inDays, h, m) - CHINA_OFFSET_MINUTES * 60_000);
}

/** Demo activities in both communities, with some places taken so "places left" and the waitlist show. */
export async function seedActivities(em: EntityManager): Promise<void> {
  const users = await em.find(User, { where: { disabled: false } });
  const nodes = await em.find(OrgNode);
  const paths = new Map(nodes.map((n) => [n.id, n.path]));
  for (const s of specsAt(clock.nowMs())) {
    const community = nodes.find((n) => n.kind === 'community' && n.name === s.community)!;
    const organiser = users.find((u) => u.demoPersona === (s.community === '幸福社区' ? 'grid_worker' : 'organiser_b'))!;
    const id = newId();
    const slotId = newId();
    const startsAt = beijing(s.inDays, s.at);
    const endsAt = new Date(startsAt.getTime() + s.hours * HOUR);
    const locals = users.filter((u) => u.residenceNodeId && paths.get(u.residenceNodeId)?.startsWith(community.path) && !u.demoPersona);
    const enrolments: Partial<Enrollment>[] = [];
    let taken = 0;
    for (const u of locals) {
      if (taken >= (s.filled ?? 0)) break;
      const companions: Companion[] = taken + 2 <= (s.filled ?? 0) && enrolments.length % 3 === 1 ? [{ name: `${u.name.slice(0, 1)}小宝`, age: 9 }] : [];
      enrolments.push({ id: newId(), slotId, userId: u.id, companions, seats: 1 + companions.length, status: 'confirmed', fromReserve: false });
      taken += 1 + companions.length;
    }
    await em.insert(EnrollmentSlot, em.create(EnrollmentSlot, {
      id: slotId, ownerType: 'activity', ownerId: id, nodeId: community.id, nodePath: community.path, title: s.title,
      link: `/packages/activities/pages/detail/index?id=${id}`, startsAt, endsAt, signupOpensAt: new Date(clock.nowMs() - 24 * HOUR),
      signupClosesAt: startsAt, cancelDeadline: new Date(startsAt.getTime() - 2 * HOUR), capacity: s.capacity, reserved: s.reserved ?? 0,
      taken, reservedTaken: 0, maxCompanions: s.maxCompanions ?? 2, needsApproval: s.needsApproval ?? false,
      eligibility: s.minAge ? { minAge: s.minAge } : null, status: 'open',
    }));
    await em.insert(Activity, em.create(Activity, {
      id, communityId: community.id, communityPath: community.path, title: s.title, category: s.category, description: s.description,
      coverImage: null, place: s.place, startsAt, endsAt, slotId, status: 'published', createdBy: organiser.id,
    }));
    for (const e of enrolments) await em.insert(Enrollment, em.create(Enrollment, e));
  }
}

export const ACTIVITIES_SEED: SeedPart = { name: 'activities', after: ['members'], run: ({ em }) => seedActivities(em) };
