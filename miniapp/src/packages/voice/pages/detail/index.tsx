import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { CASE_RATINGS, CASE_RATING_LABELS, formatChinaDateTime, type CaseRating, type CaseView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { useNotice } from '../../../../components/Notice';
import { PageShell } from '../../../../components/PageShell';
import { usePageShow } from '../../../../hooks/usePageShow';
import { getCase, rateCase, reopenCase, withdrawCase } from '../../../../services/voice';
import { CasePhotos, CaseTags, CaseTimeline } from '../../lib/CaseParts';
import { HandlerActions } from '../../lib/HandlerActions';
import '../../voice.scss';

export default function CaseDetailPage() {
  return <PageShell>{() => <Detail />}</PageShell>;
}

/** One case with its timeline; the reporter and followers rate and reopen, the handler acts. */
function Detail() {
  const { params } = useRouter();
  const [c, setC] = useState<CaseView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, say] = useNotice();
  usePageShow(() => void getCase(params.id ?? '').then(setC, (e: Error) => setError(e.message)));
  if (error) return <EmptyState title="找不到这件反映" description={error} />;
  if (!c) return <EmptyState title="正在加载…" />;

  const act = async (work: () => Promise<CaseView>, done: string) => {
    setBusy(true);
    try {
      setC(await work());
      say(done);
    } catch {
      // request() showed the reason
    } finally {
      setBusy(false);
    }
  };
  const rate = (rating: CaseRating) => void act(() => rateCase(c.id, rating, comment.trim()), '感谢您的评价');
  const due = c.status === 'pending' ? c.acceptDueAt : c.resolveDueAt;

  return (
    <View>
      {notice}
      <Card title="反映内容">
        <CaseTags c={c} />
        <Text className="voice-text" data-testid="case-text">{c.text}</Text>
        <Text className="muted">{[c.place.communityName, c.place.gridName, c.place.buildingName].filter(Boolean).join(' · ')}</Text>
        {c.handler ? <Text className="voice-text">{`负责人：${c.handler.name}`}</Text> : null}
        {c.reporter ? <Text className="voice-text">{`反映人：${c.reporter.name}`}</Text> : null}
        {due && ['pending', 'accepted', 'in_progress'].includes(c.status) ? (
          <Text className="voice-text" data-testid="case-due">{`${c.status === 'pending' ? '受理' : '办结'}时限：${formatChinaDateTime(due)}`}</Text>
        ) : null}
        <CasePhotos c={c} phase="report" />
      </Card>
      {c.photos.some((p) => p.phase === 'after') ? (
        <Card title="处理后照片">
          <CasePhotos c={c} phase="after" />
        </Card>
      ) : null}
      <Card title="办理进展">
        <CaseTimeline c={c} />
      </Card>
      {c.me.canRate ? (
        <Card title="您对处理结果满意吗？" testId="case-rate">
          <Textarea className="voice-textarea" value={comment} placeholder="想说的话（可不写）" maxlength={200} onInput={(e) => setComment(e.detail.value)} data-testid="case-rate-comment" />
          {CASE_RATINGS.map((r) => (
            <BigButton key={r} variant={r === 'unsatisfied' ? 'secondary' : 'primary'} loading={busy} onClick={() => rate(r)} testId={`case-rate-${r}`}>
              {CASE_RATING_LABELS[r]}
            </BigButton>
          ))}
        </Card>
      ) : null}
      {c.me.canReopen ? (
        <Card title="问题还没解决？" testId="case-reopen">
          <Text className="voice-text muted">{c.reopenCount ? '再次申请将升级到社区督办。' : '办结7天内可以申请重新办理一次。'}</Text>
          <BigButton loading={busy} onClick={() => void act(() => reopenCase(c.id, comment.trim() || '问题仍未解决'), '已重新办理')} testId="case-reopen-button">
            申请重新办理
          </BigButton>
        </Card>
      ) : null}
      {c.me.reporter && ['pending', 'accepted', 'in_progress'].includes(c.status) ? (
        <BigButton variant="secondary" loading={busy} onClick={() => void act(() => withdrawCase(c.id), '已撤回')} testId="case-withdraw">
          撤回反映
        </BigButton>
      ) : null}
      {c.me.handler || c.me.staff ? <HandlerActions c={c} onChange={setC} /> : null}
    </View>
  );
}
