import type {
  BranchComplianceView,
  CreateMeetingRequest,
  LeaveDecision,
  MeetingAttendanceView,
  MeetingView,
  MyAttendanceView,
  UpdateMeetingRequest,
} from '@honglin/shared';
import { request } from './request';

/** Pages of the meetings and check-in subpackages. */
export const MEETING_PAGES = {
  list: '/packages/meetings/pages/list/index',
  detail: '/packages/meetings/pages/detail/index',
  edit: '/packages/meetings/pages/edit/index',
  attendance: '/packages/meetings/pages/attendance/index',
  minutes: '/packages/meetings/pages/minutes/index',
  compliance: '/packages/meetings/pages/compliance/index',
  myAttendance: '/packages/meetings/pages/my-attendance/index',
  scan: '/packages/checkin/pages/scan/index',
  qr: '/packages/checkin/pages/qr/index',
} as const;

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | undefined ? string | undefined : T[K] };

export function listMeetings(scope: 'mine' | 'managed', when: 'upcoming' | 'past' | 'all'): Promise<MeetingView[]> {
  return request<MeetingView[]>('/api/meetings', { query: { scope, when }, toast: false });
}

export function getMeeting(id: string): Promise<MeetingView> {
  return request<MeetingView>(`/api/meetings/${encodeURIComponent(id)}`, { toast: false });
}

export function createMeeting(body: Json<CreateMeetingRequest>): Promise<MeetingView> {
  return request<MeetingView>('/api/meetings', { method: 'POST', data: body, toast: false });
}

export function updateMeeting(id: string, body: Json<UpdateMeetingRequest>): Promise<MeetingView> {
  return request<MeetingView>(`/api/meetings/${encodeURIComponent(id)}`, { method: 'PATCH', data: body, toast: false });
}

export function cancelMeeting(id: string): Promise<MeetingView> {
  return request<MeetingView>(`/api/meetings/${encodeURIComponent(id)}/cancel`, { method: 'POST', data: {} });
}

export function askLeave(id: string, reason: string): Promise<MeetingView> {
  return request<MeetingView>(`/api/meetings/${encodeURIComponent(id)}/leave`, { method: 'POST', data: { reason }, toast: false });
}

export function decideLeave(id: string, userId: string, decision: LeaveDecision): Promise<MeetingAttendanceView> {
  return request<MeetingAttendanceView>(`/api/meetings/${encodeURIComponent(id)}/leave/${encodeURIComponent(userId)}/decision`, { method: 'POST', data: decision });
}

/** Polled by the organiser's screens; errors shown inline, never as toasts every few seconds. */
export function getAttendance(id: string): Promise<MeetingAttendanceView> {
  return request<MeetingAttendanceView>(`/api/meetings/${encodeURIComponent(id)}/attendance`, { toast: false });
}

export function closeAttendance(id: string): Promise<MeetingAttendanceView> {
  return request<MeetingAttendanceView>(`/api/meetings/${encodeURIComponent(id)}/close`, { method: 'POST', data: {} });
}

export function saveMinutes(id: string, minutes: string, resolutions: string): Promise<MeetingView> {
  return request<MeetingView>(`/api/meetings/${encodeURIComponent(id)}/minutes`, { method: 'PUT', data: { minutes, resolutions } });
}

export function uploadPhoto(id: string, dataUrl: string): Promise<MeetingView> {
  return request<MeetingView>(`/api/meetings/${encodeURIComponent(id)}/photos`, { method: 'POST', data: { dataUrl } });
}

export function getCompliance(): Promise<BranchComplianceView[]> {
  return request<BranchComplianceView[]>('/api/meetings/compliance', { toast: false });
}

export function getMyAttendance(year: number): Promise<MyAttendanceView> {
  return request<MyAttendanceView>('/api/meetings/my-attendance', { query: { year }, toast: false });
}
