import type { EntityManager } from 'typeorm';
import { addDays, chinaDay, idCheckChar, type AssignableTag, type HouseholdRelation, type ResidenceType } from '@honglin/shared';
import type { SeedPart } from '../common/domain.js';
import type { FieldCrypto } from '../common/field-crypto.js';
import { newId } from '../common/ids.js';
import { demoName, seededRandom } from '../database/seed/demo-data.js';
import { RoleAssignment } from '../members/role-assignment.entity.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { CareVisit } from './care-visit.entity.js';
import { Household, HouseholdMember } from './household.entity.js';
import { PersonProfile, PersonTagRow } from './person-profile.entity.js';
import { RiskWarning } from './risk-warning.entity.js';
import { clock } from '../common/clock.js';

const DAY = 86_400_000;
type Person = { user?: User; name?: string; birth: string; gender: 'male' | 'female'; relation: HouseholdRelation; residence: ResidenceType; tags?: AssignableTag[] };
type HomeSpec = { grid: 0 | 1; room: string; people: Person[]; lastVisitDaysAgo: number | null; noAnswerTwice?: boolean };

/**
 * The grid worker 周敏's working day: 幸福一网格 and 幸福二网格 as her own grids, households of an old
 * community (many elders, several living alone, some 流动人口), a few overdue, two open warnings.
 * Runs inside the demo seed's transaction, after the people exist.
 */
