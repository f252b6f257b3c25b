import type { PairDecisionRequest, RosterField, RosterImportView, RosterRowView, RosterSourceView, SamePersonPairView, VerificationView } from '@honglin/shared';
import { readTokens } from '../stores/tokens';
import { downloadXlsx } from './download';
import { ApiError, request } from './request';

/** 名单导入 (issue #17): sources, uploads, preview, commit, the same-person queue and verification tasks. */
export function listSources(): Promise<RosterSourceView[]> {
  return request('/api/org/roster/sources', { toast: false });
}

export function createSource(name: string): Promise<RosterSourceView> {
  return request('/api/org/roster/sources', { method: 'POST', data: { name }, toast: false });
}

export function listImports(sourceId: string): Promise<RosterImportView[]> {
  return request(`/api/org/roster/sources/${sourceId}/imports`, { toast: false });
}

export function exportSource(source: RosterSourceView): Promise<boolean> {
  return downloadXlsx(`/api/org/roster/sources/${source.id}/export`, `${source.name}.xlsx`);
}

/**
 * The file goes as the raw request body (the server streams it to disk). h5 only: a spreadsheet
 * lives on a computer, and the mini-program shows the result and the queues.
 */
export async function uploadRoster(sourceId: string, file: File): Promise<RosterImportView> {
  const send = () =>
    fetch(`${API_BASE}/api/org/roster/imports?sourceId=${sourceId}&fileName=${encodeURIComponent(file.name.slice(0, 200))}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${readTokens()?.accessToken ?? ''}`, 'Content-Type': 'application/octet-stream' },
      body: file,
    });
  let res = await send();
  if (res.status === 401) {
    await request('/api/me', { toast: false });
    res = await send();
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError({ code: body.code ?? 'INTERNAL', message: body.message ?? '上传失败，请稍后重试', status: res.status, fields: body.fields });
  return body as RosterImportView;
}

export function getImport(id: string): Promise<RosterImportView> {
  return request(`/api/org/roster/imports/${id}`, { toast: false });
}

export function previewImport(id: string, body: { sheet?: string; mapping?: Record<string, RosterField> }): Promise<RosterImportView> {
  return request(`/api/org/roster/imports/${id}/preview`, { method: 'POST', data: body, toast: false });
}

export function importRows(id: string, outcome?: string): Promise<RosterRowView[]> {
  return request(`/api/org/roster/imports/${id}/rows`, { query: { outcome, limit: 200 }, toast: false });
}

export function commitImport(id: string): Promise<RosterImportView> {
  return request(`/api/org/roster/imports/${id}/commit`, { method: 'POST', data: {}, toast: false });
}

export function rollbackImport(id: string): Promise<RosterImportView> {
  return request(`/api/org/roster/imports/${id}/rollback`, { method: 'POST', data: {}, toast: false });
}

export function listPairs(): Promise<SamePersonPairView[]> {
  return request('/api/org/roster/pairs', { toast: false });
}

export function decidePair(id: string, decision: PairDecisionRequest['decision']): Promise<{ ok: true }> {
  return request(`/api/org/roster/pairs/${id}/decide`, { method: 'POST', data: { decision }, toast: false });
}

export function listVerifications(query: { householdId?: string; userId?: string }): Promise<VerificationView[]> {
  return request('/api/org/roster/verifications', { query, toast: false });
}

export function resolveVerification(id: string, value: string): Promise<VerificationView> {
  return request(`/api/org/roster/verifications/${id}/resolve`, { method: 'POST', data: { value }, toast: false });
}

export function personSources(userId: string): Promise<{ name: string; importedAt: string }[]> {
  return request(`/api/org/roster/persons/${userId}/sources`, { toast: false });
}
