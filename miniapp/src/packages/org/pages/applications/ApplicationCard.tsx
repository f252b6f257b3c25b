import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { formatChinaDateTime, type PendingApplicationView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { InfoRow } from '../../../../components/InfoRow';
import { ApiError } from '../../../../services/request';
import { approveApplication, rejectApplication } from '../../../../services/org';

interface Props {
  application: PendingApplicationView;
  onDecided: () => void;
}

export function ApplicationCard({ application, onDecided }: Props) {
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { applicant } = application;

  const approve = async () => {
    const { confirm } = await Taro.showModal({ title: '确认通过', content: `确认${applicant.name}是${application.branch.name}的党员？` });
    if (!confirm) return;
    setBusy(true);
    try {
      await approveApplication(application.id);
      void Taro.showToast({ title: '已通过', icon: 'success' });
      onDecided();
    } catch {
      setBusy(false); // request() showed the reason
    }
  };

  const reject = async () => {
    setBusy(true);
    setError(null);
    try {
      await rejectApplication(application.id, reason);
      void Taro.showToast({ title: '已驳回', icon: 'none' });
      onDecided();
    } catch (failure) {
      const apiError = failure as ApiError;
      setError(apiError.fieldMessage?.('reason') ?? apiError.message);
      setBusy(false);
    }
  };

  return (
    <Card title={applicant.name} testId={`application-${application.id}`}>
      <InfoRow label="手机号" value={applicant.phoneMasked} placeholder="未绑定" />
      <InfoRow label="申请支部" value={application.branch.name} />
      <InfoRow label="申请时间" value={formatChinaDateTime(application.createdAt)} />
      {application.note ? <Text className="application-note">{`申请说明：${application.note}`}</Text> : null}
      {rejecting ? (
        <View>
          <Textarea
            className="application-reason"
            value={reason}
            maxlength={200}
            placeholder="请填写不通过的原因（申请人会看到），可不填"
            onInput={(event) => setReason(event.detail.value)}
            data-testid="reject-reason"
          />
          {error ? <Text className="form-error">{error}</Text> : null}
          <BigButton variant="danger" onClick={() => void reject()} loading={busy} testId="reject-confirm">确认不通过</BigButton>
          <BigButton variant="secondary" onClick={() => setRejecting(false)} disabled={busy}>取消</BigButton>
        </View>
      ) : (
        <View>
          <BigButton onClick={() => void approve()} loading={busy} testId="approve">通过</BigButton>
          <BigButton variant="danger" onClick={() => setRejecting(true)} disabled={busy} testId="reject">不通过</BigButton>
        </View>
      )}
    </Card>
  );
}
