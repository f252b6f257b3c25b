import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { ActivityDetail, Companion } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { pastCompanions, signUp } from '../../../../services/activities';
import { askForSubscriptions } from '../../../../services/notifications';

/** Sign up alone or with household members: pick someone brought before, or add a name and age. */
export function SignUpForm({ a, onDone }: { a: ActivityDetail; onDone: () => void }) {
  const [known, setKnown] = useState<Companion[]>([]);
  const [picked, setPicked] = useState<Companion[]>([]);
  const [name, setName] = useState('');
  const [age, setAge] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    pastCompanions().then(setKnown, () => setKnown([]));
  }, []);
  const has = (c: Companion) => picked.some((p) => p.name === c.name);
  const toggle = (c: Companion) => setPicked(has(c) ? picked.filter((p) => p.name !== c.name) : [...picked, c]);
  const add = () => {
    const n = Number(age);
    if (!name.trim() || !Number.isInteger(n) || n < 0 || n > 120) return setError('请填写同行人姓名和年龄（0–120）');
    setError(null);
    setPicked([...picked, { name: name.trim(), age: n }]);
    setName('');
    setAge('');
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    // Must run inside the tap: WeChat only shows the subscription prompt for a user gesture.
    await askForSubscriptions(['activity_signup', 'activity_reminder', 'waitlist_offer']);
    try {
      await signUp(a.id, picked);
      onDone();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const full = a.placesLeft === 0;
  return (
    <Card title={full ? '名额已满，可报名候补' : '报名'} testId="signup-form">
      {a.maxCompanions > 0 ? (
        <View>
          <Text className="form-row__label">同行家人（最多{a.maxCompanions}位，占用名额）</Text>
          <View className="chips">
            {[...known.filter((k) => !picked.some((p) => p.name === k.name)), ...picked].map((c) => (
              <View key={c.name} className={`chip${has(c) ? ' chip--on' : ''}`} onClick={() => toggle(c)} data-testid={`companion-${c.name}`}>
                {c.name} {c.age}岁{has(c) ? ' ✓' : ''}
              </View>
            ))}
          </View>
          {picked.length < a.maxCompanions ? (
            <View className="row-actions">
              <Input className="form-input" value={name} placeholder="姓名" maxlength={20} onInput={(e) => setName(e.detail.value)} data-testid="companion-name" />
              <Input className="form-input" value={age} type="number" placeholder="年龄" maxlength={3} onInput={(e) => setAge(e.detail.value)} data-testid="companion-age" />
              <BigButton variant="secondary" onClick={add} testId="companion-add">
                添加
              </BigButton>
            </View>
          ) : null}
        </View>
      ) : null}
      {error ? <Text className="form-error" data-testid="signup-error">{error}</Text> : null}
      <BigButton loading={busy} onClick={() => void submit()} testId="signup-submit">
        {full ? '报名候补' : `报名（共${1 + picked.length}人）`}
      </BigButton>
    </Card>
  );
}
