import type {
  ActivityPlace,
  ActivityDetail,
  ActivityInput,
  ActivityListQuery,
  ActivitySummary,
  CommentModeration,
  RatingView,
  Companion,
  EnrollmentView,
  MyEnrollmentView,
  Page,
  RatingRequest,
  RosterEntry,
  SlotCounters,
} from '@honglin/shared';
import { request } from './request';

type ListFilter = Partial<Pick<ActivityListQuery, 'communityId' | 'category' | 'date'>> & { cursor?: string | null };

export function listActivities(filter: ListFilter = {}): Promise<Page<ActivitySummary>> {
  return request('/api/activities', { query: { ...filter, cursor: filter.cursor ?? undefined, limit: 20 } });
}

export function listManagedActivities(cursor?: string | null): Promise<Page<ActivitySummary>> {
  return request('/api/activities/manage', { query: { cursor: cursor ?? undefined, limit: 50 } });
}

/** The communities and Party branches the caller may publish to, communities first. */
export function listPlaces(): Promise<ActivityPlace[]> {
  return request('/api/activities/places', { toast: false });
}

export function listCommunities(): Promise<{ id: string; name: string }[]> {
  return request('/api/activities/communities');
}

export function getActivity(id: string): Promise<ActivityDetail> {
  return request(`/api/activities/${id}`);
}

export function myEnrollments(): Promise<MyEnrollmentView[]> {
  return request('/api/activities/mine');
}

export function pastCompanions(): Promise<Companion[]> {
  return request('/api/activities/companions', { toast: false });
}

export function signUp(id: string, companions: Companion[]): Promise<EnrollmentView> {
  return request(`/api/activities/${id}/signup`, { method: 'POST', data: { companions }, toast: false });
}

export function cancelEnrollment(enrollmentId: string): Promise<EnrollmentView> {
  return request(`/api/enrollments/${enrollmentId}/cancel`, { method: 'POST' });
}

export function acceptOffer(enrollmentId: string): Promise<EnrollmentView> {
  return request(`/api/enrollments/${enrollmentId}/accept`, { method: 'POST' });
}

export function rateActivity(id: string, body: RatingRequest): Promise<{ average: number | null; count: number; commentHeld: boolean }> {
  return request(`/api/activities/${id}/rating`, { method: 'POST', data: body, toast: false });
}

export function saveActivity(id: string | null, body: ActivityInput): Promise<ActivityDetail> {
  return request(id ? `/api/activities/${id}` : '/api/activities', { method: id ? 'PUT' : 'POST', data: body, toast: false });
}

export function duplicateActivity(id: string): Promise<ActivityDetail> {
  return request(`/api/activities/${id}/duplicate`, { method: 'POST', data: { days: 7 } });
}

export interface Roster {
  activityId: string;
  title: string;
  counters: SlotCounters;
  entries: RosterEntry[];
}

export function getRoster(id: string): Promise<Roster> {
  return request(`/api/activities/${id}/roster`);
}

export function decide(enrollmentId: string, action: 'approve' | 'reject'): Promise<EnrollmentView> {
  return request(`/api/enrollments/${enrollmentId}/${action}`, { method: 'POST', data: {} });
}

export function markAttendance(enrollmentId: string, attended: boolean): Promise<EnrollmentView> {
  return request(`/api/enrollments/${enrollmentId}/attendance`, { method: 'POST', data: { attended } });
}

export function checkInQr(id: string): Promise<{ token: string; refreshAt: string }> {
  return request(`/api/checkin/activity/${id}/qr`);
}

export function redeemCheckIn(token: string): Promise<unknown> {
  const nonce = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  return request('/api/checkin/redeem', { method: 'POST', data: { token, nonce } });
}

/** Path of the roster export, fetched with the login token (see the roster page). */
export const rosterExportPath = (id: string) => `/api/activities/${id}/roster.xlsx`;

/** Comments that passed (everyone), and all of them with held ones first (the organiser). */
export function listComments(id: string): Promise<RatingView[]> {
  return request<RatingView[]>(`/api/activities/${id}/comments`, { toast: false });
}

export function listRatingsForOrganiser(id: string): Promise<RatingView[]> {
  return request<RatingView[]>(`/api/activities/${id}/ratings`, { toast: false });
}

export function moderateComment(ratingId: string, decision: CommentModeration['decision']): Promise<{ decided: string }> {
  return request(`/api/activities/ratings/${ratingId}/moderation`, { method: 'POST', data: { decision } });
}

/** An organiser enters someone without a phone (reserved places first), with the reason recorded. */
export function enrolForResident(id: string, userId: string, reason: string): Promise<EnrollmentView> {
  return request<EnrollmentView>(`/api/activities/${id}/enrol`, { method: 'POST', data: { userId, companions: [], reason } });
}

export function uploadCover(id: string, dataUrl: string): Promise<ActivityDetail> {
  return request<ActivityDetail>(`/api/activities/${id}/cover`, { method: 'POST', data: { dataUrl } });
}

/** Calls the whole activity off; everyone signed up or waiting is told the reason. */
export function cancelActivity(id: string, reason: string): Promise<ActivityDetail> {
  return request<ActivityDetail>(`/api/activities/${id}/cancel`, { method: 'POST', data: { reason } });
}
