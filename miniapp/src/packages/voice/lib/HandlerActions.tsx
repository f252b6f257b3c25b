import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { CASE_PHOTO_MAX_BYTES, type CaseView } from '@honglin/shared';
import { BigButton } from '../../../components/BigButton';
import { Card } from '../../../components/Card';
import { PICK_CANCELLED, pickImageAsDataUrl } from '../../../services/images';
import { formErrorText } from '../../../services/request';
import { addAfterPhoto, caseStep, getCase, type HandlerStep } from '../../../services/voice';

/** The handler's steps on one case: accept, reply, after-photo, 办结, 不予受理 / 无法办理 with a reason. */
export function HandlerActions({ c, onChange }: { c: CaseView; onChange: (c: CaseView) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = ['pending', 'accepted', 'in_progress'].includes(c.status);
  if (!open) return null;

  const step = async (name: HandlerStep, data: object = {}) => {
    setBusy(true);
    setError(null);
    try {
      onChange(await caseStep(c.id, name, data));
      setText('');
    } catch (e) {
      setError(formErrorText(e));
    } finally {
      setBusy(false);
    }
  };
  const photo = async () => {
    try {
      const dataUrl = await pickImageAsDataUrl(CASE_PHOTO_MAX_BYTES);
      setBusy(true);
      await addAfterPhoto(c.id, dataUrl);
      onChange(await getCase(c.id));
    } catch (e) {
      if ((e as Error).message !== PICK_CANCELLED) setError(formErrorText(e));
    } finally {
      setBusy(false);
    }
  };
  const needText = (name: HandlerStep, data: (t: string) => object) => () => (text.trim().length < 2 ? setError('请先在上面写明内容或原因') : void step(name, data(text.trim())));

  return (
    <Card title="处理这件工单" testId="case-handle">
      {c.status === 'pending' ? (
        <BigButton loading={busy} onClick={() => void step('accept')} testId="case-accept">受理</BigButton>
      ) : null}
      <Textarea className="voice-textarea" value={text} placeholder="答复居民的话，或不予受理 / 无法办理的原因" maxlength={1000} onInput={(e) => setText(e.detail.value)} data-testid="case-handle-text" />
      {error ? <Text className="voice-text" style={{ color: 'var(--color-danger)' }} data-testid="case-handle-error">{error}</Text> : null}
      <View>
        {c.status !== 'pending' ? (
          <BigButton variant="secondary" loading={busy} onClick={needText('reply', (t) => ({ text: t }))} testId="case-reply">答复居民</BigButton>
        ) : null}
        <BigButton variant="secondary" loading={busy} onClick={() => void photo()} testId="case-after-photo">上传处理后照片</BigButton>
        <BigButton loading={busy} onClick={needText('resolve', (t) => ({ text: t }))} testId="case-resolve">办结</BigButton>
        <BigButton variant="secondary" loading={busy} onClick={needText('exit', (t) => ({ outcome: c.status === 'pending' ? 'refused' : 'cannot_handle', reason: t }))} testId="case-exit">
          {c.status === 'pending' ? '不予受理' : '无法办理'}
        </BigButton>
      </View>
    </Card>
  );
}
