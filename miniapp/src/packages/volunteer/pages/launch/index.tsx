import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PARTY_TARGETING, PARTY_TARGETING_LABELS, VOLUNTEER_SKILLS, type MobilisationTargets, type PartyTargeting } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { tapRole } from '../../../../components/a11y';
import { useRemote } from '../../../../hooks/useRemote';
import { ROUTES } from '../../../../routes';
import { callTargets, launchCall, listManagedCampaigns } from '../../../../services/volunteer';
import { Field } from '../../../../components/Field';
import '../../volunteer.scss';

const MINUTE = 60_000;

export default function LaunchPage() {
  return <PageShell title="一键动员" subtitle="马上通知符合条件的每一个人，招满即止">{() => <Launch />}</PageShell>;
}

function Launch() {
  const data = useRemote(() => Promise.all([listManagedCampaigns(), callTargets()]));
  return (
    <Loadable remote={data}>
      {([campaigns, targets]) => {
        const open = campaigns.filter((c) => c.status === 'open');
        return open.length ? <Form campaigns={open} targets={targets} /> : <NoCampaign />;
      }}
    </Loadable>
  );
}

/** A call's shifts, sign-ups and hours belong to a volunteer project: without one there is nothing to send yet. */
function NoCampaign() {
  return (
    <EmptyState
      title="请先创建一个志愿服务项目"
      description="一键动员发出的召集、报名和服务时长都记在一个志愿服务项目下（例如“冬季助老服务月”）。创建项目后回到这里即可发出召集。"
      action={{ text: '去创建项目', onTap: () => void Taro.redirectTo({ url: ROUTES.volunteerManage }), testId: 'launch-create-campaign' }}
      testId="launch-no-campaign"
    />
  );
}

function Form({ campaigns, targets }: { campaigns: { id: string; title: string }[]; targets: MobilisationTargets }) {
  const [campaignId, setCampaignId] = useState(campaigns[0]?.id ?? '');
  const [f, setF] = useState({ title: '', place: '', inMinutes: '60', hours: '2', answerMinutes: '30', needed: '5', remind: '15' });
  const [chosenGrids, setGrids] = useState<string[]>([]);
  const [branches, setBranches] = useState<string[]>([]);
  const [availableOnly, setAvailableOnly] = useState(false);
  const [skills, setSkills] = useState<string[]>([]);
  const [party, setParty] = useState<PartyTargeting>('all');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const toggle = (list: string[], put: (l: string[]) => void, v: string) => put(list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const submit = () => {
    const start = Date.now() + Number(f.inMinutes) * MINUTE;
    setBusy(true);
    void launchCall({
      campaignId, title: f.title, place: f.place, needed: Number(f.needed), gridIds: chosenGrids, branchIds: branches, skills: skills as never, party, availableOnly,
      othersAfterMinutes: 15, remindAfterMinutes: Number(f.remind),
      startsAt: new Date(start).toISOString(), endsAt: new Date(start + Number(f.hours) * 60 * MINUTE).toISOString(),
      deadline: new Date(Math.min(start, Date.now() + Number(f.answerMinutes) * MINUTE)).toISOString(),
    })
      .then((c) => void Taro.redirectTo({ url: `${ROUTES.volunteerBoard}?id=${c.id}` }), (e: Error & { fields?: { message: string }[] }) => setError(e.fields?.map((x) => x.message).join('；') || e.message))
      .finally(() => setBusy(false));
  };
  const chip = (on: boolean, label: string, onTap: () => void, testId?: string) => (
    <Text key={label} className={`chip${on ? ' chip--on' : ''}`} onClick={onTap} data-testid={testId} {...tapRole('checkbox', { checked: on })}>{label}</Text>
  );
  return (
    <View>
      <Card title="所属项目">
        {campaigns.map((c) => (
          <View key={c.id} className={`option-row${campaignId === c.id ? ' option-row--selected' : ''}`} onClick={() => setCampaignId(c.id)} data-testid={`launch-campaign-${c.title}`} {...tapRole('radio', { checked: campaignId === c.id })}>
            <Text>{c.title}</Text>
          </View>
        ))}
      </Card>
      <Card title="召集内容">
        <Field label="要做什么" value={f.title} onInput={set('title')} testId="launch-title" />
        <Field label="集合地点" value={f.place} onInput={set('place')} testId="launch-place" />
        <Field label="需要人数" value={f.needed} onInput={set('needed')} type="number" testId="launch-needed" />
        <Field label="多少分钟后开始" value={f.inMinutes} onInput={set('inMinutes')} type="number" />
        <Field label="持续几小时" value={f.hours} onInput={set('hours')} type="number" />
        <Field label="几分钟内回复" value={f.answerMinutes} onInput={set('answerMinutes')} type="number" />
        <Field label="没人回复时几分钟后再提醒" value={f.remind} onInput={set('remind')} type="number" />
      </Card>
      <Card title="通知谁（网格、支部都不选即项目单位的全部人员）">
        {targets.grids.length ? <Text className="vol-meta">网格（住在这里或愿意在这里服务的人）</Text> : null}
        <View className="chips">{targets.grids.map((g) => chip(chosenGrids.includes(g.id), g.name, () => toggle(chosenGrids, setGrids, g.id), `launch-grid-${g.name}`))}</View>
        {targets.branches.length ? <Text className="vol-meta">党支部（支部的党员）</Text> : null}
        <View className="chips">{targets.branches.map((b) => chip(branches.includes(b.id), b.name, () => toggle(branches, setBranches, b.id), `launch-branch-${b.name}`))}</View>
        <Text className="vol-meta">需要的技能</Text>
        <View className="chips">{VOLUNTEER_SKILLS.map((s) => chip(skills.includes(s), s, () => toggle(skills, setSkills, s)))}</View>
        <View className="chips">{PARTY_TARGETING.map((p) => chip(party === p, PARTY_TARGETING_LABELS[p], () => setParty(p)))}</View>
        <View className="chips">{chip(availableOnly, '只通知这个时段有空的人', () => setAvailableOnly(!availableOnly), 'launch-available')}</View>
        {availableOnly ? <Text className="vol-meta">按志愿者在“我的技能与服务网格”里登记的空闲时间筛选，没登记的人不会收到</Text> : null}
      </Card>
      {error ? <Text className="form-error" data-testid="launch-error">{error}</Text> : null}
      <BigButton className="big-button--hero" onClick={submit} loading={busy} disabled={!campaignId} testId="launch-submit">立即发出召集</BigButton>
    </View>
  );
}
