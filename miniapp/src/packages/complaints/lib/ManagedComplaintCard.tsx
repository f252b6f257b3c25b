import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_TEXT_MAX, COMPLAINT_TEXT_MIN, type ManagedComplaintView } from '@honglin/shared';
import { BigButton } from '../../../components/BigButton';
import { Card } from '../../../components/Card';
import { InfoRow } from '../../../components/InfoRow';
import { answerComplaint } from '../../../services/complaints';
import { formErrorText } from '../../../services/request';
import { ComplaintFacts, ComplaintTags } from './ComplaintSummary';

/** One complaint as the admin sees it: who filed it (to reach them), and the answer form while unanswered. */
export function ManagedComplaintCard({ c, onAnswered }: { c: ManagedComplaintView; onAnswered: () => void }) {
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    if (answer.trim().length < COMPLAINT_TEXT_MIN) return setError(`答复请至少写${COMPLAINT_TEXT_MIN}个字，说明核实情况和处理结果`);
    setSaving(true);
    setError(null);
    try {
      await answerComplaint(c.id, answer.trim());
      onAnswered();
    } catch (failure) {
      setError(formErrorText(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={`${COMPLAINT_CATEGORY_LABELS[c.category]} · ${c.community.name}`} testId={`managed-complaint-${c.id}`}>
      <ComplaintTags c={c} dueSoon={c.dueSoon} />
      <InfoRow label="投诉人" value={c.complainant.name} />
      <InfoRow label="联系电话" value={c.complainant.phoneMasked} placeholder="未绑定" />
      {c.anonymous ? <Text className="complaint-warning">投诉人要求匿名：处理时不得向被投诉人透露投诉人身份</Text> : null}
      <ComplaintFacts c={c} />
      {c.status === 'submitted' ? (
        <View>
          <Textarea
            className="complaint-textarea"
            value={answer}
            maxlength={COMPLAINT_TEXT_MAX}
            placeholder="写明核实情况、已采取的措施和结果"
            onInput={(event) => setAnswer(event.detail.value)}
            data-testid="complaint-answer-input"
          />
          {error ? <Text className="form-error" data-testid="complaint-answer-error">{error}</Text> : null}
          <BigButton onClick={() => void submit()} loading={saving} testId="complaint-answer-submit">提交答复</BigButton>
        </View>
      ) : null}
    </Card>
  );
}
