import type {
  LedgerEntryView,
  MallItemCreate,
  MallItemUpdate,
  MallItemView,
  OrgMallItemView,
  Page,
  PickupView,
  PointsRuleUpdate,
  PointsRuleView,
  PointsSummary,
  RankingPeriod,
  RankingScope,
  RankingView,
  RedemptionView,
} from '@honglin/shared';
import { request } from './request';

export function getPointsSummary(): Promise<PointsSummary> {
  return request<PointsSummary>('/api/points/me');
}

export function getPointsHistory(cursor?: string): Promise<Page<LedgerEntryView>> {
  return request<Page<LedgerEntryView>>('/api/points/history', { query: { limit: 20, cursor } });
}

export function getRanking(scope: RankingScope, period: RankingPeriod): Promise<RankingView> {
  return request<RankingView>('/api/points/rankings', { query: { scope, period, limit: 50 } });
}

export function listMallItems(): Promise<MallItemView[]> {
  return request<MallItemView[]>('/api/mall/items');
}

/** `requestKey` is chosen once per tap, so a retried request can't redeem twice. */
export function redeem(itemId: string, requestKey: string): Promise<RedemptionView> {
  return request<RedemptionView>(`/api/mall/items/${itemId}/redeem`, { method: 'POST', data: { requestKey } });
}

export function listMyRedemptions(): Promise<RedemptionView[]> {
  return request<RedemptionView[]>('/api/mall/redemptions');
}

export function cancelRedemption(id: string): Promise<RedemptionView> {
  return request<RedemptionView>(`/api/mall/redemptions/${id}/cancel`, { method: 'POST', data: {} });
}

// Organisers: the mall counter and the points rules of their organisations.

export function listOrgMallItems(): Promise<OrgMallItemView[]> {
  return request<OrgMallItemView[]>('/api/org/mall/items', { toast: false });
}

export function createMallItem(item: MallItemCreate): Promise<MallItemView> {
  return request<MallItemView>('/api/org/mall/items', { method: 'POST', data: item });
}

export function updateMallItem(id: string, patch: MallItemUpdate): Promise<MallItemView> {
  return request<MallItemView>(`/api/org/mall/items/${id}`, { method: 'PATCH', data: patch });
}

export function restockMallItem(id: string, add: number): Promise<MallItemView> {
  return request<MallItemView>(`/api/org/mall/items/${id}/restock`, { method: 'POST', data: { add } });
}

/** Looks a code up without handing anything over. */
export function lookupPickup(code: string): Promise<PickupView> {
  return request<PickupView>('/api/org/mall/pickups', { query: { code } });
}

export function confirmPickup(code: string): Promise<PickupView> {
  return request<PickupView>('/api/org/mall/pickups', { method: 'POST', data: { code } });
}

export function getPointsRules(nodeId: string): Promise<PointsRuleView[]> {
  return request<PointsRuleView[]>(`/api/org/points/rules/${nodeId}`, { toast: false });
}

export function setPointsRule(rule: PointsRuleUpdate): Promise<PointsRuleView[]> {
  return request<PointsRuleView[]>('/api/org/points/rules', { method: 'PUT', data: rule });
}

/** A fresh idempotency key for one user action. */
export function newRequestKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
