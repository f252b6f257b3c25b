/** Roles are always held on an organisation node and reach that node's whole subtree. */
/** grid_worker (网格员) is held on grid nodes: it reaches the households of that grid (issue #16) and manages nothing else. */
export const ROLES = ['resident', 'party_member', 'organiser', 'treasurer', 'admin', 'grid_worker'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  party_member: '党员',
  organiser: '组织者',
  treasurer: '党费管理员',
  admin: '管理员',
  grid_worker: '网格员',
};

/** Residence tree: street → community → grid → building. Party tree: committee → general branch → branch → group. */
export const ORG_KINDS = ['street', 'community', 'grid', 'building', 'committee', 'general_branch', 'branch', 'group'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const RESIDENCE_KINDS: readonly OrgKind[] = ['street', 'community', 'grid', 'building'];
export const PARTY_KINDS: readonly OrgKind[] = ['committee', 'general_branch', 'branch', 'group'];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  street: '街道',
  community: '社区',
  grid: '网格',
  building: '楼栋',
  committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
  group: '党小组',
};

/** Roles that manage the subtree they are held on. */
export const MANAGING_ROLES: readonly Role[] = ['organiser', 'treasurer', 'admin'];