export async function seedHouseholds(em: EntityManager, crypto: FieldCrypto): Promise<void> {
  const rand = seededRandom(20261207);
  const worker = await em.findOneOrFail(User, { where: { demoPersona: 'grid_worker' } });
  const grids = await Promise.all(['幸福一网格', '幸福二网格'].map((name) => em.findOneOrFail(OrgNode, { where: { name, kind: 'grid' } })));
  const buildings = await Promise.all(grids.map((g) => em.find(OrgNode, { where: { parentId: g.id, kind: 'building' }, order: { name: 'ASC' } })));
  for (const g of grids) await em.insert(RoleAssignment, { id: newId(), userId: worker.id, role: 'grid_worker', nodeId: g.id, grantedBy: null, createdAt: clock.now() });
  const residents = await em.find(User, { where: buildings.flat().map((b) => ({ residenceNodeId: b.id })), order: { name: 'ASC' } });
  const elder = residents.find((u) => u.demoPersona === 'elder');
  const others = residents.filter((u) => !u.demoPersona || ['resident', 'party_member'].includes(u.demoPersona)).slice(0, 8);
  const now = clock.now();
  const today = chinaDay(now);
  let seq = 100;
  const idNumber = (birth: string, gender: 'male' | 'female') => {
    seq += 2;
    const body = `110105${birth.replace(/-/g, '')}${String(seq + (gender === 'male' ? 1 : 0)).padStart(3, '0')}`;
    return body + idCheckChar(body);
  };
  const old = (age: number) => `${clock.now().getUTCFullYear() - age}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`;

  const homes: HomeSpec[] = [
    { grid: 0, room: '101', lastVisitDaysAgo: 3, people: [{ user: elder, birth: '1954-03-12', gender: 'female', relation: 'head', residence: 'registered', tags: ['empty_nest'] }] },
    { grid: 0, room: '102', lastVisitDaysAgo: 19, people: [{ birth: old(86), gender: 'female', relation: 'head', residence: 'registered', tags: ['elder_alone'] }] },
    { grid: 0, room: '201', lastVisitDaysAgo: 10, people: [{ birth: old(82), gender: 'male', relation: 'head', residence: 'registered', tags: ['elder_alone', 'veteran'] }] },
    { grid: 0, room: '202', lastVisitDaysAgo: 5, noAnswerTwice: true, people: [{ birth: old(77), gender: 'male', relation: 'head', residence: 'registered', tags: ['empty_nest', 'dibao'] }, { birth: old(75), gender: 'female', relation: 'spouse', residence: 'registered' }] },
    { grid: 0, room: '301', lastVisitDaysAgo: 40, people: [{ user: others[0], birth: '1988-05-20', gender: 'female', relation: 'head', residence: 'resident' }, { birth: old(8), gender: 'male', relation: 'child', residence: 'resident' }] },
    { grid: 0, room: '302', lastVisitDaysAgo: 200, people: [{ birth: old(34), gender: 'male', relation: 'tenant', residence: 'floating', tags: ['migrant'] }, { birth: old(31), gender: 'female', relation: 'tenant', residence: 'floating', tags: ['migrant'] }] },
    { grid: 0, room: '401', lastVisitDaysAgo: 4, people: [{ birth: old(69), gender: 'female', relation: 'head', residence: 'registered', tags: ['disabled'] }] },
    { grid: 1, room: '101', lastVisitDaysAgo: 12, people: [{ user: others[1], birth: '1975-08-08', gender: 'male', relation: 'head', residence: 'registered' }, { birth: old(83), gender: 'female', relation: 'parent', residence: 'registered' }] },
    { grid: 1, room: '102', lastVisitDaysAgo: 6, people: [{ birth: old(91), gender: 'male', relation: 'head', residence: 'registered', tags: ['elder_alone', 'tekun'] }] },
    { grid: 1, room: '201', lastVisitDaysAgo: null, people: [{ birth: old(27), gender: 'male', relation: 'tenant', residence: 'floating', tags: ['migrant'] }] },
    { grid: 1, room: '202', lastVisitDaysAgo: 90, people: [{ user: others[2], birth: '1990-11-02', gender: 'female', relation: 'head', residence: 'resident' }] },
    { grid: 1, room: '301', lastVisitDaysAgo: 25, people: [{ birth: old(72), gender: 'male', relation: 'head', residence: 'registered', tags: ['empty_nest'] }, { birth: old(11), gender: 'female', relation: 'other', residence: 'registered', tags: ['left_behind_child'] }] },
  ];

  const warnings: RiskWarning[] = [];
  for (const [i, spec] of homes.entries()) {
    const building = buildings[spec.grid][i % 2];
    const h: Household = {
      id: newId(), buildingId: building.id, gridId: grids[spec.grid].id, communityId: grids[spec.grid].parentId!, path: building.path, unit: '1', room: spec.room, address: null,
      provenance: { room: { source: 'grid_verified', sourceName: null, verifiedAt: new Date(now.getTime() - 60 * DAY).toISOString(), by: worker.id } },
      cadenceDays: 365, lastVisitAt: null, registeredOn: addDays(today, -240), nextDueOn: today, createdBy: worker.id, createdAt: now, updatedAt: now,
    };
    await em.insert(Household, h);
    let strictest = 365;
    for (const p of spec.people) {
      const user = p.user ?? (await newResident(em, p.name ?? demoName(rand), Number(p.birth.slice(0, 4)), building.id));
      await em.insert(HouseholdMember, { id: newId(), householdId: h.id, userId: user.id, activeUserId: user.id, relation: p.relation, residenceType: p.residence, arrivedOn: p.residence === 'floating' ? addDays(today, -120) : null, endedOn: null, endReason: null, createdBy: worker.id, createdAt: new Date(now.getTime() - 240 * DAY) });
      const id = idNumber(p.birth, p.gender);
      const verified = { source: 'grid_verified' as const, sourceName: null, verifiedAt: new Date(now.getTime() - 30 * DAY).toISOString(), by: worker.id };
      await em.insert(PersonProfile, { userId: user.id, idNumberCipher: crypto.encrypt(id), idNumberHash: crypto.hash(id), birthDate: p.birth, gender: p.gender, phonesCipher: null, emergencyCipher: crypto.encrypt(JSON.stringify({ name: demoName(rand), phone: `1390000${String(1000 + i).slice(-4)}`, relation: '子女' })), notesCipher: null, provenance: { idNumber: verified, birthDate: verified, gender: verified }, updatedAt: now });
      for (const tag of p.tags ?? []) await em.insert(PersonTagRow, { id: newId(), userId: user.id, tag, source: tag === 'dibao' || tag === 'tekun' ? 'import' : 'grid_verified', sourceName: tag === 'dibao' || tag === 'tekun' ? '民政低保名册' : null, verifiedAt: new Date(now.getTime() - 30 * DAY), setBy: worker.id, removedAt: null, removedBy: null, createdAt: now });
      const age = clock.now().getUTCFullYear() - Number(p.birth.slice(0, 4));
      for (const d of [...(p.tags ?? []).map((t) => ({ elder_alone: 7, tekun: 7, dibao: 30, disabled: 30, left_behind_child: 30 })[t as string] ?? 365), age >= 80 ? 14 : 365]) strictest = Math.min(strictest, d);
      if (p.tags?.includes('elder_alone') && spec.lastVisitDaysAgo !== null && spec.lastVisitDaysAgo >= 14 && warnings.length === 0) {
        warnings.push(warning('elder_alone_unvisited', 'red', user.id, user.id, h, `独居老人${user.name}（${age}岁，${building.name}1单元${spec.room}室）已${spec.lastVisitDaysAgo}天未走访（应每7天走访一次），在小程序里也从没有登录、签到、报名或家属代办记录，请尽快上门或电话确认安全。`, now));
      }
    }
    const visits: Date[] = spec.lastVisitDaysAgo === null ? [] : spec.noAnswerTwice ? [spec.lastVisitDaysAgo + 3, spec.lastVisitDaysAgo].map((d) => new Date(now.getTime() - d * DAY)) : [new Date(now.getTime() - spec.lastVisitDaysAgo * DAY)];
    let lastVisitId = '';
    for (const at of visits) {
      lastVisitId = newId();
      await em.insert(CareVisit, { id: lastVisitId, householdId: h.id, visitorId: worker.id, visitedAt: at, method: 'home', situation: spec.noAnswerTwice ? 'no_answer' : 'normal', seenUserIds: [], notes: spec.noAnswerTwice ? '敲门无人应答，邻居说最近没见到人。' : '身体状况良好，家中整洁。', needs: [], correctsVisitId: null, createdAt: at });
    }
    const last = visits[visits.length - 1];
    await em.update(Household, { id: h.id }, { cadenceDays: strictest, lastVisitAt: last ?? null, nextDueOn: last ? addDays(chinaDay(last), strictest) : h.registeredOn });
    if (spec.noAnswerTwice) {
      warnings.push(warning('no_answer_repeated', 'orange', h.id, null, h, `${building.name}1单元${spec.room}室连续2次走访无人应答（${visits.map((v) => chinaDay(v)).join('、')}），请联系紧急联系人或家属确认住户情况。`, now, `visit:${lastVisitId}`));
    }
  }
  await em.insert(RiskWarning, warnings);
}

