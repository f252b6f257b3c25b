import { z } from 'zod';
import type { EnrollmentStatus } from './enrollment.js';
import { Id } from './org.js';

/** Volunteer drives (志愿项目), shifts, hours and urgent mobilisation (一键动员), issue #6. */

export const CAMPAIGN_CATEGORIES = ['epidemic', 'flood', 'elderly', 'environment', 'civility', 'patrol', 'other'] as const;
export type CampaignCategory = (typeof CAMPAIGN_CATEGORIES)[number];
export const CAMPAIGN_CATEGORY_LABELS: Record<CampaignCategory, string> = {
  epidemic: '疫情防控',
  flood: '防汛救灾',
  elderly: '助老助残',
  environment: '环境整治',
  civility: '文明创建',
  patrol: '平安巡逻',
  other: '其他',
};

/** The configurable list of skills a volunteer may declare and a shift may require. */
export const VOLUNTEER_SKILLS = ['医护', '驾驶', '心理疏导', '电工', '外语', '法律', '手语', '摄影', '维修', '厨艺'] as const;
export const VolunteerSkill = z.enum(VOLUNTEER_SKILLS, { message: '请从列表中选择技能' });
const Skills = z.array(VolunteerSkill).max(10).default([]).transform((s) => [...new Set(s)]);

const isoTime = z.iso.datetime({ offset: true, message: '时间格式不正确' });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间应为 HH:MM');

export const CampaignInput = z
  .object({
    /** The community or Party branch running it: decides who may manage it and who sees it. */
    nodeId: Id,
    title: z.string().trim().min(2, '标题至少2个字').max(40),
    category: z.enum(CAMPAIGN_CATEGORIES, { message: '请选择项目类别' }),
    description: z.string().trim().max(2000).default(''),
    goal: z.string().trim().max(200).default(''),
    /** What is counted as impact, e.g. 入户走访户数, and the target number. */
    impactMeasure: z.string().trim().max(30).nullable().default(null),
    impactTarget: z.number().int().min(0).max(1_000_000).nullable().default(null),
    managerIds: z.array(Id).max(10).default([]),
    startsAt: isoTime,
    endsAt: isoTime,
  })
  .strict()
  .refine((c) => c.endsAt > c.startsAt, { message: '结束时间须晚于开始时间', path: ['endsAt'] });
export type CampaignInput = z.infer<typeof CampaignInput>;

/** An organiser's edit of a running drive: only what is sent changes; the period must still contain its shifts. */
export const CampaignEditInput = z
  .object({
    title: z.string().trim().min(2, '标题至少2个字').max(40).optional(),
    description: z.string().trim().max(2000).optional(),
    goal: z.string().trim().max(200).optional(),
    impactMeasure: z.string().trim().max(30).nullable().optional(),
    impactTarget: z.number().int().min(0).max(1_000_000).nullable().optional(),
    startsAt: isoTime.optional(),
    endsAt: isoTime.optional(),
  })
  .strict()
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: '请至少修改一项' })
  .refine((c) => !c.startsAt || !c.endsAt || Date.parse(c.endsAt) > Date.parse(c.startsAt), { message: '结束时间须晚于开始时间', path: ['endsAt'] });
export type CampaignEditInput = z.infer<typeof CampaignEditInput>;

/** Impact achieved so far on one measure (e.g. 入户走访户数: 35); the latest number per measure counts. */
export const ImpactInput = z
  .object({
    measure: z.string().trim().min(2, '请填写成效名称，如：入户走访户数').max(30),
    achieved: z.number({ message: '请填写数量' }).int('数量须是整数').min(0, '数量不能为负').max(1_000_000),
    note: z.string().trim().max(100).optional(),
  })
  .strict();
export type ImpactInput = z.infer<typeof ImpactInput>;

/** Calling a shift off: everyone on it is told this reason. */
export const ShiftCancelRequest = z.object({ reason: z.string().trim().min(2, '请写明取消原因，会通知已报名的志愿者').max(100) }).strict();
export type ShiftCancelRequest = z.infer<typeof ShiftCancelRequest>;

export const ShiftInput = z
  .object({
    title: z.string().trim().min(2, '岗位名称至少2个字').max(40),
    place: z.string().trim().min(2, '请填写地点').max(100),
    startsAt: isoTime,
    endsAt: isoTime,
    capacity: z.number().int().min(1, '至少需要1人').max(1000),
    skills: Skills,
    minAge: z.number().int().min(0).max(100).nullable().default(null),
    maxAge: z.number().int().min(0).max(120).nullable().default(null),
    partyMembersOnly: z.boolean().default(false),
  })
  .strict()
  .refine((s) => s.endsAt > s.startsAt, { message: '结束时间须晚于开始时间', path: ['endsAt'] })
  .refine((s) => Date.parse(s.endsAt) - Date.parse(s.startsAt) <= 24 * 3_600_000, { message: '一个岗位不超过24小时，请拆成多个班次', path: ['endsAt'] })
  .refine((s) => s.minAge === null || s.maxAge === null || s.minAge <= s.maxAge, { message: '最小年龄不能大于最大年龄', path: ['maxAge'] });
