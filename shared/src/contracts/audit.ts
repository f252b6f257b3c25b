import { z } from 'zod';
import { ROLE_LABELS, type Role } from '../roles.js';
import { Id } from './org.js';

/**
 * The audit trail (issue #9): organiser/admin writes and reads of someone else's personal data.
 * Entries hold ids and action names only, never the personal values themselves.
 */

/** Reads of someone else's personal data, and acts for someone recorded by the service itself. */
export const AUDIT_READS = {
  'dues.pay_for': '代缴党费',
  'resident.phone.read': '查看完整手机号',
  'dues.income.read': '查看党费基数（收入）',
  'family.inbox.read': '查看家人的通知',
  'family.activities.read': '查看家人的活动报名',
  'family.dues.read': '查看家人的党费账单',
  'activity.roster.export': '导出活动报名名单',
  'meeting.attendance.export': '导出会议考勤',
  'volunteering.hours.export': '导出志愿时长',
  'study.report.export': '导出专题学习完成情况',
  'household.file.read': '查看户档案',
  'family.care.read': '查看家人的走访记录和预警',
  'roster.export': '导出名单',
} as const;
export type AuditReadAction = keyof typeof AUDIT_READS;

/**
 * Organiser/admin writes, named by method and route pattern (what the server records for them).
 * Every write route is either here or in the server's list of a person's own writes; a test keeps
 * the two lists complete.
 */
export const AUDITED_WRITES: Record<string, string> = {
  'POST /api/activities': '发布活动',
  'PUT /api/activities/:id': '修改活动',
  'POST /api/activities/:id/duplicate': '复制活动',
  'POST /api/activities/:id/cancel': '取消活动',
  'POST /api/activities/:id/cover': '更换活动封面',
  'POST /api/activities/:id/enrol': '为居民代报名活动',
  'POST /api/activities/ratings/:ratingId/moderation': '处理活动评价',
  'POST /api/enrollments/:id/approve': '批准报名',
  'POST /api/enrollments/:id/reject': '拒绝报名',
  'POST /api/enrollments/:id/organiser-cancel': '取消他人的报名',
  'POST /api/enrollments/:id/attendance': '登记到场情况',
  'POST /api/checkin/assist': '为他人补签到',
  'POST /api/meetings': '创建会议',
  'PATCH /api/meetings/:id': '修改会议',
  'POST /api/meetings/:id/cancel': '取消会议',
  'POST /api/meetings/:id/leave/:userId/decision': '审批请假',
  'POST /api/meetings/:id/close': '结束会议',
  'PUT /api/meetings/:id/minutes': '填写会议记录',
  'POST /api/meetings/:id/photos': '上传会议照片',
  'POST /api/volunteering/campaigns': '发起志愿活动',
  'PATCH /api/volunteering/campaigns/:id': '修改志愿活动',
  'POST /api/volunteering/campaigns/:id/close': '结束志愿活动',
  'POST /api/volunteering/campaigns/:id/impact': '记录志愿服务成效',
  'POST /api/volunteering/campaigns/:id/shifts': '添加志愿岗位',
  'POST /api/volunteering/shifts/:id/cancel': '取消志愿岗位',
  'POST /api/volunteering/hours/decide': '审核志愿时长',
  'POST /api/volunteering/hours/:id/correct': '更正志愿时长',
  'POST /api/volunteering/mobilisations': '发起动员',
  'PUT /api/org/points/rules': '修改积分规则',
  'POST /api/org/mall/items': '上架积分商品',
  'PATCH /api/org/mall/items/:id': '修改积分商品',
  'POST /api/org/mall/items/:id/restock': '补充商品库存',
  'POST /api/org/mall/pickups': '登记兑换领取',
  'POST /api/org/residents': '登记无智能手机居民',
  'POST /api/family/invites/witnessed': '上门见证亲情账号绑定',
  'POST /api/org/party-applications/:id/approve': '通过党员身份审核',
  'POST /api/org/party-applications/:id/reject': '驳回党员身份申请',
  'POST /api/org/study/topics': '发布专题学习',
  'PUT /api/dues/profiles/:userId': '修改党费档案',
  'POST /api/dues/branches/:branchId/bills': '生成党费账单',
  'POST /api/dues/branches/:branchId/reminders': '发送党费提醒',
  'PATCH /api/dues/bills/:id': '调整党费账单',
  'POST /api/payments/orders/:id/refunds': '办理党费退款',
  'POST /api/complaints/:id/answer': '答复投诉',
  'POST /api/org/grid/households': '建立户档案',
  'PATCH /api/org/grid/households/:id': '修改户档案门牌地址',
  'POST /api/org/grid/households/:id/members': '登记户成员',
  'POST /api/org/grid/households/:id/members/:userId/end': '登记成员迁出或去世',
  'PATCH /api/org/grid/persons/:userId': '修改居民档案信息',
  'POST /api/org/grid/persons/:userId/tags': '设置居民标签',
  'POST /api/org/grid/persons/:userId/tags/:tag/remove': '取消居民标签',
  'POST /api/org/grid/households/:id/visits': '登记走访',
  'POST /api/org/grid/tasks/:id/done': '办结走访待办',
  'POST /api/org/grid/warnings/:id/acknowledge': '确认风险预警',
  'POST /api/org/grid/warnings/:id/resolve': '解除风险预警',
  'PUT /api/org/grid/settings/:communityId': '修改走访周期和预警阈值',
  'POST /api/org/grid/corrections/:id/accept': '办结更正申请',
  'POST /api/org/grid/corrections/:id/reject': '驳回更正申请',
  'POST /api/org/roster/sources': '新建名单来源',
  'PATCH /api/org/roster/sources/:id': '修改名单来源的列对应',
  'POST /api/org/roster/imports': '上传名单文件',
  'POST /api/org/roster/imports/:id/preview': '预览名单导入',
  'POST /api/org/roster/imports/:id/commit': '提交名单导入',
  'POST /api/org/roster/imports/:id/rollback': '撤销名单导入',
  'POST /api/org/roster/pairs/:id/decide': '判断是否同一人',
  'POST /api/org/roster/verifications/:id/resolve': '核实名单不一致的信息',
  'POST /api/cases/visits/:visitId/followup': '把走访发现的需求转为工单',
  'PUT /api/cases/routes': '修改反映的分派表',
  'PUT /api/cases/deadlines': '修改反映的办理时限',
  'POST /api/cases/:id/photos': '上传工单办理照片',
  'POST /api/cases/:id/accept': '受理工单',
  'POST /api/cases/:id/reassign': '转派工单',
  'POST /api/cases/:id/reply': '回复工单',
  'POST /api/cases/:id/resolve': '办结工单',
  'POST /api/cases/:id/exit': '不予受理或无法办理工单',
  'POST /api/cases/:id/merge': '合并工单',
  'POST /api/org/analytics/kiosk-links': '创建大屏链接',
  'POST /api/org/analytics/kiosk-links/:id/revoke': '收回大屏链接',
};

