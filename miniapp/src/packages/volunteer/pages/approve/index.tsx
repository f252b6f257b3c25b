import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { formatChinaDateTime } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { tapRole } from '../../../../components/a11y';
import { useRemote } from '../../../../hooks/useRemote';
import { decideHours, pendingHours } from '../../../../services/volunteer';
import { HoursCorrector } from '../../components/HoursCorrector';
import { Field } from '../../../../components/Field';
import '../../volunteer.scss';

export default function ApprovePage() {
  return <PageShell title="审核志愿时长" subtitle="认定后计入星级并发放积分；不认定须写明原因，记录不会删除">{() => <Approve />}</PageShell>;
}

function Approve() {
  const list = useRemote(pendingHours);
  const [chosen, setChosen] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const decide = (decision: 'approve' | 'decline') =>
    void decideHours({ ids: chosen, decision, reason: reason || undefined }).then(
      (r) => (setNote(`已${decision === 'approve' ? '认定' : '不认定'}${r.length}条`), setChosen([]), list.reload()),
      (e: Error & { fields?: { message: string }[] }) => setNote(e.fields?.map((f) => f.message).join('；') || e.message),
    );
  return (
    <Loadable remote={list}>
      {(rows) =>
        rows.length === 0 ? (
          <EmptyState title="没有待审核的时长" />
        ) : (
          <View>
            <BigButton variant="secondary" onClick={() => setChosen(chosen.length === rows.length ? [] : rows.map((r) => r.id))}>{chosen.length === rows.length ? '全不选' : '全选'}</BigButton>
            {rows.map((h) => {
              const on = chosen.includes(h.id);
              return (
                <View key={h.id}>
                  <View className={`option-row${on ? ' option-row--selected' : ''}`} onClick={() => setChosen(on ? chosen.filter((x) => x !== h.id) : [...chosen, h.id])} data-testid={`hours-${h.user.name}`} {...tapRole('checkbox', { checked: on })}>
                    <View>
                      <Text className="vol-title">{h.user.name} · {h.hours} 小时</Text>
                      <Text className="vol-meta">{h.shift.title} · {formatChinaDateTime(h.checkInAt)} 至 {formatChinaDateTime(h.checkOutAt).slice(11)}（{h.minutes}分钟）</Text>
                      {h.autoCheckout ? <Text className="status-tag status-tag--pending">未签退，系统24小时后自动签退，请核实（可先更正时长）</Text> : null}
                    </View>
                    <Text className="option-row__mark">{on ? '已选' : '选择'}</Text>
                  </View>
                  {h.autoCheckout ? <HoursCorrector h={h} onCorrected={list.reload} /> : null}
                </View>
              );
            })}
            <Card>
              <Field label="不认定的原因" value={reason} onInput={setReason} />
              {note ? <Text className="form-error" data-testid="approve-note">{note}</Text> : null}
              <View className="row-actions">
                <BigButton onClick={() => decide('approve')} disabled={!chosen.length} testId="approve-selected">认定所选（{chosen.length}）</BigButton>
                <BigButton variant="danger" onClick={() => decide('decline')} disabled={!chosen.length}>不认定</BigButton>
              </View>
            </Card>
          </View>
        )
      }
    </Loadable>
  );
}
