import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import type { OrgNodeView, RegisteredResidentView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { Field } from '../../../../components/Field';
import { registerResident } from '../../../../services/family';
import { formErrorText } from '../../../../services/request';

const blank = { name: '', birthYear: '', phone: '', reason: '老人没有智能手机' };

/** 登记居民: someone without a smartphone becomes a person the organiser can sign up and check in. */
export function RegisterResident({ homes }: { homes: OrgNodeView[] }) {
  const [form, setForm] = useState(blank);
  const [homeIndex, setHomeIndex] = useState(0);
  const [done, setDone] = useState<RegisteredResidentView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (!form.name.trim()) return setError('请填写姓名');
    if (form.birthYear && !/^\d{4}$/.test(form.birthYear.trim())) return setError('出生年份请填4位数字，如1948');
    setBusy(true);
    setError(null);
    try {
      setDone(
        await registerResident({
          name: form.name.trim(),
          residenceNodeId: homes[homeIndex].id,
          phone: form.phone.trim() || undefined,
          birthYear: form.birthYear.trim() ? Number(form.birthYear) : undefined,
          reason: form.reason.trim(),
        }),
      );
      setForm(blank);
    } catch (failure) {
      setError(formErrorText(failure));
    } finally {
      setBusy(false);
    }
  };
  const field = (label: string, key: keyof typeof blank, type: 'text' | 'number' = 'text') => (
    <Field label={label} type={type} value={form[key]} onInput={(v) => setForm((f) => ({ ...f, [key]: v }))} testId={`resident-${key}`} />
  );
  return (
    <Card title="登记没有智能手机的居民">
      {field('姓名', 'name')}
      <View className="form-row">
        <Text className="form-row__label">住在哪里（网格或楼栋）</Text>
        <Picker mode="selector" range={homes.map((h) => h.name)} value={homeIndex} onChange={(e) => setHomeIndex(Number(e.detail.value))}>
          <View className="form-input" data-testid="resident-home">{homes[homeIndex]?.name ?? '请选择'}</View>
        </Picker>
      </View>
      {field('出生年份（选填）', 'birthYear', 'number')}
      {field('手机号（选填，老人机号码也可以）', 'phone', 'number')}
      {field('登记原因（会记录在案）', 'reason')}
      {error ? <Text className="form-error">{error}</Text> : null}
      <BigButton loading={busy} disabled={!homes.length} onClick={() => void save()} testId="resident-register">
        登记
      </BigButton>
      {done ? (
        <Text className="muted" data-testid="resident-registered">{`已登记 ${done.name}（${done.residence.name}）。现在可以在活动名单里为TA代报名、现场代签到。`}</Text>
      ) : null}
    </Card>
  );
}