export type ShiftInput = z.infer<typeof ShiftInput>;

export const Availability = z.object({ weekday: z.number().int().min(1).max(7), from: hhmm, to: hhmm }).strict().refine((a) => a.to > a.from, { message: '结束须晚于开始', path: ['to'] });
export type Availability = z.infer<typeof Availability>;

export const VolunteerProfileInput = z
  .object({
    skills: Skills,
    availability: z.array(Availability).max(21).default([]),
    /** Grids (residence tree) the person is willing to serve in. */
    gridIds: z.array(Id).max(10).default([]),
  })
  .strict();
export type VolunteerProfileInput = z.infer<typeof VolunteerProfileInput>;

export const ShiftListQuery = z
  .object({
    /** Only shifts whose required skills I have. */
    matching: z.enum(['true', 'false']).optional(),
    campaignId: Id.optional(),
  })
  .strict();
export type ShiftListQuery = z.infer<typeof ShiftListQuery>;

export const HOURS_STATUSES = ['pending', 'approved', 'declined'] as const;
export type HoursStatus = (typeof HOURS_STATUSES)[number];
export const HOURS_STATUS_LABELS: Record<HoursStatus, string> = { pending: '待审核', approved: '已认定', declined: '未认定' };

export const HoursListQuery = z
  .object({ status: z.enum(HOURS_STATUSES).optional(), campaignId: Id.optional(), limit: z.coerce.number().int().min(1).max(200).default(100) })
  .strict();
export type HoursListQuery = z.infer<typeof HoursListQuery>;

export const HoursDecisionRequest = z
  .object({
    ids: z.array(Id).min(1, '请至少选择一条').max(200, '一次最多审核200条').transform((ids) => [...new Set(ids)]),
    decision: z.enum(['approve', 'decline']),
    reason: z.string().trim().max(100).optional(),
  })
  .strict()
  .refine((d) => d.decision === 'approve' || (d.reason?.length ?? 0) >= 2, { message: '不认定时请写明原因', path: ['reason'] });
export type HoursDecisionRequest = z.infer<typeof HoursDecisionRequest>;

/** An organiser sets the minutes of an auto checked-out entry still pending, saying why; the hours are rounded again. */
export const HoursCorrectionRequest = z
  .object({
    minutes: z.number({ message: '请填写实际服务分钟数' }).int('分钟数须是整数').min(0, '分钟数不能为负').max(24 * 60, '一次服务不超过24小时（1440分钟）'),
    reason: z.string().trim().min(2, '请写明更正原因').max(100),
  })
  .strict();
export type HoursCorrectionRequest = z.infer<typeof HoursCorrectionRequest>;

export const CertificateCode = z.string().regex(/^[0-9A-Z]{12}$/, '验证码格式不正确');

export const PARTY_TARGETING = ['all', 'first', 'only'] as const;
export type PartyTargeting = (typeof PARTY_TARGETING)[number];
export const PARTY_TARGETING_LABELS: Record<PartyTargeting, string> = { all: '不限', first: '党员优先', only: '仅限党员' };

export const MobilisationInput = z
  .object({
    campaignId: Id,
    title: z.string().trim().min(2, '请填写召集内容').max(40),
    place: z.string().trim().min(2, '请填写集合地点').max(100),
    startsAt: isoTime,
    endsAt: isoTime,
    /** Answers are taken until then. */
    deadline: isoTime,
    needed: z.number().int().min(1, '至少需要1人').max(1000),
    gridIds: z.array(Id).max(30).default([]),
    branchIds: z.array(Id).max(30).default([]),
    skills: Skills,
    /** Only people whose declared availability covers the time. */
    availableOnly: z.boolean().default(false),
    party: z.enum(PARTY_TARGETING).default('all'),
    /** With `first`: others are called this long after the Party members, unless filled by then. */
    othersAfterMinutes: z.number().int().min(0).max(720).default(15),
    /** Remind those who have not answered after this long, if still short. */
    remindAfterMinutes: z.number().int().min(5).max(1440).default(30),
  })
  .strict()
  .refine((m) => m.endsAt > m.startsAt, { message: '结束时间须晚于开始时间', path: ['endsAt'] })
  .refine((m) => m.deadline <= m.endsAt, { message: '响应截止须早于任务结束', path: ['deadline'] })
  .refine((m) => Date.parse(m.endsAt) - Date.parse(m.startsAt) <= 24 * 3_600_000, { message: '一次召集不超过24小时', path: ['endsAt'] });
export type MobilisationInput = z.infer<typeof MobilisationInput>;

export const MobilisationAnswerRequest = z.object({ answer: z.enum(['accept', 'decline'], { message: '请选择参加或不参加' }) }).strict();
export type MobilisationAnswerRequest = z.infer<typeof MobilisationAnswerRequest>;

