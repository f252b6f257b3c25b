import type { LedgerEntryView, MallItemView, Page, PointsSummary, RankingPeriod, RankingScope, RankingView, RedemptionView } from '@honglin/shared';
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

/** A fresh idempotency key for one user action. */
export function newRequestKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
