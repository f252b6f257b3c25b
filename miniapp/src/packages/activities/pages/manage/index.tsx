import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatChinaDateTime, type ActivitySummary } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { placesText } from '../../../../pages/activities/ActivityCard';
import { ROUTES } from '../../../../routes';
import { duplicateActivity, listManagedActivities } from '../../../../services/activities';
import '../../../../pages/activities/index.scss';
import { usePageShow } from '../../../../hooks/usePageShow';

export default function ManageActivitiesPage() {
  return <PageShell>{() => <Manage />}</PageShell>;
}

/** Organiser: the activities of the communities they look after, with roster, edit and "same time next week". */
function Manage() {
  const [items, setItems] = useState<ActivitySummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => listManagedActivities().then((p) => setItems(p.items), (e: Error) => setError(e.message));
  usePageShow(() => void load());
  const duplicate = async (a: ActivitySummary) => {
    const copy = await duplicateActivity(a.id);
    void Taro.showToast({ title: `已复制到 ${formatChinaDateTime(copy.startsAt).slice(0, 10)}`, icon: 'none' });
    await load();
  };
  if (error) return <EmptyState title="无法打开活动管理" description={error} />;
  return (
    <View>
      <BigButton testId="create-activity" onClick={() => void Taro.navigateTo({ url: ROUTES.editActivity })}>
        发布新活动
      </BigButton>
      {items?.length === 0 ? <EmptyState title="还没有活动" /> : null}
      {items?.map((a) => (
        <View key={a.id} className="card" data-testid={`manage-${a.title}`}>
          <Text className="activity-card__title">{a.title}</Text>
          <View>
            <Text className="activity-card__meta">{formatChinaDateTime(a.startsAt)} · {a.community.name} · {placesText(a)}</Text>
          </View>
          <View className="row-actions">
            <BigButton variant="secondary" onClick={() => void Taro.navigateTo({ url: `${ROUTES.activityRoster}?id=${a.id}` })}>
              名单
            </BigButton>
            <BigButton variant="secondary" onClick={() => void Taro.navigateTo({ url: `${ROUTES.editActivity}?id=${a.id}` })}>
              编辑
            </BigButton>
            <BigButton variant="secondary" onClick={() => void duplicate(a)}>
              复制到下周
            </BigButton>
          </View>
        </View>
      ))}
    </View>
  );
}
