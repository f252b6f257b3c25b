import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { ActivityDetail, FamilyPerson } from '@honglin/shared';
import { tapRole } from '../../../../components/a11y';
import { Card } from '../../../../components/Card';
import { ConfirmButton } from '../../../../components/ConfirmButton';
import { listLinks, signUpForElder } from '../../../../services/family';

/**
 * 为家人报名: pick a linked older resident → confirm (a dialog, or in the page in elder mode) → done.
 * Shown only to someone with an active family link.
 */
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
          {...tapRole('radio', { checked: picked?.id === elder.id })}
        >
          <Text>{elder.name}</Text>
          <Text className="option-row__mark">{done.includes(elder.id) ? '已为TA报名 ✓' : picked?.id === elder.id ? '已选' : '选择'}</Text>
        </View>
      ))}
      {done.length ? <Text className="muted" data-testid="family-signup-done">已替家人报名，TA可在“我的活动”中看到。</Text> : null}
      {error ? <Text className="form-error" data-testid="family-signup-error">{error}</Text> : null}
      {picked ? (
        <ConfirmButton
          variant="primary"
          title="为家人报名"
          question={`确定为 ${picked.name} 报名“${a.title}”吗？TA会收到通知，并能看到是您报的名。`}
          yes="确定报名"
          no="先不报"
          loading={busy}
          onConfirm={() => void submit(picked)}
          testId="family-signup-submit"
        >
          {`为 ${picked.name} 报名`}
        </ConfirmButton>
      ) : null}
    </Card>
  );
}
