import type { CareSettingsRequest, CareSettingsView, CorrectionView, GridAggregatesView, HouseholdFileView, HouseholdListItem, MyFileView, Page, RecordVisitRequest, TodayVisitsView, VisitView, WarningView } from '@honglin/shared';
import { request } from './request';

/** 网格工作台 (issue #16): households, visits and warnings of the grid worker's grids. */
export function todayVisits(): Promise<TodayVisitsView> {
  return request('/api/org/grid/today', { toast: false });
}

export function listHouseholds(query: { q?: string; filter?: string; tag?: string | null; cursor?: string | null }): Promise<Page<HouseholdListItem>> {
  return request('/api/org/grid/households', { query: { q: query.q || undefined, filter: query.filter ?? 'all', tag: query.tag ?? undefined, cursor: query.cursor ?? undefined, limit: 30 }, toast: false });
}

/** The full file: the server records this look in the residents' 谁查看了我的数据. */
export function householdFile(id: string): Promise<HouseholdFileView> {
  return request(`/api/org/grid/households/${id}`, { toast: false });
}

/** The form shows refusals itself (a visit in the future, someone not of the household). */
export function recordVisit(householdId: string, body: Partial<RecordVisitRequest>): Promise<VisitView> {
  return request(`/api/org/grid/households/${householdId}/visits`, { method: 'POST', data: body, toast: false });
}

export function completeTask(id: string): Promise<{ ok: true }> {
  return request(`/api/org/grid/tasks/${id}/done`, { method: 'POST', data: {} });
}

export function listWarnings(status: 'open' | 'resolved'): Promise<WarningView[]> {
  return request('/api/org/grid/warnings', { query: { status }, toast: false });
}

export function acknowledgeWarning(id: string): Promise<WarningView> {
  return request(`/api/org/grid/warnings/${id}/acknowledge`, { method: 'POST', data: {} });
}

export function resolveWarning(id: string, note: string): Promise<WarningView> {
  return request(`/api/org/grid/warnings/${id}/resolve`, { method: 'POST', data: { note }, toast: false });
}

/** 更正申请 for grid staff: open ones, oldest first. */
export function listCorrections(): Promise<CorrectionView[]> {
  return request('/api/org/grid/corrections', { toast: false });
}

export function decideCorrection(id: string, status: 'accepted' | 'rejected', reason: string): Promise<CorrectionView> {
  return request(`/api/org/grid/corrections/${id}/${status === 'accepted' ? 'accept' : 'reject'}`, { method: 'POST', data: { reason }, toast: false });
}

/** The resident's own 更正申请; the form shows refusals itself. */
export function fileCorrection(body: { field: string; proposed: string; reason?: string }): Promise<CorrectionView> {
  return request('/api/me/household-file/corrections', { method: 'POST', data: body, toast: false });
}

export function myCorrections(): Promise<CorrectionView[]> {
  return request('/api/me/household-file/corrections', { toast: false });
}

/** 我的档案. */
export function myFile(): Promise<MyFileView> {
  return request('/api/me/household-file', { toast: false });
}

/** 我的档案: whether grid workers may record where a visit to me took place. */
export function setVisitLocationConsent(allow: boolean): Promise<{ visitLocationConsent: boolean }> {
  return request('/api/me/household-file/location-consent', { method: 'PUT', data: { allow }, toast: false });
}

/** A community's visit cadence and warning thresholds (organisers of the community may change them). */
export function careSettings(communityId: string): Promise<CareSettingsView> {
  return request(`/api/org/grid/settings/${communityId}`, { toast: false });
}

export function saveCareSettings(communityId: string, body: CareSettingsRequest): Promise<CareSettingsView> {
  return request(`/api/org/grid/settings/${communityId}`, { method: 'PUT', data: body, toast: false });
}

/** 街道汇总: counts per community and grid, no names. */
export function gridAggregates(): Promise<GridAggregatesView> {
  return request('/api/org/grid/aggregates', { toast: false });
}
