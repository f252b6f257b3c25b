import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { formatChinaDateTime, type CampaignDetail } from '@honglin/shared';
import { BigButton } from '../../../components/BigButton';
import { Card } from '../../../components/Card';
import { Field } from '../../../components/Field';
import { InfoRow } from '../../../components/InfoRow';
import { tapRole } from '../../../components/a11y';
import { formErrorText } from '../../../services/request';
import { recordImpact } from '../../../services/volunteer';

/** 项目成效: the latest number per measure against its target; organisers record a new number. */
export function ImpactCard({ c, onChanged }: { c: CampaignDetail; onChanged: (c: CampaignDetail) => void }) {
  const [measure, setMeasure] = useState(c.impact[0]?.measure ?? '');
  const [achieved, setAchieved] = useState('');
  const [remark, setRemark] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const save = () =>
    void recordImpact(c.id, { measure, achieved: achieved.trim() === '' ? Number.NaN : Number(achieved), note: remark || undefined }).then(
      (next) => (setNote('已记录'), setAchieved(''), setRemark(''), onChanged(next)),
      (e: unknown) => setNote(formErrorText(e)),
    );
  if (!c.impact.length && !c.canManage) return null;
  return (
    <Card title="项目成效" testId="campaign-impact">
      {c.impact.map((i) => (
        <View key={i.measure}>
          <InfoRow label={i.measure} value={i.achieved === null ? null : `${i.achieved}${i.target !== null ? ` / 目标 ${i.target}` : ''}`} placeholder={i.target !== null ? `未记录（目标 ${i.target}）` : '未记录'} testId={`impact-${i.measure}`} />
          {i.recordedAt ? <Text className="vol-meta">{i.recordedBy} 于 {formatChinaDateTime(i.recordedAt)} 记录{i.note ? ` · ${i.note}` : ''}</Text> : null}
        </View>
      ))}
      {c.canManage ? (
        <View>
          <View className="chips">
            {c.impact.map((i) => (
              <Text key={i.measure} className={`chip${measure === i.measure ? ' chip--on' : ''}`} onClick={() => setMeasure(i.measure)} {...tapRole('radio', { checked: measure === i.measure })}>{i.measure}</Text>
            ))}
          </View>
          <Field label="成效名称（可选上面已有的）" value={measure} onInput={setMeasure} testId="impact-measure" />
          <Field label="目前累计完成数" value={achieved} onInput={setAchieved} type="number" testId="impact-achieved" />
          <Field label="备注（可不填）" value={remark} onInput={setRemark} />
          {note ? <Text className="form-error" data-testid="impact-note">{note}</Text> : null}
          <BigButton variant="secondary" onClick={save} testId="impact-save">记录成效</BigButton>
        </View>
      ) : null}
    </Card>
  );
}
