import type { SeedPart } from '../common/domain.js';
import { clock } from '../common/clock.js';
import { newId } from '../common/ids.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import { RosterSource } from './roster.entities.js';

/**
 * Two named sources of 幸福社区 with their remembered mappings, so the demo's 名单导入 starts from
 * the lists a community really receives; docs/samples/ holds a file to import into the first.
 */
export const ROSTER_SEED: SeedPart = {
  name: 'roster',
  after: ['households'],
  run: async ({ em }) => {
    const community = await em.findOneOrFail(OrgNode, { where: { name: '幸福社区', kind: 'community' } });
    const worker = await em.findOneOrFail(User, { where: { demoPersona: 'grid_worker' } });
    const now = clock.now();
    const base = { communityId: community.id, path: community.path, createdBy: worker.id, createdAt: now, updatedAt: now };
    await em.insert(RosterSource, [
      { id: newId(), ...base, name: '民政低保名单', mapping: { 姓名: 'name', 身份证号: 'idNumber', 联系电话: 'phone', 楼栋: 'building', 单元: 'unit', 门牌号: 'room', 人员类别: 'category' }, impliedTags: ['dibao'] },
      { id: newId(), ...base, name: '网格员摸排表', mapping: {}, impliedTags: [] },
    ]);
  },
};
