import { z } from 'zod';
import { imageDataUrl } from './images.js';
import { MEETING_TYPES, type CadenceItem, type MeetingType } from '../meeting-cadence.js';
import type { NodeRef } from './auth.js';
import type { CheckInMethod } from './checkin.js';
import { Id } from './org.js';

const isoTime = z.iso.datetime({ offset: true, message: '时间格式不正确' }).transform((s) => new Date(s));
const text = (max: number) => z.string().trim().max(max);

/** Who is invited: a whole branch, its committee (支委), one Party group, or chosen people. */
export const MeetingInviteesInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('branch') }).strict(),
  z.object({ kind: z.literal('committee') }).strict(),
  z.object({ kind: z.literal('group'), groupId: Id }).strict(),
  z.object({ kind: z.literal('members'), userIds: z.array(Id).min(1, '请至少选择一人').max(1000) }).strict(),
]);
export type MeetingInviteesInput = z.infer<typeof MeetingInviteesInput>;

const place = {
  address: text(120).min(2, '请填写会议地点'),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  radiusM: z.number().int().min(20, '签到范围至少20米').max(2000, '签到范围最多2000米').nullable().optional(),
  allowGeofence: z.boolean().optional(),
};

const meetingFields = {
  type: z.enum(MEETING_TYPES, { message: '请选择会议类型' }),
  title: text(60).min(2, '请填写会议名称'),
  startsAt: isoTime,
  endsAt: isoTime,
  ...place,
  hostUserId: Id.nullable().optional(),
  recorderUserId: Id.nullable().optional(),
  agenda: text(2000).optional(),
  lateGraceMinutes: z.number().int().min(0).max(120).optional(),
};

const timesInOrder = (v: { startsAt?: Date; endsAt?: Date }) => !v.startsAt || !v.endsAt || v.endsAt > v.startsAt;
const coordsTogether = (v: { lat?: number | null; lng?: number | null; radiusM?: number | null; allowGeofence?: boolean }) =>
  !v.allowGeofence || (v.lat != null && v.lng != null && v.radiusM != null);

export const CreateMeetingRequest = z
  .object({ nodeId: Id, ...meetingFields, invitees: MeetingInviteesInput })
  .strict()
  .refine(timesInOrder, { message: '结束时间须晚于开始时间', path: ['endsAt'] })
  .refine(coordsTogether, { message: '允许定位签到时须填写坐标和范围', path: ['radiusM'] });
export type CreateMeetingRequest = z.infer<typeof CreateMeetingRequest>;

export const UpdateMeetingRequest = z
  .object(Object.fromEntries(Object.entries(meetingFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof meetingFields]: z.ZodOptional<(typeof meetingFields)[K]> })
  // `invitees` replaces the list (same choice as at creation, only before the start); `addInvitees` only adds.
  .extend({ invitees: MeetingInviteesInput.optional(), addInvitees: z.array(Id).max(1000).optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: '至少修改一项' })
  .refine(timesInOrder, { message: '结束时间须晚于开始时间', path: ['endsAt'] })
  .refine((v) => !(v.invitees && v.addInvitees), { message: '调整参会人员和追加参会人员请分开提交', path: ['invitees'] });
export type UpdateMeetingRequest = z.infer<typeof UpdateMeetingRequest>;

export const MeetingListQuery = z
  .object({
    scope: z.enum(['mine', 'managed']).default('mine'),
    when: z.enum(['upcoming', 'past', 'all']).default('all'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export type MeetingListQuery = z.infer<typeof MeetingListQuery>;

export const LeaveRequest = z.object({ reason: text(200).min(2, '请填写请假原因') }).strict();
export type LeaveRequest = z.infer<typeof LeaveRequest>;

export const LeaveDecision = z.object({ approve: z.boolean(), note: text(200).optional() }).strict();
export type LeaveDecision = z.infer<typeof LeaveDecision>;

export const MinutesRequest = z
  .object({ minutes: text(20_000).optional(), resolutions: text(5_000).optional() })
  .strict()
  .refine((v) => v.minutes !== undefined || v.resolutions !== undefined, { message: '请填写会议记录或决议' });
export type MinutesRequest = z.infer<typeof MinutesRequest>;

/** Photos travel as small data URLs (the client compresses first); stored as files with random names. */
export const MEETING_PHOTO_MAX_BYTES = 150 * 1024;
export const MEETING_PHOTOS_MAX = 12;
export const PhotoUploadRequest = z
  .object({ dataUrl: imageDataUrl(MEETING_PHOTO_MAX_BYTES) })
  .strict();
export type PhotoUploadRequest = z.infer<typeof PhotoUploadRequest>;

export const AttendanceExportQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100), nodeId: Id.optional() }).strict();
export type AttendanceExportQuery = z.infer<typeof AttendanceExportQuery>;

export const MEETING_STATUSES = ['scheduled', 'closed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const ATTENDANCE_STATUSES = ['pending', 'present', 'late', 'leave', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = { pending: '未签到', present: '出席', late: '迟到', leave: '请假', absent: '缺席' };

export const LEAVE_STATUSES = ['none', 'requested', 'approved', 'rejected'] as const;
export type LeaveStatus = (typeof LEAVE_STATUSES)[number];

export interface PersonRef {
  id: string;
  name: string;
}

export interface MeetingView {
  id: string;
  type: MeetingType;
  typeLabel: string;
  title: string;
  node: NodeRef;
  status: MeetingStatus;
  startsAt: string;
  endsAt: string;
  address: string;
  lat: number | null;
  lng: number | null;
  radiusM: number | null;
  allowGeofence: boolean;
  lateGraceMinutes: number;
  host: PersonRef | null;
  recorder: PersonRef | null;
  agenda: string;
  minutes: string;
  resolutions: string;
  photos: { id: string; url: string }[];
  counts: Record<AttendanceStatus, number> & { invited: number; leaveRequested: number };
  /** The caller's own invitation, if invited. */
  me: { attendance: AttendanceStatus; leave: LeaveStatus; leaveReason: string | null; checkedInAt: string | null } | null;
  canManage: boolean;
}

export interface AttendanceRow {
  userId: string;
  name: string;
  attendance: AttendanceStatus;
  checkedInAt: string | null;
  method: CheckInMethod | null;
  assistedBy: string | null;
  leave: LeaveStatus;
  leaveReason: string | null;
}

export interface MeetingAttendanceView {
  meetingId: string;
  status: MeetingStatus;
  counts: MeetingView['counts'];
  rows: AttendanceRow[];
}

export interface MyAttendanceView {
  year: number;
  totals: Record<AttendanceStatus, number>;
  items: { meetingId: string; title: string; type: MeetingType; typeLabel: string; startsAt: string; attendance: AttendanceStatus }[];
}

export interface BranchComplianceView {
  branch: NodeRef;
  groups: NodeRef[];
  items: (CadenceItem & { typeLabel: string })[];
  overdueCount: number;
}

export const MyAttendanceQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict();
export type MyAttendanceQuery = z.infer<typeof MyAttendanceQuery>;
