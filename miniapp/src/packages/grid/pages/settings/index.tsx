import { useState } from 'react';
import { usePageShow } from '../../../../hooks/usePageShow';
import { Input, Text, View } from '@tarojs/components';
import { CADENCE_KEYS, PERSON_TAG_LABELS, THRESHOLD_LABELS, type CareSettingsView, type MeView, type PersonTag } from '@honglin/shared';
import Taro from '@tarojs/taro';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { careSettings, saveCareSettings } from '../../../../services/grid';
import { formErrorText } from '../../../../services/request';
import '../../grid.scss';

export default function CareSettingsPage() {
  return <PageShell title="走访与预警设置" subtitle="按社区设置各类居民多久走访一次，以及风险预警的条件">{(me) => <Settings me={me} />}</PageShell>;
}

/** The communities the caller is organiser or admin of: the only ones whose settings they may change. */
const communitiesOf = (me: MeView) => me.roles.filter((g) => (g.role === 'organiser' || g.role === 'admin') && g.node.kind === 'community').map((g) => g.node);

function Settings({ me }: { me: MeView }) {
  const communities = communitiesOf(me);
  const [communityId, setCommunityId] = useState(communities[0]?.id ?? '');
  if (!communities.length) return <EmptyState title="只有社区工作人员可以修改设置" description="网格员的走访频次由所在社区统一设置" testId="settings-none" />;
  return (
    <View>
      {communities.length > 1 ? (
        <View className="grid-choice">
          {communities.map((c) => (
            <BigButton key={c.id} variant={c.id === communityId ? 'primary' : 'secondary'} onClick={() => setCommunityId(c.id)}>
              {c.name}
            </BigButton>
          ))}
        </View>
      ) : null}
      <CommunitySettings key={communityId} communityId={communityId} />
    </View>
  );
}

const cadenceLabel = (k: string) => (k === 'default' ? '其他居民' : PERSON_TAG_LABELS[k as PersonTag]);

/** Numbers typed as text; each checked here with a message next to it, and again by the server. */
function CommunitySettings({ communityId }: { communityId: string }) {
  const [saved, setSaved] = useState<CareSettingsView | null>(null);
  const [cadence, setCadence] = useState<Record<string, string>>({});
  const [thresholds, setThresholds] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const fill = (s: CareSettingsView) => {
    setSaved(s);
    setCadence(Object.fromEntries(CADENCE_KEYS.map((k) => [k, s.cadence[k] === undefined ? '' : String(s.cadence[k])])));
    setThresholds(Object.fromEntries(Object.entries(s.thresholds).map(([k, v]) => [k, String(v)])));
  };
  usePageShow(() => {
    careSettings(communityId).then(fill, (e: Error) => setError(e.message));
  });
  const save = async () => {
    const problems: Record<string, string> = {};
    const body: { cadence: Record<string, number> & { default: number }; thresholds: Record<string, number> } = { cadence: { default: 0 }, thresholds: {} };
    for (const k of CADENCE_KEYS) {
      const text = (cadence[k] ?? '').trim();
      if (!text && k !== 'default') continue;
      const n = Number(text);
      if (!Number.isInteger(n) || n < 1 || n > 366) problems[`cadence.${k}`] = `${cadenceLabel(k)}：请填写1到366之间的天数${k === 'default' ? '' : '，不单独设置可留空'}`;
      else body.cadence[k] = n;
    }
    for (const [k, text] of Object.entries(thresholds)) {
      const n = Number(text.trim());
      if (!Number.isInteger(n) || n < 1 || n > 365) problems[`thresholds.${k}`] = `${THRESHOLD_LABELS[k]?.label ?? k}：请填写1到365之间的整数`;
      else body.thresholds[k] = n;
    }
    setErrors(problems);
    if (Object.keys(problems).length) return setError('有几项填写不正确，请按红字修改');
    setSaving(true);
    setError(null);
    try {
      fill(await saveCareSettings(communityId, body));
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (e) {
      setError(formErrorText(e));
    } finally {
      setSaving(false);
    }
  };
  if (!saved) return error ? <EmptyState title="无法打开设置" description={error} /> : <EmptyState title="正在加载…" />;
  const field = (key: string, value: string, set: (v: string) => void, label: string, unit: string, placeholder = '') => (
    <View key={key} className="settings-field" data-testid={`setting-${key}`}>
      <Text className="form-row__label">{label}</Text>
      <View className="row-actions">
        <Input className="form-input" type="number" maxlength={3} value={value} placeholder={placeholder} onInput={(e) => set(e.detail.value)} aria-label={label} nativeProps={{ 'aria-label': label }} data-testid={`setting-input-${key}`} />
        <Text className="grid-line">{unit}</Text>
      </View>
      {errors[key] ? <Text className="grid-line grid-overdue" data-testid="setting-error">{errors[key]}</Text> : null}
    </View>
  );
  return (
    <View>
      <Card title="走访频次（每几天至少走访一次）" testId="settings-cadence">
        <Text className="grid-line">一户按家中最需要关照的成员计算；留空表示按“其他居民”。改动在当晚重新计算到期日。</Text>
        {CADENCE_KEYS.map((k) => field(`cadence.${k}`, cadence[k] ?? '', (v) => setCadence({ ...cadence, [k]: v }), cadenceLabel(k), '天', k === 'default' ? '' : '不单独设置'))}
      </Card>
      <Card title="风险预警条件" testId="settings-thresholds">
        {Object.keys(thresholds).map((k) => field(`thresholds.${k}`, thresholds[k], (v) => setThresholds({ ...thresholds, [k]: v }), THRESHOLD_LABELS[k]?.label ?? `预警阈值 ${k}`, THRESHOLD_LABELS[k]?.unit ?? ''))}
      </Card>
      {error ? <Text className="grid-line grid-overdue" data-testid="settings-error">{error}</Text> : null}
      <BigButton onClick={() => void save()} loading={saving} testId="settings-save">保存设置</BigButton>
    </View>
  );
}
