import { z } from 'zod';
import { imageDataUrl } from './images.js';
import { Id, PageQuery } from './org.js';

/**
 * The case workflow (工单, ADR 0017): something a person asked for that a responsible person must answer
 * by a deadline. One workflow for resident reports, disputes, follow-up needs found on visits and privacy
 * complaints.
 */
export const CASE_KINDS = ['report', 'dispute', 'visit_followup', 'privacy_complaint'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_KIND_LABELS: Record<CaseKind, string> = { report: '居民反映', dispute: '矛盾纠纷', visit_followup: '走访发现', privacy_complaint: '个人信息投诉' };

export const CASE_STATUSES = ['pending', 'accepted', 'in_progress', 'resolved', 'rated', 'closed', 'merged', 'refused', 'cannot_handle', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  pending: '待受理',
  accepted: '已受理',
  in_progress: '处理中',
  resolved: '已办结',
  rated: '已评价',
  closed: '已关闭',
  merged: '已合并',
  refused: '不予受理',
  cannot_handle: '无法办理',
  withdrawn: '已撤回',
};
/** Statuses with a clock running on someone. */
export const CASE_OPEN_STATUSES: readonly CaseStatus[] = ['pending', 'accepted', 'in_progress'];

/** The closed set of report categories (随手拍 / 我要反映). */
export const CASE_CATEGORIES = ['sanitation', 'facilities', 'safety', 'noise', 'neighbour', 'property', 'parking', 'policy', 'suggestion', 'other'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];
export const CASE_CATEGORY_LABELS: Record<CaseCategory, string> = {
  sanitation: '环境卫生',
  facilities: '公共设施',
  safety: '安全隐患',
  noise: '噪音扰民',
  neighbour: '邻里纠纷',
  property: '物业问题',
  parking: '停车',
  policy: '政策咨询',
  suggestion: '意见建议',
  other: '其他',
};
/** Categories where a community may let the reporter stay anonymous to the handler. */
export const CASE_ANONYMOUS_CATEGORIES: readonly CaseCategory[] = ['safety', 'neighbour'];

export const CASE_RATINGS = ['satisfied', 'basically', 'unsatisfied'] as const;
export type CaseRating = (typeof CASE_RATINGS)[number];
export const CASE_RATING_LABELS: Record<CaseRating, string> = { satisfied: '满意', basically: '基本满意', unsatisfied: '不满意' };

export const CASE_EVENT_TYPES = [
  'filed', 'followed', 'accepted', 'reassigned', 'replied', 'resolved', 'rated', 'reopened', 'due_soon', 'overdue', 'escalated',
  'merged', 'merged_in', 'refused', 'cannot_handle', 'withdrawn', 'closed',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];
export const CASE_EVENT_LABELS: Record<CaseEventType, string> = {
  filed: '提交反映',
  followed: '一起关注',
  accepted: '已受理',
  reassigned: '转派',
  replied: '答复',
  resolved: '已办结',
  rated: '评价',
  reopened: '重新办理',
  due_soon: '即将到期提醒',
  overdue: '已超期',
  escalated: '升级督办',
  merged: '合并到另一件',
  merged_in: '合并了重复反映',
  refused: '不予受理',
  cannot_handle: '无法办理',
  withdrawn: '已撤回',
  closed: '已关闭',
};

/** Default deadline per category: accept within N working days (or clock hours), resolve within M working days. */
export interface CaseDeadlineRule {
  /** Clock hours around the clock when set (safety hazards); otherwise accept within one working day. */
  acceptHours: number | null;
  resolveDays: number;
}
export const CASE_DEFAULT_DEADLINES: Record<CaseCategory, CaseDeadlineRule> = {
  sanitation: { acceptHours: null, resolveDays: 3 },
  facilities: { acceptHours: null, resolveDays: 5 },
  safety: { acceptHours: 2, resolveDays: 3 },
  noise: { acceptHours: null, resolveDays: 5 },
  neighbour: { acceptHours: null, resolveDays: 10 },
  property: { acceptHours: null, resolveDays: 5 },
  parking: { acceptHours: null, resolveDays: 5 },
  policy: { acceptHours: null, resolveDays: 3 },
  suggestion: { acceptHours: null, resolveDays: 10 },
  other: { acceptHours: null, resolveDays: 5 },
};
/** A reopen is possible this many days after the case was resolved, once. */
export const CASE_REOPEN_DAYS = 7;
/** Similar open cases shown before a new report: same category and building, filed within these days. */
export const CASE_SIMILAR_DAYS = 14;
export const CASE_TEXT_MAX = 1000;
export const CASE_PHOTOS_MAX = 6;
/** One photo per request, compressed on the phone first (the JSON body limit is 256 kB). */
export const CASE_PHOTO_MAX_BYTES = 180 * 1024;
export const CasePhotoUploadRequest = z.object({ dataUrl: imageDataUrl(CASE_PHOTO_MAX_BYTES) }).strict();
export type CasePhotoUploadRequest = z.infer<typeof CasePhotoUploadRequest>;

const Text = (what: string, min = 2) =>
  z.string({ error: `请填写${what}` }).trim().min(min, `${what}请至少写${min}个字`).max(CASE_TEXT_MAX, `${what}请控制在${CASE_TEXT_MAX}字以内`);
const Reason = (what: string) => z.string({ error: `请填写${what}` }).trim().min(2, `请写明${what}`).max(200, `${what}请控制在200字以内`);

export const FileReportRequest = z
  .object({
    category: z.enum(CASE_CATEGORIES, { error: '请选择反映类别' }),
    text: Text('反映内容'),
    /** The building it is about; the reporter's own building when left out. */
    buildingId: Id.optional(),
    /** Hide the reporter from the handler (only 安全隐患 and 邻里纠纷, where the community allows it). */
    anonymous: z.boolean().default(false),
    /** Photos uploaded beforehand (POST /cases/photos), at most CASE_PHOTOS_MAX. */
    photoIds: z.array(Id).max(6, '最多上传6张照片').default([]),
    /** 代办: a grid worker or family member files for this resident (with a consent record). */
    onBehalfOf: Id.optional(),
  })
  .strict();
export type FileReportRequest = z.infer<typeof FileReportRequest>;

export const SimilarCasesQuery = z.object({ category: z.enum(CASE_CATEGORIES, { error: '请选择反映类别' }), buildingId: Id.optional() }).strict();
export type SimilarCasesQuery = z.infer<typeof SimilarCasesQuery>;

export const CaseTextRequest = z.object({ text: Text('内容') }).strict();
export type CaseTextRequest = z.infer<typeof CaseTextRequest>;
export const CaseReasonRequest = z.object({ reason: Reason('原因') }).strict();
export type CaseReasonRequest = z.infer<typeof CaseReasonRequest>;
export const ReassignCaseRequest = z.object({ toUserId: Id, reason: Reason('转派原因') }).strict();
export type ReassignCaseRequest = z.infer<typeof ReassignCaseRequest>;
export const MergeCaseRequest = z.object({ intoCaseId: Id }).strict();
export type MergeCaseRequest = z.infer<typeof MergeCaseRequest>;
export const RateCaseRequest = z
  .object({ rating: z.enum(CASE_RATINGS, { error: '请选择满意、基本满意或不满意' }), comment: z.string().trim().max(200, '评价请控制在200字以内').optional() })
  .strict();
export type RateCaseRequest = z.infer<typeof RateCaseRequest>;

export const CaseQueueQuery = PageQuery.extend({ scope: z.enum(['mine', 'community']).default('mine'), open: z.enum(['true', 'false']).default('true') }).strict();
export type CaseQueueQuery = z.infer<typeof CaseQueueQuery>;

export const CaseRouteRequest = z.object({ gridId: Id, category: z.enum(CASE_CATEGORIES), handlerUserId: Id }).strict();
export type CaseRouteRequest = z.infer<typeof CaseRouteRequest>;
export const CaseDeadlineRequest = z
  .object({
    communityId: Id,
    category: z.enum(CASE_CATEGORIES),
    acceptHours: z.number().int().min(1).max(72).nullable(),
    resolveDays: z.number().int().min(1, '办结时限至少1个工作日').max(30, '办结时限最多30个工作日'),
    anonymousAllowed: z.boolean().default(false),
  })
  .strict();
export type CaseDeadlineRequest = z.infer<typeof CaseDeadlineRequest>;

export interface CaseEventView {
  id: string;
  type: CaseEventType;
  at: string;
  /** Staff are named; residents appear as "居民" to anyone but themselves. */
  actor: string | null;
  text: string | null;
}

export interface CaseView {
  id: string;
  kind: CaseKind;
  category: string;
  categoryLabel: string;
  status: CaseStatus;
  text: string;
  place: { buildingId: string | null; buildingName: string | null; gridName: string | null; communityName: string | null };
  handler: { name: string } | null;
  createdAt: string;
  acceptDueAt: string | null;
  resolveDueAt: string | null;
  overdue: boolean;
  escalationLevel: number;
  reopenCount: number;
  rating: CaseRating | null;
  mergedIntoId: string | null;
  followers: number;
  /** The caller's relation to the case. */
  me: { reporter: boolean; follower: boolean; handler: boolean; staff: boolean; canRate: boolean; canReopen: boolean };
  /** Only for staff, and never when the reporter chose anonymity. */
  reporter: { name: string } | null;
  anonymous: boolean;
  timeline: CaseEventView[];
  /** Photos of the report and, after handling, the handler's; fetched with the caller's token. */
  photos: { id: string; phase: 'report' | 'after'; url: string }[];
}

export interface SimilarCaseView {
  id: string;
  category: CaseCategory;
  text: string;
  status: CaseStatus;
  createdAt: string;
  followers: number;
}

export const CaseCommunityQuery = z.object({ communityId: Id }).strict();
export type CaseCommunityQuery = z.infer<typeof CaseCommunityQuery>;
export const CaseExitRequest = z.object({ outcome: z.enum(['refused', 'cannot_handle'], { error: '请选择不予受理或无法办理' }), reason: Reason('原因') }).strict();
export type CaseExitRequest = z.infer<typeof CaseExitRequest>;

/** 走访发现: a need from a visit raised as a case (by the grid staff who visited). */
export const VisitFollowupRequest = z.object({ category: z.enum(CASE_CATEGORIES, { error: '请选择问题类别' }), text: Text('需要跟进的问题') }).strict();
export type VisitFollowupRequest = z.infer<typeof VisitFollowupRequest>;
