import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { FAMILY_INVITE_CODE_LENGTH, FAMILY_LINK_STATUS_LABELS, type FamilyLinkView } from '@honglin/shared';
import { BigButton } from '../../../components/BigButton';
import { Card } from '../../../components/Card';
import { requestLink } from '../../../services/family';
import { ElderAffairs } from './ElderAffairs';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { personText, revoke, revokeQuestion } from './people';

/** The family member's side: link with the older resident's code, then help them. */
export function FamilySide({ links, reload }: { links: FamilyLinkView[]; reload: () => Promise<unknown> }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const live = links.filter((l) => l.status !== 'revoked');
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await requestLink(code.trim());
      setCode('');
      await reload();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="我替家人办事" testId="family-side">
      {live.map((l) => (
        <View key={l.id} className="family-person" data-testid={`elder-${l.elder.name}`}>
          <Text className="family-person__name">{personText(l.elder)}</Text>
          <Text className="status-tag" data-testid="elder-status">
            {FAMILY_LINK_STATUS_LABELS[l.status]}
          </Text>
          {l.status === 'pending' ? <Text className="family-line muted">请等TA在自己手机的“亲情账号”里点“同意”。</Text> : <ElderAffairs elder={l.elder} partyMember={l.elderPartyMember} />}
          <ConfirmButton variant="secondary" testId="elder-revoke" question={revokeQuestion(l, l.status === 'pending' ? '撤回' : '解除绑定')} yes={l.status === 'pending' ? '撤回请求' : '解除绑定'} onConfirm={() => void revoke(l, reload)}>
            {l.status === 'pending' ? '撤回请求' : '解除绑定'}
          </ConfirmButton>
        </View>
      ))}
      <Text className="form-row__label">输入老人手机上显示的{FAMILY_INVITE_CODE_LENGTH}位邀请码（在TA的“我的—亲情账号—让家人绑定我”里）</Text>
      <Input className="form-input" type="number" maxlength={FAMILY_INVITE_CODE_LENGTH} value={code} placeholder="6位数字" onInput={(e) => setCode(e.detail.value)} data-testid="family-code" />
      {error ? <Text className="form-error" data-testid="family-code-error">{error}</Text> : null}
      <BigButton loading={busy} disabled={code.trim().length !== FAMILY_INVITE_CODE_LENGTH} testId="family-code-submit" onClick={() => void submit()}>
        绑定家人
      </BigButton>
    </Card>
  );
}
