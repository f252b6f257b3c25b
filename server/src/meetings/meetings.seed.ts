import { In, type EntityManager } from 'typeorm';
import { periodRange, type AttendanceStatus, type MeetingType } from '@honglin/shared';
import { newId } from '../common/ids.js';
import { Meeting, MeetingInvitee } from './meeting.entity.js';
import { User } from '../members/user.entity.js';
import { OrgNode } from '../organizations/org-node.entity.js';
import type { SeedPart } from '../common/domain.js';
import { clock } from '../common/clock.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface PastSpec {
  type: MeetingType;
  title: string;
  /** Months before the current one (0 = this month), day of month and hour, Beijing time. */
  monthsAgo: number;
  day: number;
  hour: number;
  minutes: string;
  resolutions?: string;
}

// Branch A skipped last month's 主题党日, branch B last month's 支委会: the compliance board shows them overdue.
const PAST: Record<string, PastSpec[]> = {
  幸福社区第一党支部: [
    { type: 'branch_committee', title: '支委会：研究季度工作', monthsAgo: 1, day: 5, hour: 19, minutes: '书记通报上月工作，讨论党员志愿服务安排。', resolutions: '本季度开展两次义诊。' },
    { type: 'theme_day', title: '主题党日：重温入党誓词', monthsAgo: 2, day: 15, hour: 9, minutes: '全体党员重温入党誓词，参观社区红色展厅。' },
    { type: 'branch_general', title: '支部党员大会：第三季度', monthsAgo: 2, day: 20, hour: 19, minutes: '审议支部工作报告，讨论发展对象。', resolutions: '同意确定王某为发展对象。' },
    { type: 'lecture', title: '书记讲党课：基层治理', monthsAgo: 1, day: 12, hour: 15, minutes: '陈红同志讲授党课《党建引领基层治理》。' },
    { type: 'group', title: '第一党小组学习会', monthsAgo: 1, day: 8, hour: 19, minutes: '学习党章第二章。' },
  ],
  和平社区党支部: [
    { type: 'theme_day', title: '主题党日：社区环境整治', monthsAgo: 1, day: 15, hour: 9, minutes: '党员带头清理楼道堆物。' },
    { type: 'branch_committee', title: '支委会：年度计划', monthsAgo: 2, day: 6, hour: 19, minutes: '讨论年度工作计划。' },
  ],
};

/** Past meetings with minutes and attendance for both branches, and an upcoming 主题党日 for branch A. */
export async function seedMeetings(em: EntityManager): Promise<void> {
  const branches = await em.find(OrgNode, { where: { kind: 'branch' } });
  const now = clock.now();
  for (const branch of branches) {
    const groups = await em.find(OrgNode, { where: { parentId: branch.id } });
    const members = await em.find(User, { where: { branchNodeId: In([branch.id, ...groups.map((g) => g.id)]) }, order: { name: 'ASC' } });
    if (members.length === 0) continue;
    const createdBy = (members.find((u) => u.demoPersona?.startsWith('organiser')) ?? members[0]).id;
    for (const spec of PAST[branch.name] ?? []) {
      const month = periodRange('month', now, -spec.monthsAgo).start;
      const startsAt = new Date(month.getTime() + (spec.day - 1) * DAY + spec.hour * HOUR);
      const node = spec.type === 'group' ? groups[0] : branch;
      const invited = spec.type === 'group' ? members.filter((m) => m.branchNodeId === groups[0].id) : members;
      await insertMeeting(em, { branch, node, spec, startsAt, status: 'closed', createdBy, now }, invited, (i) => (i % 7 === 3 ? 'leave' : i % 6 === 5 ? 'absent' : 'present'));
    }
  }
  const a = branches.find((b) => b.name === '幸福社区第一党支部');
  if (!a) return;
  const aMembers = await em.find(User, { where: { branchNodeId: In([a.id, ...(await em.find(OrgNode, { where: { parentId: a.id } })).map((g) => g.id)]) } });
  const organiser = aMembers.find((u) => u.demoPersona === 'organiser_a') ?? aMembers[0];
  // Starts in about 25 minutes, so check-in (open 30 minutes before) can be tried right away in the demo.
  const startsAt = new Date(Math.ceil((now.getTime() + 25 * 60_000) / (5 * 60_000)) * 5 * 60_000);
  await insertMeeting(
    em,
    { branch: a, node: a, spec: { type: 'theme_day', title: '主题党日：学习贯彻全会精神', monthsAgo: 0, day: 0, hour: 0, minutes: '' }, startsAt, status: 'scheduled', createdBy: organiser.id, now },
    aMembers,
    () => 'pending',
    { lat: 31.2304, lng: 121.4737, radiusM: 150, allowGeofence: true, address: '幸福社区党群服务中心二楼会议室', agenda: '1. 集中学习\n2. 交流发言\n3. 志愿服务安排' },
  );
}

async function insertMeeting(
  em: EntityManager,
  m: { branch: OrgNode; node: OrgNode; spec: PastSpec; startsAt: Date; status: 'closed' | 'scheduled'; createdBy: string; now: Date },
  invited: User[],
  outcome: (i: number) => AttendanceStatus,
  extra: Partial<Meeting> = {},
): Promise<void> {
  const id = newId();
  await em.insert(Meeting, {
    id,
    nodeId: m.node.id,
    nodePath: m.node.path,
    branchId: m.branch.id,
    groupId: m.node.kind === 'group' ? m.node.id : null,
    type: m.spec.type,
    title: m.spec.title,
    status: m.status,
    startsAt: m.startsAt,
    endsAt: new Date(m.startsAt.getTime() + 2 * HOUR),
    address: `${m.branch.name}活动室`,
    lat: null,
    lng: null,
    radiusM: null,
    allowGeofence: false,
    lateGraceMinutes: 10,
    hostUserId: m.createdBy,
    recorderUserId: invited[1]?.id ?? null,
    agenda: '',
    minutes: m.spec.minutes,
    resolutions: m.spec.resolutions ?? '',
    closedAt: m.status === 'closed' ? new Date(m.startsAt.getTime() + 2 * HOUR) : null,
    createdBy: m.createdBy,
    ...extra,
  });
  const rows = invited.map((u, i) => {
    const attendance = outcome(i);
    return {
      id: newId(),
      meetingId: id,
      userId: u.id,
      attendance,
      leaveStatus: attendance === 'leave' ? ('approved' as const) : ('none' as const),
      leaveReason: attendance === 'leave' ? '外出就医' : null,
      leaveDecidedBy: attendance === 'leave' ? m.createdBy : null,
      leaveNote: null,
    };
  });
  if (rows.length) await em.insert(MeetingInvitee, rows);
}

export const MEETINGS_SEED: SeedPart = { name: 'meetings', after: ['members'], run: ({ em }) => seedMeetings(em) };
