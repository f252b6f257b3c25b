import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { rateActivity } from '../../../../services/activities';

/** 1–5 stars and an optional comment; a refused comment shows WeChat's reason under the box. */
export function RatingForm({ activityId, onDone }: { activityId: string; onDone: () => void }) {
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!stars) return setError('请先选择星级');
    setBusy(true);
    setError(null);
    try {
      const r = await rateActivity(activityId, { stars, comment });
      void Taro.showToast({ title: r.commentHeld ? '评分已提交，评论待审核后显示' : '感谢您的评价', icon: 'none' });
      onDone();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="为活动评分" testId="rating-form">
      <View className="chips">
        {[1, 2, 3, 4, 5].map((n) => (
          <View key={n} className={`chip${n <= stars ? ' chip--on' : ''}`} onClick={() => setStars(n)} data-testid={`star-${n}`}>
            {n <= stars ? '★' : '☆'}
          </View>
        ))}
      </View>
      <Textarea className="form-input" value={comment} maxlength={300} placeholder="说说您的感受（选填）" onInput={(e) => setComment(e.detail.value)} data-testid="rating-comment" />
      {error ? <Text className="form-error" data-testid="rating-error">{error}</Text> : null}
      <BigButton loading={busy} onClick={() => void submit()} testId="rating-submit">
        提交评价
      </BigButton>
    </Card>
  );
}
