import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ENROLLMENT_STATUS_LABELS, formatChinaDateTime, type MyEnrollmentView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { ROUTES } from '../../../../routes';
import { acceptOffer, myEnrollments } from '../../../../services/activities';
import '../../../../pages/activities/index.scss';
import { usePageShow } from '../../../../hooks/usePageShow';

export default function MyActivitiesPage() {
  return <PageShell>{() => <Mine />}</PageShell>;
}

/** 我的活动: every enrollment with its status, queue position and what can be done now. */
function Mine() {
  const [items, setItems] = useState<MyEnrollmentView[] | null>(null);
  const load = () => myEnrollments().then(setItems, () => setItems([]));
  usePageShow(() => void load());
  if (!items) return <Text>正在加载…</Text>;
  if (items.length === 0) return <EmptyState title="您还没有报名活动" action={{ text: '去看看活动', onTap: () => void Taro.switchTab({ url: ROUTES.activities }) }} testId="mine-empty" />;
  return (
    <View>
      {items.map((e) => (
        <View key={e.id} className="card" data-testid={`mine-${e.activity.title}`}>
          <View onClick={() => void Taro.navigateTo({ url: `${ROUTES.activityDetail}?id=${e.activity.id}` })}>
            <Text className="activity-card__title">{e.activity.title}</Text>
            <View>
              <Text className="activity-card__meta">{formatChinaDateTime(e.activity.startsAt)} · {e.activity.place}</Text>
            </View>
            <Text className="status-tag" data-testid="mine-status">
              {ENROLLMENT_STATUS_LABELS[e.status]}
              {e.waitlistPosition ? ` · 第${e.waitlistPosition}位` : ''}
            </Text>
            <Text className="activity-card__meta"> {e.seats}人</Text>
            {e.offerExpiresAt ? <Text className="activity-card__meta"> 请于 {formatChinaDateTime(e.offerExpiresAt)} 前确认</Text> : null}
            {e.enteredBy ? (
              <View>
                <Text className="activity-card__meta" data-testid="mine-entered-by">
                  由 {e.enteredBy.as === 'family' ? '家人' : '社区工作人员'} {e.enteredBy.name} 代报名
                </Text>
              </View>
            ) : null}
          </View>
          {e.status === 'offered' ? (
            <BigButton testId="mine-accept" onClick={() => void acceptOffer(e.id).then(load)}>
              确认参加
            </BigButton>
          ) : null}
        </View>
      ))}
    </View>
  );
}