async function newResident(em: EntityManager, name: string, birthYear: number, buildingId: string): Promise<User> {
  const u = em.create(User, { id: newId(), openid: null, unionid: null, name, phoneCipher: null, phoneHash: null, birthYear, residenceNodeId: buildingId, branchNodeId: null, elderMode: birthYear < 1960, privacyVersion: null, privacyAcceptedAt: null, disabled: false, demoPersona: null });
  await em.insert(User, u);
  await em.insert(RoleAssignment, { id: newId(), userId: u.id, role: 'resident', nodeId: buildingId, grantedBy: null, createdAt: clock.now() });
  return u;
}

function warning(rule: string, level: 'red' | 'orange', subjectId: string, subjectUserId: string | null, h: Household, sentence: string, now: Date, factKey = 'seed'): RiskWarning {
  const raisedAt = new Date(now.getTime() - 3 * 3_600_000);
  const ackDueAt = new Date(raisedAt.getTime() + (level === 'red' ? 24 : 72) * 3_600_000);
  return { id: newId(), rule, level, status: 'raised', subjectId, subjectUserId, householdId: h.id, communityId: h.communityId, path: h.path, sentence, factKey, openKey: `${rule}:${subjectId}`, raisedAt, ackDueAt, escalateAt: ackDueAt, escalation: 0, acknowledgedBy: null, acknowledgedAt: null, resolvedBy: null, resolvedAt: null, resolutionNote: null, createdAt: now };
}

/** After the people (members), whose residences and grids it reads. */
export const HOUSEHOLDS_SEED: SeedPart = { name: 'households', after: ['members'], run: ({ em, crypto }) => seedHouseholds(em, crypto) };
