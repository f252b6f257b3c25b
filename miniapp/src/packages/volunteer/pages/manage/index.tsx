import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CAMPAIGN_CATEGORIES, CAMPAIGN_CATEGORY_LABELS, MOBILISATION_STATUS_LABELS, formatChinaDate, formatChinaDateTime, type CampaignCategory, type MeView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { tapRole } from '../../../../components/a11y';
import { useRemote } from '../../../../hooks/useRemote';
import { ROUTES } from '../../../../routes';
import { createCampaign, listManagedCampaigns, managedCalls } from '../../../../services/volunteer';
import { Field } from '../../../../components/Field';
import '../../volunteer.scss';

const DAY = 86_400_000;

export default function ManagePage() {
  return <PageShell title="志愿项目与召集">{(me) => <Manage me={me} />}</PageShell>;
}

function Manage({ me }: { me: MeView }) {
  const campaigns = useRemote(listManagedCampaigns, { everyShow: true });
  const calls = useRemote(managedCalls, { everyShow: true });
  const go = (url: string) => () => void Taro.navigateTo({ url });
  return (
    <View>
      <Card title="一键动员记录">
        <Loadable remote={calls}>
          {(list) =>
            list.length ? list.map((c) => (
              <View key={c.id} className="vol-tappable" onClick={go(`${ROUTES.volunteerBoard}?id=${c.id}`)} data-testid={`managed-call-${c.title}`} {...tapRole()}>
                <Text className="vol-title">{c.title}</Text>
                <Text className="vol-meta">{MOBILISATION_STATUS_LABELS[c.status]} · {c.accepted}/{c.needed}人 · {formatChinaDateTime(c.startsAt)}</Text>
              </View>
            )) : <Text className="vol-meta">还没有发起过召集</Text>
          }
        </Loadable>
        <BigButton onClick={go(ROUTES.volunteerLaunch)}>发起一键动员</BigButton>
      </Card>
      <Card title="志愿项目">
        <Loadable remote={campaigns}>
          {(list) =>
            list.length ? list.map((c) => (
              <View key={c.id} className="vol-tappable" onClick={go(`${ROUTES.volunteerCampaign}?id=${c.id}`)} data-testid={`campaign-${c.title}`} {...tapRole()}>
                <Text className="vol-title">{c.title}</Text>
                <Text className="vol-meta">{CAMPAIGN_CATEGORY_LABELS[c.category]} · {c.node.name} · {formatChinaDate(c.startsAt)} 至 {formatChinaDate(c.endsAt)} · {c.shiftCount}个岗位{c.status === 'closed' ? ' · 已停止招募' : ''}</Text>
              </View>
            )) : <EmptyState title="还没有志愿项目" />
          }
        </Loadable>
      </Card>
      <NewCampaign me={me} onCreated={(id) => void Taro.navigateTo({ url: `${ROUTES.volunteerCampaign}?id=${id}` })} />
    </View>
  );
}

/** A new drive on one of the caller's own nodes, running from today for N days. */
function NewCampaign({ me, onCreated }: { me: MeView; onCreated: (id: string) => void }) {
  const nodes = me.roles.filter((g) => g.role === 'organiser' || g.role === 'admin').map((g) => g.node);
  const [nodeId, setNodeId] = useState(nodes[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [goal, setGoal] = useState('');
  const [category, setCategory] = useState<CampaignCategory>('elderly');
  const [days, setDays] = useState('30');
  const [measure, setMeasure] = useState('');
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const start = Date.now();
    void createCampaign({ nodeId, title, goal, category, description: '', impactMeasure: measure.trim() || null, impactTarget: target.trim() ? Number(target) : null, managerIds: [], startsAt: new Date(start).toISOString(), endsAt: new Date(start + Number(days || 0) * DAY).toISOString() }).then(
      (c) => onCreated(c.id),
      (e: Error & { fields?: { message: string }[] }) => setError(e.fields?.map((f) => f.message).join('；') || e.message),
    );
  };
  return (
    <Card title="新建志愿项目" testId="new-campaign">
      {nodes.map((n) => (
        <View key={n.id} className={`option-row${nodeId === n.id ? ' option-row--selected' : ''}`} onClick={() => setNodeId(n.id)} {...tapRole('radio', { checked: nodeId === n.id })}>
          <Text>{n.name}</Text>
        </View>
      ))}
      <View className="chips">
        {CAMPAIGN_CATEGORIES.map((c) => (
          <Text key={c} className={`chip${category === c ? ' chip--on' : ''}`} onClick={() => setCategory(c)} {...tapRole('radio', { checked: category === c })}>{CAMPAIGN_CATEGORY_LABELS[c]}</Text>
        ))}
      </View>
      <Field label="项目名称" value={title} onInput={setTitle} />
      <Field label="目标（如：每位独居老人每周走访一次）" value={goal} onInput={setGoal} />
      <Field label="成效指标（如：入户走访户数，可不填）" value={measure} onInput={setMeasure} />
      <Field label="成效目标数（可不填）" value={target} onInput={setTarget} type="number" />
      <Field label="持续天数" value={days} onInput={setDays} type="number" />
      {error ? <Text className="form-error">{error}</Text> : null}
      <BigButton onClick={submit} disabled={!nodeId || title.trim().length < 2}>创建项目</BigButton>
    </Card>
  );
}
