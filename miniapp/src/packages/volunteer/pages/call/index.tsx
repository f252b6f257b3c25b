import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ENROLLMENT_STATUS_LABELS, MOBILISATION_STATUS_LABELS, formatChinaDateTime, type MobilisationAnswerResult } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { InfoRow } from '../../../../components/InfoRow';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { answerCall, getCall, joinCallWaitlist } from '../../../../services/volunteer';
import '../../volunteer.scss';

const ANSWERED: Record<string, string> = { accepted: '您已报名参加', declined: '您已回复不参加', full: '名额已满，感谢您的响应' };

/** Opened from the inbox notice: one tap to answer. */
export default function CallPage() {
  const id = useRouter().params.id ?? '';
  return <PageShell>{() => <Call id={id} />}</PageShell>;
}

function Call({ id }: { id: string }) {
  const call = useRemote(() => getCall(id), { everyShow: true });
  const [result, setResult] = useState<MobilisationAnswerResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const answer = (a: 'accept' | 'decline') => {
    setBusy(true);
    void answerCall(id, a)
      .then((r) => (setResult(r), setError(null)), (e: Error) => setError(e.message))
      .finally(() => (setBusy(false), call.reload()));
  };
  const waitlist = () => void joinCallWaitlist(id).then((e) => (setResult({ outcome: 'full', message: `已加入候补，第${e.waitlistPosition ?? 1}位。有人退出时会通知您`, enrollmentId: e.id, canJoinWaitlist: false }), call.reload()), (e: Error) => setError(e.message));
  return (
    <Loadable remote={call}>
      {(c) => (
        <Card title={`紧急召集：${c.title}`} testId="call-detail">
          <InfoRow label="集合地点" value={c.place} />
          <InfoRow label="时间" value={`${formatChinaDateTime(c.startsAt)} — ${formatChinaDateTime(c.endsAt).slice(11)}`} />
          <InfoRow label="需要人数" value={`${c.needed}人（已有${c.accepted}人）`} testId="call-count" />
          <InfoRow label="回复截止" value={formatChinaDateTime(c.deadline)} />
          <InfoRow label="状态" value={MOBILISATION_STATUS_LABELS[c.status]} testId="call-status" />
          {result ? (
            <Text className={`vol-result ${result.outcome === 'full' ? 'vol-result--full' : 'vol-result--ok'}`} data-testid="call-result">{result.message}</Text>
          ) : c.myAnswer && c.myAnswer !== 'none' ? (
            <Text className="vol-result" data-testid="call-result">{ANSWERED[c.myAnswer]}{c.myEnrollment ? `（${ENROLLMENT_STATUS_LABELS[c.myEnrollment.status]}）` : ''}</Text>
          ) : null}
          {error ? <Text className="form-error" data-testid="call-error">{error}</Text> : null}
          {c.myAnswer === 'none' && c.status !== 'closed' ? (
            <View className="row-actions">
              <BigButton className="big-button--hero" onClick={() => answer('accept')} loading={busy} testId="call-accept">我参加</BigButton>
              <BigButton variant="secondary" onClick={() => answer('decline')} disabled={busy} testId="call-decline">不参加</BigButton>
            </View>
          ) : null}
          {(result?.canJoinWaitlist || (c.myAnswer === 'full' && !c.myEnrollment)) && c.status !== 'closed' ? (
            <BigButton variant="secondary" onClick={waitlist} testId="call-waitlist">加入候补</BigButton>
          ) : null}
        </Card>
      )}
    </Loadable>
  );
}
