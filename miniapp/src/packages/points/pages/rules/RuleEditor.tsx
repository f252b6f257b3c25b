import { useState } from 'react';
import { Input, Switch, Text, View } from '@tarojs/components';
import type { PointsRuleView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { setPointsRule } from '../../../../services/points';

type CapKey = 'dailyCap' | 'weeklyCap' | 'yearlyCap';
const CAPS: [CapKey, string][] = [
  ['dailyCap', '每日上限'],
  ['weeklyCap', '每周上限'],
  ['yearlyCap', '每年上限'],
];
const show = (n: number | null) => (n === null ? '' : String(n));

/** Edits one rule for this node; the override then applies to every organisation below it too. */
export function RuleEditor({ nodeId, rule, onSaved }: { nodeId: string; rule: PointsRuleView; onSaved: (rules: PointsRuleView[]) => void }) {
  const [points, setPoints] = useState(String(rule.points));
  const [caps, setCaps] = useState<Record<CapKey, string>>({ dailyCap: show(rule.dailyCap), weeklyCap: show(rule.weeklyCap), yearlyCap: show(rule.yearlyCap) });
  const [active, setActive] = useState(rule.active);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const whole = (s: string) => /^\d+$/.test(s.trim());
    if (!whole(points)) return setError('每次积分须为0或正整数');
    if (CAPS.some(([k]) => caps[k].trim() !== '' && !whole(caps[k]))) return setError('上限须为0或正整数，不限请留空');
    const cap = (k: CapKey) => (caps[k].trim() === '' ? null : Number(caps[k]));
    setBusy(true);
    setError(null);
    try {
      onSaved(await setPointsRule({ nodeId, action: rule.action, points: Number(points), dailyCap: cap('dailyCap'), weeklyCap: cap('weeklyCap'), yearlyCap: cap('yearlyCap'), active }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View data-testid="rule-editor">
      <View className="form-row">
        <Text className="form-row__label">每次得分</Text>
        <Input className="form-input" type="number" value={points} onInput={(e) => setPoints(e.detail.value)} data-testid="rule-points" />
      </View>
      {CAPS.map(([k, label]) => (
        <View key={k} className="form-row">
          <Text className="form-row__label">{`${label}（不限请留空）`}</Text>
          <Input className="form-input" type="number" value={caps[k]} onInput={(e) => setCaps((c) => ({ ...c, [k]: e.detail.value }))} data-testid={`rule-${k}`} />
        </View>
      ))}
      <View className="form-row">
        <Text className="form-row__label">启用</Text>
        <Switch checked={active} onChange={(e) => setActive(e.detail.value)} />
      </View>
      {error ? <Text className="form-error">{error}</Text> : null}
      <BigButton loading={busy} onClick={() => void save()} testId="rule-save">
        保存
      </BigButton>
    </View>
  );
}
