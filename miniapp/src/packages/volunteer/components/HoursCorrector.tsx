import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { MAX_CORRECTED_MINUTES, roundVolunteerHours, type HoursEntryView } from '@honglin/shared';
import { BigButton } from '../../../components/BigButton';
import { Field } from '../../../components/Field';
import { formErrorText } from '../../../services/request';
import { correctHours } from '../../../services/volunteer';

/** Under an auto checked-out entry: the organiser sets the real minutes with a reason before approving. */
export function HoursCorrector({ h, onCorrected }: { h: HoursEntryView; onCorrected: () => void }) {
  const [open, setOpen] = useState(false);
  const [minutes, setMinutes] = useState(String(h.minutes));
  const [reason, setReason] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const n = Number(minutes);
  const preview = minutes.trim() !== '' && Number.isInteger(n) && n >= 0 && n <= MAX_CORRECTED_MINUTES ? `按规则折合 ${roundVolunteerHours(n)} 小时` : `请填写0–${MAX_CORRECTED_MINUTES}之间的整数`;
  const save = () =>
    void correctHours(h.id, { minutes: minutes.trim() === '' ? Number.NaN : n, reason }).then(
      () => (setOpen(false), setReason(''), setNote(null), onCorrected()),
      (e: unknown) => setNote(formErrorText(e)),
    );
  return (
    <View className="vol-corrector" data-testid={`correct-${h.user.name}`}>
      {h.correction ? (
        <Text className="vol-meta" data-testid={`corrected-${h.user.name}`}>
          已更正：原{h.correction.fromMinutes}分钟 → 现{h.minutes}分钟（{h.correction.by}：{h.correction.reason}）
        </Text>
      ) : null}
      {open ? (
        <View>
          <Field label="实际服务分钟数" value={minutes} onInput={setMinutes} type="number" testId={`correct-minutes-${h.user.name}`} />
          <Text className="vol-meta">{preview}</Text>
          <Field label="更正原因（会留档）" value={reason} onInput={setReason} testId={`correct-reason-${h.user.name}`} />
          {note ? <Text className="form-error">{note}</Text> : null}
          <View className="row-actions">
            <BigButton onClick={save} testId={`correct-save-${h.user.name}`}>保存更正</BigButton>
            <BigButton variant="secondary" onClick={() => setOpen(false)}>不改了</BigButton>
          </View>
        </View>
      ) : (
        <BigButton variant="secondary" onClick={() => setOpen(true)} testId={`correct-open-${h.user.name}`}>更正时长</BigButton>
      )}
    </View>
  );
}
