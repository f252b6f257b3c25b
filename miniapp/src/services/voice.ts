import Taro from '@tarojs/taro';
import type { CaseCategory, CaseQueueQuery, CaseRating, CaseView, FileReportRequest, Page, SimilarCaseView } from '@honglin/shared';
import { readTokens } from '../stores/tokens';
import { imageUrl } from './images';
import { request } from './request';

/** 我要反映 / 随手拍 and the handlers' side of the case workflow (issue #18). */
export function uploadCasePhoto(dataUrl: string): Promise<{ id: string }> {
  return request('/api/cases/photos', { method: 'POST', data: { dataUrl }, toast: false });
}

export function fileReport(body: Partial<FileReportRequest>): Promise<CaseView> {
  return request('/api/cases/reports', { method: 'POST', data: body, toast: false });
}

export function similarReports(category: CaseCategory, buildingId?: string): Promise<SimilarCaseView[]> {
  return request('/api/cases/reports/similar', { query: { category, buildingId } });
}

export function contactMe(): Promise<CaseView> {
  return request('/api/cases/contact-me', { method: 'POST', data: {} });
}

export function myReports(): Promise<Page<CaseView>> {
  return request('/api/cases/mine', { query: { limit: 50 } });
}

export function getCase(id: string): Promise<CaseView> {
  return request(`/api/cases/${id}`, { toast: false });
}

export function followCase(id: string): Promise<CaseView> {
  return request(`/api/cases/${id}/follow`, { method: 'POST', data: {} });
}

export function rateCase(id: string, rating: CaseRating, comment?: string): Promise<CaseView> {
  return request(`/api/cases/${id}/rate`, { method: 'POST', data: { rating, comment: comment || undefined } });
}

export function reopenCase(id: string, reason: string): Promise<CaseView> {
  return request(`/api/cases/${id}/reopen`, { method: 'POST', data: { reason } });
}

export function withdrawCase(id: string): Promise<CaseView> {
  return request(`/api/cases/${id}/withdraw`, { method: 'POST', data: {} });
}

export function caseQueue(q: Partial<CaseQueueQuery>): Promise<Page<CaseView>> {
  return request('/api/cases/queue', { query: { limit: 50, ...q } });
}

export type HandlerStep = 'accept' | 'reply' | 'resolve' | 'exit' | 'reassign' | 'merge';

export function caseStep(id: string, step: HandlerStep, data: object = {}): Promise<CaseView> {
  return request(`/api/cases/${id}/${step}`, { method: 'POST', data, toast: false });
}

export function addAfterPhoto(id: string, dataUrl: string): Promise<{ id: string }> {
  return request(`/api/cases/${id}/photos`, { method: 'POST', data: { dataUrl } });
}

export interface RouteRow {
  gridId: string;
  gridName: string;
  category: CaseCategory;
  categoryLabel: string;
  handler: { id: string; name: string } | null;
  isDefault: boolean;
}

export function caseRoutes(communityId: string): Promise<RouteRow[]> {
  return request('/api/cases/routes', { query: { communityId } });
}

export function setCaseRoute(gridId: string, category: CaseCategory, handlerUserId: string): Promise<RouteRow[]> {
  return request('/api/cases/routes', { method: 'PUT', data: { gridId, category, handlerUserId } });
}

export interface CaseBoard {
  community: { id: string; name: string };
  counts: { category: CaseCategory; label: string; filed: number; resolved: number }[];
  medianHoursToResolve: number | null;
  resolved: { id: string; label: string; text: string; gridName: string | null; filedOn: string; resolvedOn: string; rating: string | null }[];
}

export function caseBoard(communityId: string): Promise<CaseBoard> {
  return request('/api/cases/board', { query: { communityId } });
}

/** A case photo needs the caller's token, which an <Image src> cannot carry: fetched, then shown as a data URL. */
export async function casePhotoDataUrl(url: string): Promise<string> {
  const token = readTokens()?.accessToken;
  const res = await Taro.request({ url: imageUrl(`${url}?thumb=1`), responseType: 'arraybuffer', header: token ? { Authorization: `Bearer ${token}` } : {} });
  if (res.statusCode !== 200) throw new Error('照片加载失败');
  return `data:image/jpeg;base64,${Taro.arrayBufferToBase64(res.data as ArrayBuffer)}`;
}

/** 走访发现: a need found on a visit becomes a case about the household's building (grid staff). */
export function raiseVisitFollowup(visitId: string, category: CaseCategory, text: string): Promise<CaseView> {
  return request(`/api/cases/visits/${encodeURIComponent(visitId)}/followup`, { method: 'POST', data: { category, text }, toast: false });
}
