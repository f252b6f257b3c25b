import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatChinaDateTime, type InboxItemView } from '@honglin/shared';
import { tapRole } from '../../../../components/a11y';
import { BigButton } from '../../../../components/BigButton';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { inbox, markAllRead, refreshUnreadBadge } from '../../../../services/notifications';
import './index.scss';
import { usePageShow } from '../../../../hooks/usePageShow';

export default function InboxPage() {
  return <PageShell>{() => <Inbox />}</PageShell>;
}

/** 消息: every notice the outbox delivered, newest first. Opening the page marks them read. */
function Inbox() {
  const [items, setItems] = useState<InboxItemView[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const load = async () => {
    setFailed(false);
    try {
      const page = await inbox();
      setItems(page.items);
      setCursor(page.nextCursor);
      if (page.unread > 0) await markAllRead();
      await refreshUnreadBadge();
    } catch {
      setFailed(true); // the request wrapper said why; here, a way to try again
    }
  };
  const more = async () => {
    const page = await inbox(cursor).catch(() => null); // the request wrapper said why
    if (!page) return;
    setItems([...(items ?? []), ...page.items]);
    setCursor(page.nextCursor);
  };
  usePageShow(() => void load());
  if (failed && !items) return <EmptyState title="消息没有加载出来" action={{ text: '重试', onTap: () => void load(), testId: 'reload' }} testId="inbox-error" />;
  if (!items) return <EmptyState title="正在加载…" testId="inbox-loading" />;
  if (items.length === 0) return <EmptyState title="暂时没有消息" description="报名、候补、活动提醒等通知会出现在这里。" testId="inbox-empty" />;
  return (
    <View data-testid="inbox">
      {items.map((i) => {
        // Only a notice with somewhere to go is a target; the rest are just read.
        const open = i.link ? { onClick: () => void Taro.navigateTo({ url: i.link! }), ...tapRole('link') } : {};
        return (
          <View key={i.id} className={`inbox-item${i.read ? '' : ' inbox-item--unread'}`} data-testid="inbox-item" {...open}>
            <Text className="inbox-item__title">{i.title}</Text>
            <Text className="inbox-item__body">{i.body}</Text>
            <Text className="inbox-item__time">{formatChinaDateTime(i.createdAt)}</Text>
            {i.link ? <Text className="inbox-item__more">查看详情 ›</Text> : null}
          </View>
        );
      })}
      {cursor ? (
        <BigButton variant="secondary" onClick={() => void more()}>
          更多消息
        </BigButton>
      ) : null}
    </View>
  );
}
