import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { formatChinaDateTime, type ShiftView } from '@honglin/shared';
import { Card } from '../../../components/Card';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Field } from '../../../components/Field';
import { tapRole } from '../../../components/a11y';
import { formErrorText } from '../../../services/request';
import { cancelShift } from '../../../services/volunteer';

/** Calls off one shift not yet started: everyone on it and waiting for it is told the reason. */
export function ShiftCanceller({ shifts, onCancelled }: { shifts: ShiftView[]; onCancelled: () => void }) {
  const upcoming = shifts.filter((s) => Date.parse(s.startsAt) > Date.now());
  const [chosen, setChosen] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState<string | null>(null);
  if (!upcoming.length) return null;
  const cancel = () => {
    if (!chosen) return setNote('请先选择要取消的岗位');
    void cancelShift(chosen, reason).then(
      (s) => (setNote(`已取消“${s.title}”，已通知报名的志愿者`), setChosen(null), setReason(''), onCancelled()),
      (e: unknown) => setNote(formErrorText(e)),
    );
  };
  return (
    <Card title="取消岗位" testId="shift-canceller">
      {upcoming.map((s) => (
        <View key={s.id} className={`option-row${chosen === s.id ? ' option-row--selected' : ''}`} onClick={() => setChosen(s.id)} data-testid={`cancel-pick-${s.title}`} {...tapRole('radio', { checked: chosen === s.id })}>
          <Text>{s.title} · {formatChinaDateTime(s.startsAt)} · 已报{s.capacity - s.placesLeft}人</Text>
        </View>
      ))}
      <Field label="取消原因（会发给已报名的志愿者）" value={reason} onInput={setReason} testId="cancel-reason" />
      {note ? <Text className="form-error" data-testid="cancel-note">{note}</Text> : null}
      <ConfirmButton question="已报名和候补的志愿者都会收到取消通知和原因，取消后不能恢复。确定取消这个岗位吗？" yes="确定取消" onConfirm={cancel} testId="cancel-shift">取消所选岗位</ConfirmButton>
    </Card>
  );
}