/** What a route's first segment is about, for actions without their own words (routes added later). */
const AREAS: Record<string, string> = {
  activities: '活动',
  enrollments: '报名',
  checkin: '签到',
  meetings: '会议',
  volunteering: '志愿服务',
  org: '组织管理',
  family: '亲情账号',
  dues: '党费',
  payments: '支付',
  study: '学习',
  complaints: '投诉',
  mall: '积分超市',
  points: '积分',
};
const VERBS: Record<string, string> = { POST: '提交', PUT: '修改', PATCH: '修改', DELETE: '删除' };

/** The action in plain Chinese: its own words when known, else the area and the kind of change. */
export function describeAuditAction(action: string): string {
  const known = (AUDIT_READS as Record<string, string>)[action] ?? AUDITED_WRITES[action];
  if (known) return known;
  const m = /^([A-Z]+) \/api\/([^/]+)/.exec(action);
  if (m) return `${AREAS[m[2]] ?? '其他'}：${VERBS[m[1]] ?? '操作'}`;
  return '其他操作';
}

/** The roles an entry names ('organiser', 'organiser,treasurer', 'family') in Chinese. */
export function describeAuditRole(role: string | null): string {
  if (!role) return '';
  return role
    .split(',')
    .map((r) => (r === 'family' ? '家人' : (ROLE_LABELS[r as Role] ?? r)))
    .join('、');
}

const Cursor = z.string().regex(/^\d{1,12}$/, '分页参数不正确');
const Limit = z.coerce.number().int('条数必须是整数').min(1).max(100).default(20);
const When = z.iso.datetime({ offset: true, error: '时间格式不正确' });

/** Admin search: newest first, paged by the entry's sequence number. `action` matches a prefix. */
export const AuditSearchQuery = z
  .object({
    actorId: Id.optional(),
    subjectUserId: Id.optional(),
    action: z.string().trim().min(1).max(120).optional(),
    from: When.optional(),
    to: When.optional(),
    cursor: Cursor.optional(),
    limit: Limit,
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '开始时间不能晚于结束时间', path: ['to'] });
export type AuditSearchQuery = z.infer<typeof AuditSearchQuery>;

export const DataAccessQuery = z.object({ cursor: Cursor.optional(), limit: Limit }).strict();
export type DataAccessQuery = z.infer<typeof DataAccessQuery>;

export interface AuditPersonRef {
  id: string;
  name: string;
}

export interface AuditEntryView {
  seq: number;
  at: string;
  actor: AuditPersonRef;
  actorRole: string | null;
  roleText: string;
  action: string;
  description: string;
  subject: AuditPersonRef | null;
  resourceId: string | null;
  requestId: string | null;
  ip: string | null;
}

export interface AuditPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** One look at (or change to) the caller's data by someone else, as the caller sees it. */
export interface DataAccessView {
  seq: number;
  at: string;
  /** Beijing time, "2026-11-29 09:30". */
  atText: string;
  actorName: string;
  roleText: string;
  description: string;
}

/** 查看完整号码: an organiser calls someone in their organisation (recorded as resident.phone.read). */
export interface MemberPhoneView {
  userId: string;
  phone: string | null;
}
