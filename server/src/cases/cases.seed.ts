import type { EntityManager } from 'typeorm';
import type { CaseEventType, CaseRating, CaseStatus } from '@honglin/shared';
import { CASE_DEFAULT_DEADLINES, type CaseCategory } from '@honglin/shared';
import { clock } from '../common/clock.js';
import type { SeedPart } from '../common/domain.js';
import { newId } from '../common/ids.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { CaseEvent, CaseFollower } from './case-parts.entity.js';
import { Case } from './case.entity.js';
import { addWorkingDays, dueSoonAt } from './working-days.js';

const H = 3_600_000;
type Step = [hoursAfterFiling: number, type: CaseEventType, by: 'reporter' | 'worker' | null, text?: string];
interface Spec {
  reporter: string;
  followers?: string[];
  category: CaseCategory;
  text: string;
  hoursAgo: number;
  status: CaseStatus;
  rating?: CaseRating;
  steps: Step[];
}

/**
 * 我的反映 and the grid worker's queue on the demo: 张秀英's lift being repaired (王丽 follows it),
 * a hazard just reported, and resolved reports for the public board — dated relative to now.
 */
async function seedCases(em: EntityManager): Promise<void> {
  const persona = (p: string) => em.findOneOrFail(User, { where: { demoPersona: p } });
  const [elder, resident, member, worker] = await Promise.all(['elder', 'resident', 'party_member', 'grid_worker'].map(persona));
  const community = await em.findOneOrFail(OrgNode, { where: { kind: 'community', name: '幸福社区' } });
  const specs: Spec[] = [
    { reporter: elder.id, followers: [resident.id], category: 'property', text: '2单元电梯这周停了三次，楼上的老人下不了楼', hoursAgo: 30, status: 'in_progress', steps: [[2, 'accepted', 'worker'], [5, 'replied', 'worker', '已联系物业和电梯维保公司，明天上午来检修']] },
    { reporter: member.id, category: 'safety', text: '车棚里有人飞线给电动车充电，电线挂在过道上', hoursAgo: 1, status: 'pending', steps: [] },
    { reporter: resident.id, category: 'sanitation', text: '单元门口堆了两周的装修垃圾，没人清运', hoursAgo: 240, status: 'rated', rating: 'satisfied', steps: [[3, 'accepted', 'worker'], [30, 'resolved', 'worker', '已协调物业清运完毕'], [40, 'rated', 'reporter', '满意']] },
    { reporter: elder.id, category: 'parking', text: '消防通道经常被私家车堵住', hoursAgo: 400, status: 'closed', steps: [[4, 'accepted', 'worker'], [70, 'resolved', 'worker', '已在通道两端加装地锁并张贴告示'], [240, 'closed', null, '办结7天内未评价，自动关闭']] },
  ];
  for (const s of specs) {
    const reporter = [elder, resident, member].find((u) => u.id === s.reporter)!;
    const [building] = await em.find(OrgNode, { where: { id: reporter.residenceNodeId ?? '' } });
    const grid = building && (await em.findOneOrFail(OrgNode, { where: { id: building.parentId ?? '' } }));
    if (!building || !grid) continue;
    const filed = new Date(clock.nowMs() - s.hoursAgo * H);
    const at = (h: number) => new Date(filed.getTime() + h * H);
    const rule = CASE_DEFAULT_DEADLINES[s.category];
    const acceptDueAt = rule.acceptHours ? at(rule.acceptHours) : addWorkingDays(filed, 1);
    const accepted = s.steps.find((x) => x[1] === 'accepted');
    const resolved = s.steps.find((x) => x[1] === 'resolved');
    const resolveDueAt = accepted ? addWorkingDays(at(accepted[0]), rule.resolveDays) : null;
    const open = ['pending', 'accepted', 'in_progress'].includes(s.status);
    const due = s.status === 'pending' ? acceptDueAt : open ? resolveDueAt : null;
    const c: Case = {
      id: newId(), kind: 'report', category: s.category, status: s.status, text: s.text, reporterId: reporter.id, filedById: null, anonymous: false,
      communityId: community.id, gridId: grid.id, buildingId: building.id, orgPath: building.path, handlerId: grid.contactUserId ?? worker.id,
      acceptDueAt, resolveDueAt, dueAt: due, dueSoonAt: due ? dueSoonAt(accepted ? at(accepted[0]) : filed, due) : null, escalateAt: due, escalationLevel: 0,
      acceptedAt: accepted ? at(accepted[0]) : null, resolvedAt: resolved ? at(resolved[0]) : null, closedAt: s.status === 'closed' ? at(s.steps[s.steps.length - 1][0]) : null,
      rating: s.rating ?? null, reopenCount: 0, mergedIntoId: null, exitReason: null, createdAt: filed, updatedAt: filed,
    };
    await em.insert(Case, c);
    await em.insert(CaseFollower, [reporter.id, ...(s.followers ?? [])].map((userId) => ({ id: newId(), caseId: c.id, userId, createdAt: filed })));
    const steps: Step[] = [[0, 'filed', 'reporter'], ...s.steps];
    await em.insert(
      CaseEvent,
      steps.map(([h, type, by, text]) => ({ id: newId(), caseId: c.id, at: at(h), actorId: by === 'reporter' ? reporter.id : by === 'worker' ? c.handlerId : null, type, text: text ?? null })),
    );
  }
}

export const CASES_SEED: SeedPart = { name: 'cases', after: ['members', 'households'], run: ({ em }) => seedCases(em) };
