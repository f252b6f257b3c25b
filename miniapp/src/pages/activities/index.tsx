import { useCallback, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { ACTIVITY_CATEGORIES, ACTIVITY_CATEGORY_LABELS, type ActivityCategory, type ActivitySummary, type MeView } from '@honglin/shared';
import { BigButton } from '../../components/BigButton';
import { tapRole } from '../../components/a11y';
import { EmptyState } from '../../components/EmptyState';
import { PageShell } from '../../components/PageShell';
import { PageTabBar } from '../../components/TabBar';
import { ROUTES } from '../../routes';
import { listActivities, listCommunities } from '../../services/activities';
import { refreshUnreadBadge } from '../../services/notifications';
import { ActivityCard } from './ActivityCard';
import './index.scss';
import { usePageShow } from '../../hooks/usePageShow';
import { useSession } from '../../stores/session';

export default function ActivitiesPage() {
  return (
    <>
      <PageShell>{(me) => <Activities me={me} />}</PageShell>
      <PageTabBar path="pages/activities/index" />
    </>
  );
}

interface Filter {
  communityId?: string;
  category?: ActivityCategory;
  date?: string;
}

/** 活动: browse by community, category and date; places left on every card; entries to 我的活动 and 消息. */
function Activities({ me }: { me: MeView }) {
  const [communities, setCommunities] = useState<{ id: string; name: string }[]>([]);
  const [filter, setFilter] = useState<Filter>({ communityId: me.community?.id });
  const [items, setItems] = useState<ActivitySummary[] | null>(null);
  const [unread, setUnread] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const manager = me.roles.some((r) => r.role === 'organiser' || r.role === 'admin');
  const { elderMode } = useSession();

  const load = useCallback(async (f: Filter) => {
    setError(null);
    try {
      const [page, list] = await Promise.all([listActivities(f), communities.length ? Promise.resolve(communities) : listCommunities()]);
      setItems(page.items);
      setCommunities(list);
    } catch (failure) {
      setError((failure as Error).message);
    }
    setUnread(await refreshUnreadBadge());
  }, [communities]);

  usePageShow(() => void load(filter));
  usePullDownRefresh(() => void load(filter).finally(() => Taro.stopPullDownRefresh()));
  const change = (patch: Filter) => {
    const next = { ...filter, ...patch };
    setFilter(next);
    void load(next);
  };

  const list = (
    <View>
      {error ? <EmptyState title="活动加载失败" description={error} action={{ text: '重试', onTap: () => void load(filter) }} /> : null}
      {items && items.length === 0 ? <EmptyState title="暂无可报名的活动" description="换个社区或类别看看，或稍后再来。" testId="activities-empty" /> : null}
      {items?.map((a) => <ActivityCard key={a.id} a={a} />)}
      {!items && !error ? <Text>正在加载…</Text> : null}
    </View>
  );
  const toolbar = (
    <View className="activity-toolbar">
      <BigButton variant="secondary" testId="open-my-activities" onClick={() => void Taro.navigateTo({ url: ROUTES.myActivities })}>
        我的活动
      </BigButton>
      <BigButton variant="secondary" testId="open-volunteer" onClick={() => void Taro.navigateTo({ url: ROUTES.volunteer })}>
        志愿服务
      </BigButton>
      <BigButton variant="secondary" testId="open-inbox" onClick={() => void Taro.navigateTo({ url: ROUTES.inbox })}>
        {unread > 0 ? `消息(${unread})` : '消息'}
      </BigButton>
      {manager ? (
        <BigButton variant="secondary" testId="open-manage" onClick={() => void Taro.navigateTo({ url: ROUTES.manageActivities })}>
          管理活动
        </BigButton>
      ) : null}
    </View>
  );

  // Elder mode (issue #22 item 12): the activities first, one big filter (own community or all) under
  // them, and the entries last; the chips of three filters pushed the first activity below the fold.
  if (elderMode) {
    const mine = me.community;
    return (
      <View>
        {list}
        {mine ? (
          <BigButton variant="secondary" testId="elder-filter" onClick={() => change({ communityId: filter.communityId ? undefined : mine.id, category: undefined, date: undefined })}>
            {filter.communityId ? '看全部社区的活动' : `只看${mine.name}的活动`}
          </BigButton>
        ) : null}
        {toolbar}
      </View>
    );
  }
  return (
    <View>
      {toolbar}
      <View className="chips">
        <Chip on={!filter.communityId} onTap={() => change({ communityId: undefined })} label="全部社区" />
        {communities.map((c) => (
          <Chip key={c.id} on={filter.communityId === c.id} onTap={() => change({ communityId: c.id })} label={c.name} />
        ))}
      </View>
      <View className="chips">
        <Chip on={!filter.category} onTap={() => change({ category: undefined })} label="全部类别" />
        {ACTIVITY_CATEGORIES.map((c) => (
          <Chip key={c} on={filter.category === c} onTap={() => change({ category: c })} label={ACTIVITY_CATEGORY_LABELS[c]} />
        ))}
      </View>
      <View className="chips">
        <Picker mode="date" value={filter.date ?? ''} onChange={(e) => change({ date: String(e.detail.value) })}>
          <View className={`chip${filter.date ? ' chip--on' : ''}`}>{filter.date ? `日期：${filter.date}` : '按日期筛选'}</View>
        </Picker>
        {filter.date ? <Chip on={false} onTap={() => change({ date: undefined })} label="不限日期" /> : null}
      </View>
      {list}
    </View>
  );
}

function Chip({ on, label, onTap }: { on: boolean; label: string; onTap: () => void }) {
  return (
    <View className={`chip${on ? ' chip--on' : ''}`} onClick={onTap} data-testid={`chip-${label}`} {...tapRole('radio', { checked: on })}>
      {label}
    </View>
  );
}
