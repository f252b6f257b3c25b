import { PRIVACY_POLICY_VERSION, type MeView } from '@honglin/shared';

/** A consented Party member in 红星社区, for component tests. */
export function aMe(overrides: Partial<MeView> = {}): MeView {
  return {
    id: '01hzzzzzzzzzzzzzzzzzzzzzz1',
    name: '李建国',
    phone: '13812345678',
    birthYear: 1956,
    elderMode: false,
    street: { id: 's1', name: '红旗街道', kind: 'street' },
    community: { id: 'c1', name: '红星社区', kind: 'community' },
    grid: { id: 'g1', name: '第一网格', kind: 'grid' },
    building: { id: 'b1', name: '3号楼', kind: 'building' },
    branch: { id: 'br1', name: '红星社区第一党支部', kind: 'branch' },
    partyGroup: null,
    roles: [{ role: 'party_member', node: { id: 'br1', name: '红星社区第一党支部', kind: 'branch' } }],
    gridsServed: [],
    privacyAcceptedVersion: PRIVACY_POLICY_VERSION,
    partyApplication: null,
    ...overrides,
  };
}
