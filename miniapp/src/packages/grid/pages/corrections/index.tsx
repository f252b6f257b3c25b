import { useState } from 'react';
import { usePageShow } from '../../../../hooks/usePageShow';
import { Text, Textarea, View } from '@tarojs/components';
import { CORRECTION_FIELD_LABELS, CORRECTION_STATUS_LABELS, formatChinaDate, type CorrectionView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { decideCorrection, listCorrections } from '../../../../services/grid';
import { formErrorText } from '../../../../services/request';
import '../../grid.scss';

export default function CorrectionsPage() {
  return <PageShell title="更正申请">{() => <Corrections />}</PageShell>;
}

/** Residents' correction requests, oldest first: correct the file, then accept; or reject with the reason. */
function Corrections() {
  const [items, setItems] = useState<CorrectionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => listCorrections().then(setItems, (e: Error) => setError(e.message));
  usePageShow(() => void load());
  if (error) return <EmptyState title="无法打开更正申请" description={error} />;
  if (!items) return <EmptyState title="正在加载…" />;
  if (!items.length) return <EmptyState title="没有待处理的更正申请" testId="corrections-empty" />;
  return (
    <View>
      {items.map((c) => (
        <CorrectionCard key={c.id} c={c} onDone={load} />
      ))}
    </View>
  );
}

function CorrectionCard({ c, onDone }: { c: CorrectionView; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const decide = (status: 'accepted' | 'rejected') => decideCorrection(c.id, status, reason.trim()).then(onDone, (e) => setError(formErrorText(e)));
  return (
    <Card title={`${c.person.name} · ${CORRECTION_FIELD_LABELS[c.field]} · ${CORRECTION_STATUS_LABELS[c.status]}`} testId="correction">
      <Text className="grid-line">{c.household?.label ?? ''} {formatChinaDate(c.createdAt)} 申请</Text>
      <Text className="grid-line">应为：{c.proposed}</Text>
      {c.reason ? <Text className="grid-line">原因：{c.reason}</Text> : null}
      <Textarea className="grid-textarea" value={reason} maxlength={300} onInput={(e) => setReason(e.detail.value)} aria-label="答复理由" nativeProps={{ 'aria-label': '答复理由' }} placeholder="答复理由，例如：已核实并改正" data-testid="correction-reason" />
      {error ? <Text className="grid-line grid-overdue">{error}</Text> : null}
      <View className="grid-choice">
        <BigButton onClick={() => decide('accepted')} testId="correction-accept">已更正</BigButton>
        <BigButton variant="secondary" onClick={() => decide('rejected')} testId="correction-reject">不予更正</BigButton>
      </View>
    </Card>
  );
}
