import type { GridContactView, MemberSummary, NodeRef, OrgNodeView, Page, PendingApplicationView } from '@honglin/shared';
import { request } from './request';

// Lists are shown with an inline error state and a retry button, so they do not toast.

export function listPartyBranches(): Promise<NodeRef[]> {
  return request<NodeRef[]>('/api/party-branches', { toast: false });
}

export function listResidenceOptions(): Promise<OrgNodeView[]> {
  return request<OrgNodeView[]>('/api/org/residence-options', { toast: false });
}

export function getOrgTree(): Promise<OrgNodeView[]> {
  return request<OrgNodeView[]>('/api/org/tree', { toast: false });
}

export const MEMBER_PAGE_SIZE = 20;

export function listNodeMembers(nodeId: string, cursor: string | null, q?: string): Promise<Page<MemberSummary>> {
  return request<Page<MemberSummary>>(`/api/org/nodes/${encodeURIComponent(nodeId)}/members`, {
    query: { limit: MEMBER_PAGE_SIZE, cursor, q: q?.trim() || undefined },
    toast: false,
  });
}

export function listPendingApplications(): Promise<PendingApplicationView[]> {
  return request<PendingApplicationView[]>('/api/org/party-applications', { toast: false });
}

export function approveApplication(id: string): Promise<unknown> {
  return request<unknown>(`/api/org/party-applications/${encodeURIComponent(id)}/approve`, { method: 'POST', data: {} });
}

export function rejectApplication(id: string, reason: string): Promise<unknown> {
  const data = reason.trim() ? { reason: reason.trim() } : {};
  return request<unknown>(`/api/org/party-applications/${encodeURIComponent(id)}/reject`, { method: 'POST', data, toast: false });
}

/** The resident's grid worker, for the 联系网格员 tile; refusals are shown on the page. */
export function getGridContact(): Promise<GridContactView> {
  return request<GridContactView>('/api/me/grid-contact', { toast: false });
}
