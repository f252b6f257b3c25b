import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatChinaDateTime, type InboxItemView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { inbox, markAllRead, refreshUnreadBadge } from '../../../../services/notifications';
import './index.scss';

export default function InboxPage() {
  return <PageShell>{() => <Inbox />}</PageShell>;
}

/** 消息: every notice the outbox delivered, newest first. Opening the page marks them read. */
function Inbox() {
  const [items, setItems] = useState<InboxItemView[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const load = async () => {
    const page = await inbox();
    setItems(page.items);
    setCursor(page.nextCursor);
    if (page.unread > 0) await markAllRead();
    await refreshUnreadBadge();
  };
  const more = async () => {
    const page = await inbox(cursor);
    setItems([...(items ?? []), ...page.items]);
    setCursor(page.nextCursor);
  };
  useDidShow(() => void load());
  if (!items) return <Text>正在加载…</Text>;
  if (items.length === 0) return <EmptyState title="暂时没有消息" description="报名、候补、活动提醒等通知会出现在这里。" testId="inbox-empty" />;
  return (
    <View>
      {items.map((i) => (
        <View key={i.id} className={`inbox-item${i.read ? '' : ' inbox-item--unread'}`} data-testid="inbox-item" onClick={() => (i.link ? void Taro.navigateTo({ url: i.link }) : undefined)}>
          <Text className="inbox-item__title">{i.title}</Text>
          <Text className="inbox-item__body">{i.body}</Text>
          <Text className="inbox-item__time">{formatChinaDateTime(i.createdAt)}</Text>
        </View>
      ))}
      {cursor ? (
        <BigButton variant="secondary" onClick={() => void more()}>
          更多消息
        </BigButton>
      ) : null}
    </View>
  );
}
