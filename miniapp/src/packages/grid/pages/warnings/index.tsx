import { useState } from 'react';
import { usePageShow } from '../../../../hooks/usePageShow';
import { Text, Textarea, View } from '@tarojs/components';
import { WARNING_LEVEL_LABELS, WARNING_STATUS_LABELS, formatChinaDateTime, type WarningView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { acknowledgeWarning, listWarnings, resolveWarning } from '../../../../services/grid';
import { formErrorText } from '../../../../services/request';
import '../../grid.scss';

export default function WarningsPage() {
  return <PageShell title="风险预警">{() => <Warnings />}</PageShell>;
}

/** The warnings inbox: each says in plain words what happened; acknowledge stops the escalation clock, resolve needs a note. */
function Warnings() {
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const [items, setItems] = useState<WarningView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = (s = status) => {
    setStatus(s);
    setItems(null);
    setError(null);
    listWarnings(s).then(setItems, (e: Error) => setError(e.message));
  };
  usePageShow(() => load());
  return (
    <View>
      <View className="grid-choice">
        <BigButton variant={status === 'open' ? 'primary' : 'secondary'} onClick={() => load('open')} testId="warnings-open">未解除</BigButton>
        <BigButton variant={status === 'resolved' ? 'primary' : 'secondary'} onClick={() => load('resolved')} testId="warnings-resolved">已解除</BigButton>
      </View>
      {error ? <EmptyState title="无法打开风险预警" description={error} /> : null}
      {!error && !items ? <EmptyState title="正在加载…" /> : null}
      {items?.length === 0 ? <EmptyState title="没有预警" testId="warnings-empty" /> : null}
      {items?.map((w) => <WarningCard key={w.id} w={w} onChanged={() => load()} />)}
    </View>
  );
}

function WarningCard({ w, onChanged }: { w: WarningView; onChanged: () => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const resolve = () =>
    resolveWarning(w.id, note.trim()).then(onChanged, (e) => setError(formErrorText(e)));
  return (
    <Card title={`${WARNING_LEVEL_LABELS[w.level]}色预警 · ${WARNING_STATUS_LABELS[w.status]}`} testId={`warning-${w.level}`}>
      <Text className="grid-line" data-testid="warning-sentence">{w.sentence}</Text>
      <Text className="grid-line">
        {formatChinaDateTime(w.raisedAt)} 发出{w.status === 'raised' ? `，请在 ${formatChinaDateTime(w.ackDueAt)} 前确认` : ''}
        {w.escalation === 1 ? '，已超时告知社区' : w.escalation === 2 ? '，已超时告知街道' : ''}
      </Text>
      {w.resolutionNote ? <Text className="grid-line">处理结果：{w.resolutionNote}</Text> : null}
      {w.status === 'raised' ? <BigButton onClick={() => acknowledgeWarning(w.id).then(onChanged)} testId="warning-acknowledge">确认收到</BigButton> : null}
      {w.status === 'acknowledged' ? (
        <View>
          <Textarea className="grid-textarea" value={note} maxlength={500} onInput={(e) => setNote(e.detail.value)} aria-label="处理结果" nativeProps={{ 'aria-label': '处理结果' }} placeholder="写明处理结果，例如：已上门，老人安好" data-testid="warning-note" />
          {error ? <Text className="grid-line grid-overdue">{error}</Text> : null}
          <BigButton onClick={resolve} testId="warning-resolve">解除预警</BigButton>
        </View>
      ) : null}
    </Card>
  );
}
