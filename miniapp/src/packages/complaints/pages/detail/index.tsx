import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ComplaintView } from '@honglin/shared';
import { Card } from '../../../../components/Card';
import { ConfirmButton } from '../../../../components/ConfirmButton';
import { EmptyState } from '../../../../components/EmptyState';
import { useNotice } from '../../../../components/Notice';
import { PageShell } from '../../../../components/PageShell';
import { closeComplaint, getComplaint, withdrawComplaint } from '../../../../services/complaints';
import { ComplaintFacts, ComplaintTags } from '../../lib/ComplaintSummary';
import '../../complaints.scss';
import { usePageShow } from '../../../../hooks/usePageShow';

export default function ComplaintDetailPage() {
  return <PageShell>{() => <Detail />}</PageShell>;
}

/** One complaint: the answer once there is one; withdraw while unanswered, accept (办结) once answered. */
function Detail() {
  const { params } = useRouter();
  const [c, setC] = useState<ComplaintView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, say] = useNotice();
  usePageShow(() => void getComplaint(params.id ?? '').then(setC, (e: Error) => setError(e.message)));
  if (error) return <EmptyState title="找不到这件投诉" description={error} />;
  if (!c) return <EmptyState title="正在加载…" />;

  const act = async (run: (id: string) => Promise<ComplaintView>, done: string) => {
    setBusy(true);
    try {
      setC(await run(c.id));
      say(done);
    } catch {
      // request() showed the reason
    } finally {
      setBusy(false);
    }
  };

  return (
    <View>
      {notice}
      <Card title="投诉进度">
        <ComplaintTags c={c} />
        {c.status === 'submitted' ? <Text className="muted">管理员答复后会通知您。</Text> : null}
        <ComplaintFacts c={c} />
      </Card>
      {c.status === 'submitted' ? (
        <ConfirmButton question="撤回后这件投诉不再处理。确定撤回吗？" yes="撤回" no="不撤回" loading={busy} onConfirm={() => void act(withdrawComplaint, '已撤回')} testId="complaint-withdraw">
          撤回投诉
        </ConfirmButton>
      ) : null}
      {c.status === 'answered' ? (
        <ConfirmButton question="确认对答复满意，这件投诉就此办结？" yes="确认办结" no="再想想" variant="primary" loading={busy} onConfirm={() => void act(closeComplaint, '已办结，感谢您的监督')} testId="complaint-close">
          确认办结
        </ConfirmButton>
      ) : null}
      {c.status === 'answered' ? <Text className="muted">对答复不满意，可以重新提交一件投诉说明情况。</Text> : null}
    </View>
  );
}
