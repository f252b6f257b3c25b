import { formatChinaDate, type AccountDeletedView, type ConsentRecordView } from '@honglin/shared';
import { downloadJson } from './download';
import { request } from './request';

export function listConsents(): Promise<ConsentRecordView[]> {
  return request<ConsentRecordView[]>('/api/me/consents');
}

/** 下载我的数据: the same name the server gives the file. */
export function downloadMyData(): Promise<boolean> {
  return downloadJson('/api/me/data-export', `honglin-my-data-${formatChinaDate(new Date())}.json`);
}

/** `confirm` is the word the resident typed; the server checks it too. Errors are shown by the page. */
export function deleteAccount(confirm: string): Promise<AccountDeletedView> {
  return request<AccountDeletedView>('/api/me/delete-account', { method: 'POST', data: { confirm }, toast: false });
}
