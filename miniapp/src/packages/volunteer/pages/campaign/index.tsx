import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { VOLUNTEER_SKILLS, formatChinaDate } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { InfoRow } from '../../../../components/InfoRow';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { tapRole } from '../../../../components/a11y';
import { useRemote } from '../../../../hooks/useRemote';
import { downloadXlsx } from '../../../../services/download';
import { addShift, getCampaign, hoursExportPath } from '../../../../services/volunteer';
import { CampaignEditor } from '../../components/CampaignEditor';
import { ImpactCard } from '../../components/ImpactCard';
import { ShiftCanceller } from '../../components/ShiftCanceller';
import { ShiftCard } from '../../components/ShiftCard';
import { Field } from '../../../../components/Field';
import '../../volunteer.scss';

const HOUR = 3_600_000;

export default function CampaignPage() {
  const id = useRouter().params.id ?? '';
  return <PageShell>{() => <Campaign id={id} />}</PageShell>;
}

function Campaign({ id }: { id: string }) {
  const campaign = useRemote(() => getCampaign(id));
  return (
    <Loadable remote={campaign}>
      {(c) => (
        <View>
          <Card title={c.title} testId="campaign-detail">
            <InfoRow label="组织单位" value={c.node.name} />
            <InfoRow label="时间" value={`${formatChinaDate(c.startsAt)} 至 ${formatChinaDate(c.endsAt)}`} />
            <InfoRow label="目标" value={c.goal} placeholder="未填写" />
            <InfoRow label="已认定时长" value={`${c.approvedHours} 小时`} />
            <InfoRow label="状态" value={c.status === 'open' ? '招募中' : '已停止招募'} testId="campaign-status" />
            {c.canManage ? <BigButton variant="secondary" onClick={() => void downloadXlsx(hoursExportPath(id), `${c.title}-志愿时长.xlsx`)} testId="hours-export">导出时长Excel</BigButton> : null}
          </Card>
          <ImpactCard c={c} onChanged={campaign.setData} />
          <Card title="岗位">{c.shifts.map((s) => <ShiftCard key={s.id} s={s} />)}</Card>
          {c.canManage && c.status === 'open' ? <NewShift campaignId={id} onAdded={campaign.reload} /> : null}
          {c.canManage ? <ShiftCanceller shifts={c.shifts} onCancelled={campaign.reload} /> : null}
          {c.canManage ? <CampaignEditor key={c.status} c={c} onChanged={campaign.setData} /> : null}
        </View>
      )}
    </Loadable>
  );
}

/** A shift starting in N days at HH:MM Beijing time, lasting some hours. */
function NewShift({ campaignId, onAdded }: { campaignId: string; onAdded: () => void }) {
  const [f, setF] = useState({ title: '', place: '', inDays: '1', at: '09:00', hours: '2', capacity: '5', minAge: '' });
  const [skills, setSkills] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const submit = () => {
    const [h, m] = f.at.split(':').map(Number);
    const today = new Date(Date.now() + 8 * HOUR);
    const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + Number(f.inDays), (h || 0) - 8, m || 0);
    void addShift(campaignId, {
      title: f.title, place: f.place, capacity: Number(f.capacity), skills: skills as never, minAge: f.minAge ? Number(f.minAge) : null, maxAge: null, partyMembersOnly: false,
      startsAt: new Date(start).toISOString(), endsAt: new Date(start + Number(f.hours) * HOUR).toISOString(),
    }).then(() => (setError(null), onAdded()), (e: Error & { fields?: { message: string }[] }) => setError(e.fields?.map((x) => x.message).join('；') || e.message));
  };
  return (
    <Card title="添加岗位">
      <Field label="岗位名称" value={f.title} onInput={set('title')} />
      <Field label="地点" value={f.place} onInput={set('place')} />
      <Field label="几天后（0为今天）" value={f.inDays} onInput={set('inDays')} type="number" />
      <Field label="开始时间（如 09:00）" value={f.at} onInput={set('at')} />
      <Field label="时长（小时）" value={f.hours} onInput={set('hours')} type="number" />
      <Field label="需要人数" value={f.capacity} onInput={set('capacity')} type="number" />
      <Field label="最低年龄（可不填）" value={f.minAge} onInput={set('minAge')} type="number" />
      <View className="chips">
        {VOLUNTEER_SKILLS.map((s) => (
          <Text key={s} className={`chip${skills.includes(s) ? ' chip--on' : ''}`} onClick={() => setSkills(skills.includes(s) ? skills.filter((x) => x !== s) : [...skills, s])} {...tapRole('checkbox', { checked: skills.includes(s) })}>{s}</Text>
        ))}
      </View>
      {error ? <Text className="form-error">{error}</Text> : null}
      <BigButton onClick={submit}>添加</BigButton>
    </Card>
  );
}
