import { z } from 'zod';
import type { EnrollmentStatus } from './enrollment.js';
import { Id } from './org.js';
import { hhmm, isoTime, Skills } from './volunteering-fields.js';

export { VOLUNTEER_SKILLS, VolunteerSkill } from './volunteering-fields.js';

/** Volunteer drives (志愿项目), shifts and hours, issue #6; urgent mobilisation (一键动员) is in mobilisation.ts. */

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
