import { z } from 'zod';
import { Id, PageQuery } from './org.js';

/**
 * 举报投诉: a resident reports misuse of personal data; an admin of their community's street must
 * answer within COMPLAINT_ANSWER_DAYS; the resident follows the status and accepts the answer.
 */
export const COMPLAINT_CATEGORIES = ['data_leak', 'no_consent', 'proxy_overreach', 'harassment', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  data_leak: '个人信息泄露',
  no_consent: '未经同意使用',
  proxy_overreach: '代办越权',
  harassment: '骚扰',
  other: '其他',
};

export const COMPLAINT_STATUSES = ['submitted', 'answered', 'closed', 'withdrawn'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  submitted: '待答复',
  answered: '已答复',
  closed: '已办结',
  withdrawn: '已撤回',
};

/** PIPL practice (GB/T 35273 asks for a reply within 15 working days): we promise 15 calendar days, which is stricter. */
export const COMPLAINT_ANSWER_DAYS = 15;
/** Admins get an urgent reminder when an unanswered complaint is this close to its deadline. */
export const COMPLAINT_DUE_SOON_HOURS = 48;
/** Open (unanswered or not yet accepted) complaints one person may have at once. */
export const COMPLAINT_MAX_OPEN = 5;
/** Filings per person per 24 hours, so withdrawing and refiling cannot flood the admins' inboxes. */
export const COMPLAINT_MAX_PER_DAY = 10;
export const COMPLAINT_TEXT_MIN = 10;
export const COMPLAINT_TEXT_MAX = 1000;

/** The deadline of a complaint filed at `filedAt`. */
export function complaintDueAt(filedAt: Date): Date {
  return new Date(filedAt.getTime() + COMPLAINT_ANSWER_DAYS * 86_400_000);
}

const Text = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(COMPLAINT_TEXT_MIN, `${what}请至少写${COMPLAINT_TEXT_MIN}个字，说清楚发生了什么`)
    .max(COMPLAINT_TEXT_MAX, `${what}请控制在${COMPLAINT_TEXT_MAX}字以内`);

export const FileComplaintRequest = z
  .object({
    category: z.enum(COMPLAINT_CATEGORIES, { error: '请选择投诉类别' }),
    text: Text('投诉内容'),
    /** Who or what it is about, in the resident's words (e.g. "3号楼网格员", "某次活动签到表"). */
    subject: z.string().trim().max(100, '被投诉对象请控制在100字以内').optional(),
    /** When the resident knows the person's account (e.g. from a family link or a roster). */
    accusedUserId: Id.optional(),
    /** Do not tell the accused who complained. */
    anonymous: z.boolean().default(false),
  })
  .strict();
export type FileComplaintRequest = z.infer<typeof FileComplaintRequest>;

export const AnswerComplaintRequest = z.object({ answer: Text('答复') }).strict();
export type AnswerComplaintRequest = z.infer<typeof AnswerComplaintRequest>;

/** The admin's list: by default the unanswered ones, overdue first. */
export const ManageComplaintsQuery = PageQuery.extend({ status: z.enum(COMPLAINT_STATUSES).default('submitted') }).strict();
export type ManageComplaintsQuery = z.infer<typeof ManageComplaintsQuery>;

export interface ComplaintView {
  id: string;
  category: ComplaintCategory;
  status: ComplaintStatus;
  text: string;
  subject: string | null;
  accused: { id: string; name: string } | null;
  anonymous: boolean;
  createdAt: string;
  dueAt: string;
  /** Still unanswered after the deadline. */
  overdue: boolean;
  answer: string | null;
  answeredBy: { name: string } | null;
  answeredAt: string | null;
  closedAt: string | null;
  withdrawnAt: string | null;
}

/** What an admin sees: who complained (to reach them; never to be passed on when `anonymous`) and where. */
export interface ManagedComplaintView extends ComplaintView {
  complainant: { id: string; name: string; phoneMasked: string | null };
  community: { id: string; name: string };
  /** Unanswered and due within COMPLAINT_DUE_SOON_HOURS. */
  dueSoon: boolean;
}
