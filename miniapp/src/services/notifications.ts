import Taro from '@tarojs/taro';
import { SUBSCRIPTION_TEMPLATES, type InboxItemView, type Page, type TemplateKey } from '@honglin/shared';
import { tabBarStore } from '../stores/tab-bar';
import { request } from './request';

export function inbox(cursor?: string | null): Promise<Page<InboxItemView> & { unread: number }> {
  return request('/api/notifications/inbox', { query: { cursor: cursor ?? undefined, limit: 20 } });
}

export function markAllRead(): Promise<{ unread: number }> {
  return request('/api/notifications/read', { method: 'POST', data: {} });
}

/** Puts the unread count on the 活动 tab of our tab bar (or clears it). Never fails the page that calls it. */
export async function refreshUnreadBadge(): Promise<number> {
  try {
    const { unread } = await request<{ unread: number }>('/api/notifications/unread', { toast: false });
    tabBarStore.set({ unread });
    return unread;
  } catch {
    return 0;
  }
}

/**
 * Asks for one-time subscription messages at the moment of a tap (WeChat allows it only then) and tells
 * the server what was granted, so it can spend exactly one grant per message. Not in h5.
 */
export async function askForSubscriptions(keys: TemplateKey[]): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return;
  try {
    const ids = keys.map((k) => SUBSCRIPTION_TEMPLATES[k].id);
    const answer = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] } as never)) as unknown as Record<string, string>;
    const results = keys.map((k) => ({ templateKey: k, result: answer[SUBSCRIPTION_TEMPLATES[k].id] ?? 'reject' }));
    await request('/api/notifications/subscriptions', { method: 'POST', data: { results }, toast: false });
  } catch {
    // Declining or an old base library just means notices arrive in the 消息 inbox only.
  }
}
