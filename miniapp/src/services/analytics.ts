import type { AnalyticsGrain, CreateKioskLinkRequest, DashboardView, KioskLinkView } from '@honglin/shared';
import { downloadXlsx } from './download';
import { request } from './request';

/** 数据看板 and 大屏 (issue #19). */
export interface DashboardRequest {
  nodeId?: string;
  from: string;
  to: string;
  grain: AnalyticsGrain;
}

export function dashboard(q: DashboardRequest): Promise<DashboardView> {
  return request('/api/org/analytics/dashboard', { query: { ...q, nodeId: q.nodeId || undefined }, toast: false });
}

export function analyticsScope(): Promise<{ id: string; name: string; kind: string }[]> {
  return request('/api/org/analytics/scope', { toast: false });
}

export function exportTable(q: DashboardRequest, metric: string): Promise<boolean> {
  const query = new URLSearchParams({ from: q.from, to: q.to, grain: q.grain, metric, ...(q.nodeId ? { nodeId: q.nodeId } : {}) });
  return downloadXlsx(`/api/org/analytics/table.xlsx?${query.toString()}`, `数据表-${metric}-${q.from}-${q.to}.xlsx`);
}

export function createKioskLink(body: CreateKioskLinkRequest): Promise<KioskLinkView> {
  return request('/api/org/analytics/kiosk-links', { method: 'POST', data: body });
}

export function kioskLinks(): Promise<KioskLinkView[]> {
  return request('/api/org/analytics/kiosk-links', { toast: false });
}

export function revokeKioskLink(id: string): Promise<{ ok: true }> {
  return request(`/api/org/analytics/kiosk-links/${id}/revoke`, { method: 'POST', data: {} });
}

/** The 大屏's figures: the token is the only credential (no login). */
export function kioskView(token: string): Promise<DashboardView> {
  return request(`/api/kiosk/${encodeURIComponent(token)}`, { auth: false, toast: false });
}
