import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { formatChinaDate, type CampaignDetail, type CampaignEditInput } from '@honglin/shared';
import { BigButton } from '../../../components/BigButton';
import { Card } from '../../../components/Card';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Field } from '../../../components/Field';
import { formErrorText } from '../../../services/request';
import { closeCampaign, editCampaign } from '../../../services/volunteer';
import { onChinaDate } from '../dates';

/** The organiser edits the drive (only what changed is sent) or stops its recruiting. */
export function CampaignEditor({ c, onChanged }: { c: CampaignDetail; onChanged: (c: CampaignDetail) => void }) {
  const [f, setF] = useState({ title: c.title, goal: c.goal, description: c.description, measure: c.impactMeasure ?? '', target: c.impactTarget === null ? '' : String(c.impactTarget), from: formatChinaDate(c.startsAt), to: formatChinaDate(c.endsAt) });
  const [note, setNote] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  const done = (p: Promise<CampaignDetail>, ok: string) => void p.then((next) => (setNote(ok), onChanged(next)), (e: unknown) => setNote(formErrorText(e)));
  const save = () => {
    const startsAt = onChinaDate(c.startsAt, f.from);
    const endsAt = onChinaDate(c.endsAt, f.to);
    if (!startsAt || !endsAt) return setNote('日期请按“2026-01-31”的格式填写');
    const patch: CampaignEditInput = {};
    if (f.title.trim() !== c.title) patch.title = f.title;
    if (f.goal.trim() !== c.goal) patch.goal = f.goal;
    if (f.description.trim() !== c.description) patch.description = f.description;
    if (f.measure.trim() !== (c.impactMeasure ?? '')) patch.impactMeasure = f.measure.trim() || null;
    if (f.target.trim() !== (c.impactTarget === null ? '' : String(c.impactTarget))) patch.impactTarget = f.target.trim() ? Number(f.target) : null;
    if (startsAt !== c.startsAt) patch.startsAt = startsAt;
    if (endsAt !== c.endsAt) patch.endsAt = endsAt;
    if (!Object.keys(patch).length) return setNote('没有需要保存的修改');
    done(editCampaign(c.id, patch), '已保存');
  };
  return (
    <Card title="修改项目" testId="campaign-editor">
      <Field label="项目名称" value={f.title} onInput={set('title')} testId="campaign-edit-title" />
      <Field label="目标" value={f.goal} onInput={set('goal')} />
      <Field label="项目说明" value={f.description} onInput={set('description')} />
      <Field label="成效指标（如：入户走访户数）" value={f.measure} onInput={set('measure')} />
      <Field label="成效目标数（可不填）" value={f.target} onInput={set('target')} type="number" />
      <Field label="开始日期（北京时间，如 2026-01-01）" value={f.from} onInput={set('from')} />
      <Field label="结束日期（须包含所有岗位）" value={f.to} onInput={set('to')} testId="campaign-edit-to" />
      {note ? <Text className="form-error" data-testid="campaign-edit-note">{note}</Text> : null}
      <BigButton onClick={save} testId="campaign-save">保存修改</BigButton>
      {c.status === 'open' ? (
        <View>
          <Text className="vol-meta">停止招募后不能再添加岗位、报名或发起召集；已安排的岗位照常进行，时长照常审核。</Text>
          <ConfirmButton question="停止后志愿者不能再报名这个项目的岗位，进行中的召集也会结束。确定停止招募吗？" yes="停止招募" onConfirm={() => done(closeCampaign(c.id), '已停止招募')} testId="campaign-close">停止招募</ConfirmButton>
        </View>
      ) : <Text className="vol-meta" data-testid="campaign-closed">项目已停止招募或已结束</Text>}
    </Card>
  );
}
