import { z } from 'zod';
import type { EnrollmentStatus } from './enrollment.js';
import { Id } from './org.js';
import { isoTime, Skills } from './volunteering-fields.js';

/** Urgent mobilisation (一键动员) of volunteers for a drive's shift, issue #6. */

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
