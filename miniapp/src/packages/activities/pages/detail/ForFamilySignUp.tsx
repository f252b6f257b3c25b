import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ActivityDetail, FamilyPerson } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { listLinks, signUpForElder } from '../../../../services/family';

/** 为家人报名: pick a linked older resident → confirm → done. Shown only to someone with an active family link. */
export function ForFamilySignUp({ a, onDone }: { a: ActivityDetail; onDone: () => void }) {
  const [elders, setElders] = useState<FamilyPerson[]>([]);
  const [picked, setPicked] = useState<FamilyPerson | null>(null);
  const [done, setDone] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    listLinks().then((l) => setElders(l.elders.filter((x) => x.status === 'active').map((x) => x.elder)), () => setElders([]));
  }, []);
  if (elders.length === 0) return null;
  const submit = async (elder: FamilyPerson) => {
    const { confirm } = await Taro.showModal({ title: '为家人报名', content: `确定为 ${elder.name} 报名“${a.title}”吗？TA会收到通知，并能看到是您报的名。` });
    if (!confirm) return;
    setBusy(true);
    setError(null);
    try {
      await signUpForElder(elder.id, a.id);
      setDone([...done, elder.id]);
      setPicked(null);
      onDone();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="为家人报名" testId="family-signup">
      {elders.map((elder) => (
        <View
          key={elder.id}
          className={`option-row${picked?.id === elder.id ? ' option-row--selected' : ''}`}
          onClick={() => (done.includes(elder.id) ? undefined : setPicked(elder))}
          data-testid={`family-pick-${elder.name}`}
        >
          <Text>{elder.name}</Text>
          <Text className="option-row__mark">{done.includes(elder.id) ? '已为TA报名 ✓' : picked?.id === elder.id ? '已选' : '选择'}</Text>
        </View>
      ))}
      {done.length ? <Text className="muted" data-testid="family-signup-done">已替家人报名，TA可在“我的活动”中看到。</Text> : null}
      {error ? <Text className="form-error" data-testid="family-signup-error">{error}</Text> : null}
      {picked ? (
        <BigButton loading={busy} testId="family-signup-submit" onClick={() => void submit(picked)}>
          为 {picked.name} 报名
        </BigButton>
      ) : null}
    </Card>
  );
}
