import type { CheckInResult, Companion, FamilyCareView, EnrollmentView, FamilyInviteView, FamilyLinksView, FamilyLinkView, InboxItemView, MyEnrollmentView, Page, ProxyActionView, RegisteredResidentView, RegisterResidentRequest } from '@honglin/shared';
import { request } from './request';

/** The older resident's own code to show (or read out to) a family member. */
export function createInvite(): Promise<FamilyInviteView> {
  return request('/api/family/invites', { method: 'POST', data: {} });
}

export function listLinks(): Promise<FamilyLinksView> {
  return request('/api/family/links');
}

/** The family member types the code; the form shows the error itself. */
export function requestLink(code: string): Promise<FamilyLinkView> {
  return request('/api/family/links', { method: 'POST', data: { code }, toast: false });
}

export function confirmLink(id: string): Promise<FamilyLinkView> {
  return request(`/api/family/links/${id}/confirm`, { method: 'POST', data: {} });
}

export function revokeLink(id: string): Promise<FamilyLinkView> {
  return request(`/api/family/links/${id}/revoke`, { method: 'POST', data: {} });
}

/** 代办记录: what others did for me, or (`actor`) what I did for others. */
export function proxyHistory(as: 'subject' | 'actor' = 'subject'): Promise<Page<ProxyActionView>> {
  return request('/api/family/history', { query: { as, limit: 30 } });
}

export function signUpForElder(elderId: string, activityId: string, companions: Companion[] = []): Promise<EnrollmentView> {
  return request(`/api/family/elders/${elderId}/activities/${activityId}/signup`, { method: 'POST', data: { companions }, toast: false });
}

export function cancelForElder(elderId: string, enrollmentId: string): Promise<EnrollmentView> {
  return request(`/api/family/elders/${elderId}/enrollments/${enrollmentId}/cancel`, { method: 'POST', data: {} });
}

export function elderActivities(elderId: string): Promise<MyEnrollmentView[]> {
  return request(`/api/family/elders/${elderId}/activities`);
}

/** At the venue with the elder: the code on the organiser's screen, checked in as the elder's. Refusals come back as ApiError. */
export function checkInForElder(elderId: string, token: string, nonce: string): Promise<CheckInResult> {
  return request<CheckInResult>(`/api/family/elders/${elderId}/checkin`, { method: 'POST', data: { token, nonce }, toast: false });
}

export function elderInbox(elderId: string): Promise<Page<InboxItemView> & { unread: number }> {
  return request(`/api/family/elders/${elderId}/inbox`, { query: { limit: 20 } });
}

/** An organiser at the older resident's door issues the code for them; the link is live once used. */
export function witnessInvite(elderUserId: string, reason: string): Promise<FamilyInviteView> {
  return request<FamilyInviteView>('/api/family/invites/witnessed', { method: 'POST', data: { elderUserId, reason } });
}

/** An organiser or grid worker enters a resident without a smartphone. */
export function registerResident(body: RegisterResidentRequest): Promise<RegisteredResidentView> {
  return request<RegisteredResidentView>('/api/org/residents', { method: 'POST', data: body });
}

/** The grid's visits to the elder (who came, when, how TA was) and warnings about TA; the elder sees this look in 谁查看了我的数据. */
export function elderCare(elderId: string): Promise<FamilyCareView> {
  return request(`/api/family/elders/${elderId}/care`, { toast: false });
}
