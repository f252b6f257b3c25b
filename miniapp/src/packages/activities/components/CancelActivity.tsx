import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Card } from '../../../components/Card';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { cancelActivity } from '../../../services/activities';

/** Calling the whole activity off (weather, venue): everyone signed up or waiting is told the reason. */
export function CancelActivity({ activityId, people, onDone }: { activityId: string; people: number; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  if (done) return <Card title="活动已取消"><Text className="muted">已通知所有报名和候补的居民。</Text></Card>;
  const ok = reason.trim().length >= 2;
  return (
    <Card title="取消整个活动">
      <View className="form-row">
        <Text className="form-row__label">取消原因（会发给报名的居民）</Text>
        <Input className="form-input" value={reason} placeholder="如：暴雨预警，活动取消" onInput={(e) => setReason(e.detail.value)} data-testid="cancel-activity-reason" />
      </View>
      {ok ? (
        <ConfirmButton
          question={`取消后，${people} 位报名或候补的居民都会收到通知，且不能恢复。确定取消吗？`}
          yes="取消活动"
          onConfirm={() => void cancelActivity(activityId, reason.trim()).then(() => { setDone(true); onDone(); }, () => undefined)}
          testId="cancel-activity"
        >
          取消活动
        </ConfirmButton>
      ) : (
        <Text className="muted">写明原因后才能取消。</Text>
      )}
    </Card>
  );
}
