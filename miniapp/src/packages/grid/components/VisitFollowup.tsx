import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { CASE_CATEGORIES, CASE_CATEGORY_LABELS, CASE_STATUS_LABELS, type CaseCategory, type CaseView } from '@honglin/shared';
import { BigButton } from '../../../components/BigButton';
import { tapRole } from '../../../components/a11y';
import { ROUTES } from '../../../routes';
import { raiseVisitFollowup } from '../../../services/voice';

/**
 * 转为工单: a need the grid worker found on this visit (a broken handrail, a lift out of order) goes on
 * the case workflow, routed and on the clock like a resident's own report, with the visit as its source.
 */
export function VisitFollowup({ visitId, suggestion }: { visitId: string; suggestion: string }) {
  const [open, setOpen] = useState(false);
  const [category, setCategory] = useState<CaseCategory | null>(null);
  const [text, setText] = useState(suggestion);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [raised, setRaised] = useState<CaseView | null>(null);
  if (raised) {
    return (
      <View className="grid-line" data-testid="visit-followup-raised" onClick={() => void Taro.navigateTo({ url: `${ROUTES.voiceDetail}?id=${raised.id}` })}>
        <Text>{`已转为工单（${CASE_STATUS_LABELS[raised.status]}），点此查看`}</Text>
      </View>
    );
  }
  if (!open) return <BigButton variant="secondary" onClick={() => setOpen(true)} testId="visit-followup-open">转为工单</BigButton>;
  const submit = async () => {
    if (!category) return setError('请选择问题类别');
    setBusy(true);
    setError(null);
    try {
      setRaised(await raiseVisitFollowup(visitId, category, text));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View data-testid="visit-followup">
      <View className="chips">
        {CASE_CATEGORIES.map((c) => (
          <Text key={c} className={`chip${category === c ? ' chip--on' : ''}`} onClick={() => setCategory(c)} {...tapRole('radio', { checked: category === c })} data-testid={`visit-followup-category-${c}`}>
            {CASE_CATEGORY_LABELS[c]}
          </Text>
        ))}
      </View>
      <Textarea className="grid-textarea" value={text} maxlength={1000} onInput={(e) => setText(e.detail.value)} placeholder="需要跟进的问题" nativeProps={{ 'aria-label': '需要跟进的问题' }} data-testid="visit-followup-text" />
      {error ? <Text className="form-error" data-testid="visit-followup-error">{error}</Text> : null}
      <BigButton loading={busy} onClick={() => void submit()} testId="visit-followup-submit">提交工单</BigButton>
    </View>
  );
}
