import { z } from 'zod';
import { imageDataUrl } from './images.js';
import { Companion, Eligibility, type EnrollmentView, type RosterEntry } from './enrollment.js';
import { Id } from './org.js';

export const ACTIVITY_CATEGORIES = ['talk', 'health', 'festival', 'class', 'trip', 'volunteer', 'other'] as const;
export type ActivityCategory = (typeof ACTIVITY_CATEGORIES)[number];
export const ACTIVITY_CATEGORY_LABELS: Record<ActivityCategory, string> = {
  talk: '讲座',
  health: '健康',
  festival: '节日',
  class: '课堂',
  trip: '出游',
  volunteer: '志愿',
  other: '其他',
};

/** Who may publish an activity: a community for its residents, a Party branch for its members. */
export const ACTIVITY_HOST_KINDS = ['community', 'branch'] as const;
export type ActivityHostKind = (typeof ACTIVITY_HOST_KINDS)[number];

/** A place the caller may publish to (GET /api/activities/places). */
export interface ActivityPlace {
  id: string;
  name: string;
  kind: ActivityHostKind;
}

const isoTime = z.iso.datetime({ offset: true, message: '时间格式不正确' });

export const ActivityInput = z
  .object({
    communityId: Id,
    title: z.string().trim().min(2, '标题至少2个字').max(40),
    category: z.enum(ACTIVITY_CATEGORIES),
    description: z.string().trim().max(2000).default(''),
    coverImage: z.string().trim().max(300).regex(/^(\/|https:\/\/)/, '封面须为站内图片或 https 地址').nullable().default(null),
    place: z.string().trim().min(2, '请填写活动地点').max(100),
    startsAt: isoTime,
    endsAt: isoTime,
    signupOpensAt: isoTime.optional(),
    signupClosesAt: isoTime.optional(),
    cancelDeadline: isoTime.optional(),
    capacity: z.number().int().min(1).max(10_000),
    reserved: z.number().int().min(0).max(1000).default(0),
    maxCompanions: z.number().int().min(0).max(5).default(2),
    needsApproval: z.boolean().default(false),
    eligibility: Eligibility.nullable().default(null),
  })
  .strict()
  .refine((a) => a.endsAt > a.startsAt, { message: '结束时间须晚于开始时间', path: ['endsAt'] })
  .refine((a) => a.reserved < a.capacity, { message: '预留名额须少于总名额', path: ['reserved'] });
export type ActivityInput = z.infer<typeof ActivityInput>;

export const ActivityListQuery = z
  .object({
    communityId: Id.optional(),
    category: z.enum(ACTIVITY_CATEGORIES).optional(),
    /** Beijing calendar day, e.g. 2026-12-03. */
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), '没有这一天')
      .optional(),
    includePast: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: z.string().max(64).optional(),
  })
  .strict();
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;

export const DuplicateActivityRequest = z.object({ days: z.number().int().min(1).max(365).default(7) }).strict();
export type DuplicateActivityRequest = z.infer<typeof DuplicateActivityRequest>;

export const RatingRequest = z
  .object({ stars: z.number().int().min(1, '请选择1到5颗星').max(5, '请选择1到5颗星'), comment: z.string().trim().max(300).default('') })
  .strict();
export type RatingRequest = z.infer<typeof RatingRequest>;

/** Under the API's 256 KB request limit once base64-encoded; the app shrinks a phone photo to fit. */
export const ACTIVITY_COVER_MAX_BYTES = 180 * 1024;
export const CoverUploadRequest = z.object({ dataUrl: imageDataUrl(ACTIVITY_COVER_MAX_BYTES) }).strict();
export type CoverUploadRequest = z.infer<typeof CoverUploadRequest>;

/** Calling a whole activity off: everyone signed up is told, with the reason. */
export const ActivityCancelRequest = z.object({ reason: z.string().trim().min(2, '请写明取消原因，报名的居民会收到').max(100, '原因请控制在100字以内') }).strict();
export type ActivityCancelRequest = z.infer<typeof ActivityCancelRequest>;

/** An organiser's decision on a comment WeChat's check could not judge. */
export const CommentModeration = z.object({ decision: z.enum(['publish', 'reject']) }).strict();
export type CommentModeration = z.infer<typeof CommentModeration>;

/** A rating as shown: the rater's name is masked for everyone (the organiser needs the words, not the person). */
export interface RatingView {
  id: string;
  stars: number;
  comment: string;
  commentStatus: 'visible' | 'held';
  raterMasked: string;
  createdAt: string;
}

export { Companion };

export interface ActivitySummary {
  id: string;
  title: string;
  category: ActivityCategory;
  coverImage: string | null;
  place: string;
  startsAt: string;
  endsAt: string;
  /** Who publishes it: a community, or a Party branch (for its own members). */
  community: { id: string; name: string };
  hostKind: ActivityHostKind;
  capacity: number;
  placesLeft: number;
  waitlisted: number;
  status: 'published' | 'cancelled';
}

export interface ActivityDetail extends ActivitySummary {
  description: string;
  signupOpensAt: string;
  signupClosesAt: string;
  cancelDeadline: string;
  reserved: number;
  maxCompanions: number;
  needsApproval: boolean;
  eligibility: Eligibility | null;
  eligibilityText: string;
  rating: { average: number | null; count: number };
  mine: (EnrollmentView & { rated: boolean }) | null;
  canManage: boolean;
}

export interface MyEnrollmentView extends EnrollmentView {
  activity: ActivitySummary;
  rated: boolean;
  /** Someone else signed the person up: a family member on a live link, or an organiser. */
  enteredBy: { name: string; as: 'family' | 'organiser' } | null;
}

export type { RosterEntry };
