import { z } from 'zod';
import { Id } from './org.js';

/** Every status an enrollment can be in; `SEAT_HOLDING` ones count against the slot's capacity. */
export const ENROLLMENT_STATUSES = ['registered', 'confirmed', 'waitlisted', 'offered', 'cancelled', 'attended', 'missed'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];
export const SEAT_HOLDING: readonly EnrollmentStatus[] = ['registered', 'confirmed', 'offered', 'attended', 'missed'];

export const ENROLLMENT_STATUS_LABELS: Record<EnrollmentStatus, string> = {
  registered: '待审核',
  confirmed: '已报名',
  waitlisted: '候补中',
  offered: '候补到位待确认',
  cancelled: '已取消',
  attended: '已签到',
  missed: '未到场',
};

/** Who may enrol: all conditions must hold. Node ids are communities, grids or buildings of the residence tree. */
export const Eligibility = z
  .object({
    minAge: z.number().int().min(0).max(120).optional(),
    maxAge: z.number().int().min(0).max(120).optional(),
    residenceNodeIds: z.array(Id).max(20).optional(),
    partyMembersOnly: z.boolean().optional(),
    /** Members of these Party organisations only (a branch's own activity, e.g. 主题党日). */
    partyNodeIds: z.array(Id).max(20).optional(),
    skills: z.array(z.string().trim().min(1).max(20)).max(10).optional(),
  })
  .strict()
  .refine((e) => e.minAge === undefined || e.maxAge === undefined || e.minAge <= e.maxAge, { message: '最小年龄不能大于最大年龄', path: ['maxAge'] });
export type Eligibility = z.infer<typeof Eligibility>;

/** A household member who comes along; counted against capacity. */
export const Companion = z
  .object({
    name: z.string().trim().min(1, '请填写同行人姓名').max(20),
    age: z.number().int().min(0).max(120),
  })
  .strict();
export type Companion = z.infer<typeof Companion>;

export const MAX_COMPANIONS = 5;

export const SignUpRequest = z
  .object({ companions: z.array(Companion).max(MAX_COMPANIONS, `最多带${MAX_COMPANIONS}位同行人`).default([]) })
  .strict();
export type SignUpRequest = z.infer<typeof SignUpRequest>;

/** An organiser enters someone without a phone (or on their behalf) with a recorded reason. */
export const OrganiserEnrolRequest = z
  .object({
    userId: Id,
    companions: z.array(Companion).max(MAX_COMPANIONS).default([]),
    reason: z.string().trim().min(2, '请写明代报名原因').max(100),
  })
  .strict();
export type OrganiserEnrolRequest = z.infer<typeof OrganiserEnrolRequest>;

export const DecisionRequest = z.object({ reason: z.string().trim().max(100).optional() }).strict();
export type DecisionRequest = z.infer<typeof DecisionRequest>;

export const AttendanceRequest = z.object({ attended: z.boolean() }).strict();
export type AttendanceRequest = z.infer<typeof AttendanceRequest>;

export interface EnrollmentView {
  id: string;
  slotId: string;
  status: EnrollmentStatus;
  companions: Companion[];
  seats: number;
  /** 1-based place in the queue while waitlisted. */
  waitlistPosition: number | null;
  offerExpiresAt: string | null;
  createdAt: string;
}

export interface RosterEntry extends EnrollmentView {
  user: { id: string; name: string; phoneMasked: string | null };
  enteredBy: { id: string; name: string } | null;
  enteredReason: string | null;
}

export interface SlotCounters {
  capacity: number;
  reserved: number;
  taken: number;
  reservedTaken: number;
  waitlisted: number;
  placesLeft: number;
}
