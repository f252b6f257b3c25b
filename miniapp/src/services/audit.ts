import type { AuditEntryView, AuditPage, DataAccessView, MemberPhoneView } from '@honglin/shared';
import { request } from './request';

// Lists show their own error state with a retry button, so they do not toast.

export interface AuditSearch {
  actorId?: string;
  subjectUserId?: string;
  action?: string;
  /** Beijing dates, "2026-11-29": the whole day is included. */
  fromDate?: string;
  toDate?: string;
}

export const AUDIT_PAGE_SIZE = 20;

/** 审计日志 (admins): newest first, `cursor` from the previous page. */
export function searchAudit(search: AuditSearch, cursor: string | null): Promise<AuditPage<AuditEntryView>> {
  return request<AuditPage<AuditEntryView>>('/api/audit', {
    query: {
      actorId: search.actorId,
      subjectUserId: search.subjectUserId,
      action: search.action,
      from: search.fromDate ? `${search.fromDate}T00:00:00+08:00` : undefined,
      to: search.toDate ? `${search.toDate}T23:59:59.999+08:00` : undefined,
      cursor,
      limit: AUDIT_PAGE_SIZE,
    },
    toast: false,
  });
}

/** 谁查看了我的数据. */
export function getDataAccess(cursor: string | null): Promise<AuditPage<DataAccessView>> {
  return request<AuditPage<DataAccessView>>('/api/me/data-access', { query: { cursor, limit: AUDIT_PAGE_SIZE }, toast: false });
}

/** 查看完整号码 of someone the organiser manages; the server records every call. */
export function revealMemberPhone(userId: string): Promise<MemberPhoneView> {
  return request<MemberPhoneView>(`/api/org/members/${encodeURIComponent(userId)}/phone`);
}
