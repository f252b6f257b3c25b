import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { CORRECTION_FIELD_LABELS, CORRECTION_FIELDS, CORRECTION_STATUS_LABELS, type CorrectionField, type CorrectionView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { fileCorrection } from '../../../../services/grid';
import { formErrorText } from '../../../../services/request';

/** 更正申请: pick what is wrong, write what it should be; the grid worker answers with a reason. */
export function CorrectionForm({ mine, onFiled }: { mine: CorrectionView[]; onFiled: () => void }) {
  const [field, setField] = useState<CorrectionField | null>(null);
  const [proposed, setProposed] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!field) return setError('请选择要更正的项目');
    try {
      await fileCorrection({ field, proposed: proposed.trim() });
      setField(null);
      setProposed('');
      setError(null);
      onFiled();
    } catch (e) {
      setError(formErrorText(e));
    }
  };
  return (
    <Card title="申请更正" testId="my-file-correction">
      {mine.map((c) => (
        <Text key={c.id} className="info-row__value" data-testid="my-correction">
          {CORRECTION_FIELD_LABELS[c.field]}：{c.proposed}（{CORRECTION_STATUS_LABELS[c.status]}{c.decisionReason ? `，${c.decisionReason}` : ''}）
        </Text>
      ))}
      <View className="row-actions">
        {CORRECTION_FIELDS.map((f) => (
          <BigButton key={f} variant={f === field ? 'primary' : 'secondary'} onClick={() => setField(f)} testId={`correction-field-${f}`}>
            {CORRECTION_FIELD_LABELS[f]}
          </BigButton>
        ))}
      </View>
      <Textarea className="grid-textarea" value={proposed} maxlength={200} onInput={(e) => setProposed(e.detail.value)} aria-label="正确的内容" placeholder="正确的内容是…" nativeProps={{ 'aria-label': '正确的内容' }} data-testid="correction-proposed" />
      {error ? <Text className="info-row__value" data-testid="correction-error">{error}</Text> : null}
      <BigButton onClick={submit} testId="correction-submit">提交更正申请</BigButton>
    </Card>
  );
}