// ---- views ----

export interface CampaignSummary {
  id: string;
  title: string;
  category: CampaignCategory;
  node: { id: string; name: string };
  startsAt: string;
  endsAt: string;
  status: 'open' | 'closed';
  shiftCount: number;
  canManage: boolean;
}

export interface CampaignDetail extends CampaignSummary {
  description: string;
  goal: string;
  impactMeasure: string | null;
  impactTarget: number | null;
  managers: { id: string; name: string }[];
  shifts: ShiftView[];
  approvedHours: number;
  /** The declared measure first (with its target), then any other recorded, each at its latest number. */
  impact: ImpactView[];
}

export interface ImpactView {
  measure: string;
  target: number | null;
  achieved: number | null;
  note: string | null;
  recordedAt: string | null;
  recordedBy: string | null;
}

export interface ShiftView {
  id: string;
  campaignId: string;
  campaignTitle: string;
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  placesLeft: number;
  waitlisted: number;
  skills: string[];
  minAge: number | null;
  maxAge: number | null;
  partyMembersOnly: boolean;
  /** The caller's own enrollment on it, if any. */
  mine: { enrollmentId: string; status: EnrollmentStatus } | null;
  /** The caller has every skill it needs. */
  skillsMatch: boolean;
  /** Cancelled shifts are only seen from their own page (and the notice that told everyone why). */
  status: 'open' | 'cancelled';
}

export interface MyShiftView extends ShiftView {
  checkedInAt: string | null;
  checkedOutAt: string | null;
  hours: number | null;
  hoursStatus: HoursStatus | null;
}

export interface ShiftRosterEntry {
  enrollmentId: string;
  user: { id: string; name: string; phoneMasked: string | null };
  status: EnrollmentStatus;
  skills: string[];
  checkedInAt: string | null;
  checkedOutAt: string | null;
}

export interface VolunteerProfileView {
  skills: string[];
  availability: Availability[];
  grids: { id: string; name: string }[];
  gridChoices: { id: string; name: string }[];
}

export interface HoursEntryView {
  id: string;
  user: { id: string; name: string };
  shift: { id: string; title: string; startsAt: string };
  campaign: { id: string; title: string };
  checkInAt: string;
  checkOutAt: string;
  minutes: number;
  hours: number;
  status: HoursStatus;
  /** Closed by the system 24 h after check-in: look before approving. */
  autoCheckout: boolean;
  declineReason: string | null;
  /** The latest organiser correction of the minutes, if any (every one is kept). */
  correction: { fromMinutes: number; reason: string; by: string; at: string } | null;
}

export interface MyHoursView {
  approvedHours: number;
  pendingHours: number;
  stars: number;
  nextStarAt: number | null;
  hoursToNextStar: number | null;
  byCampaign: { campaignId: string; title: string; hours: number }[];
  byYear: { year: number; hours: number }[];
  entries: HoursEntryView[];
}

export interface CertificateView {
  code: string;
  nameMasked: string;
  hours: number;
  stars: number;
  issuedAt: string;
  issuer: string;
}

/** What an organiser may target in a call: grids and Party branches in their scope. */
export interface MobilisationTargets {
  grids: { id: string; name: string }[];
  branches: { id: string; name: string }[];
}

export type MobilisationStatus = 'open' | 'filled' | 'closed';
export const MOBILISATION_STATUS_LABELS: Record<MobilisationStatus, string> = { open: '召集中', filled: '已满员', closed: '已结束' };
export type MobilisationAnswer = 'none' | 'accepted' | 'declined' | 'full';

export interface MobilisationView {
  id: string;
  campaign: { id: string; title: string };
  shiftId: string;
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
  deadline: string;
  needed: number;
  accepted: number;
  status: MobilisationStatus;
  /** The caller's own answer when they were called. */
  myAnswer: MobilisationAnswer | null;
  myEnrollment: { id: string; status: EnrollmentStatus } | null;
  canManage: boolean;
}

/** What an answer did: a place in the shift, a decline noted, or full (and the waitlist on offer). */
export interface MobilisationAnswerResult {
  outcome: 'enrolled' | 'declined' | 'full';
  message: string;
  enrollmentId: string | null;
  canJoinWaitlist: boolean;
}

export interface BoardCounts {
  targeted: number;
  delivered: number;
  read: number;
  accepted: number;
  declined: number;
  full: number;
  silent: number;
}

export interface MobilisationBoard {
  call: MobilisationView;
  overall: BoardCounts;
  byGrid: (BoardCounts & { id: string | null; name: string })[];
  byBranch: (BoardCounts & { id: string | null; name: string })[];
  /** Answered (any answer) / targeted, 0–1. */
  responseRate: number;
  /** From launch to the Nth acceptance, when filled. */
  timeToFillSeconds: number | null;
  remindedAt: string | null;
}
