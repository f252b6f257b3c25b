import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { FAMILY_CONSENT_LABELS, FAMILY_INVITE_TTL_MINUTES, type FamilyInviteView, type FamilyLinkView } from '@honglin/shared';
import { BigButton } from '../../../components/BigButton';
import { Card } from '../../../components/Card';
import { confirmLink, createInvite } from '../../../services/family';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { personText, revoke, revokeQuestion } from './people';

/** While a code is on screen, look for the family member's request every few seconds so 同意 appears by itself. */
const POLL_MS = 3000;

/** The older resident's side: let a family member help, say yes or no, see and end links. */
export function ElderSide({ links, reload }: { links: FamilyLinkView[]; reload: () => Promise<unknown> }) {
  const [invite, setInvite] = useState<FamilyInviteView | null>(null);
  const pending = links.filter((l) => l.status === 'pending');
  const active = links.filter((l) => l.status === 'active');
  const waiting = invite !== null && pending.length === 0 && Date.parse(invite.expiresAt) > Date.now();
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setInterval(() => void reloadRef.current(), POLL_MS);
    return () => clearInterval(timer);
  }, [waiting]);

  const agree = async (l: FamilyLinkView) => {
    await confirmLink(l.id);
    setInvite(null);
    void Taro.showToast({ title: '已同意', icon: 'none' });
    await reload();
  };
  return (
    <Card title="让家人帮我办事" testId="elder-side">
      {pending.map((l) => (
        <View key={l.id} className="family-person" data-testid={`pending-${l.family.name}`}>
          <Text className="family-person__name">{personText(l.family)} 请求成为您的家人</Text>
          <Text className="family-line">同意后，TA可以替您报名活动、取消报名、陪您签到和查看您的通知。每一次都会记下来，您随时能看到，也随时能解除。</Text>
          <View className="row-actions">
            <BigButton testId="link-agree" onClick={() => void agree(l)}>
              同意
            </BigButton>
            <ConfirmButton variant="secondary" testId="link-decline" question={revokeQuestion(l, '不同意')} yes="不同意" no="再想想" onConfirm={() => void revoke(l, reload)}>
              不同意
            </ConfirmButton>
          </View>
        </View>
      ))}
      {active.map((l) => (
        <View key={l.id} className="family-person" data-testid={`helper-${l.family.name}`}>
          <Text className="family-person__name">{personText(l.family)}</Text>
          <Text className="family-line muted">{l.consent ? FAMILY_CONSENT_LABELS[l.consent] : ''}{l.witnessedBy ? `（${l.witnessedBy.name}）` : ''}</Text>
          <ConfirmButton testId="helper-revoke" question={revokeQuestion(l, '解除绑定')} yes="解除绑定" no="不解除" onConfirm={() => void revoke(l, reload)}>
            解除绑定
          </ConfirmButton>
        </View>
      ))}
      {active.length === 0 && pending.length === 0 ? <Text className="family-line">还没有家人帮您办事。家人绑定后，可以替您报名社区活动。</Text> : null}
      {invite ? (
        <View data-testid="invite">
          <Text className="family-line">请把下面的数字告诉家人，让TA在自己手机的“亲情账号”里输入（{FAMILY_INVITE_TTL_MINUTES}分钟内有效）：</Text>
          <Text className="invite-code" data-testid="invite-code">
            {invite.code}
          </Text>
          {waiting ? <Text className="family-line muted">家人输入后，这里会出现“同意”按钮。</Text> : null}
        </View>
      ) : null}
      <BigButton variant={invite ? 'secondary' : 'primary'} testId="invite-create" onClick={() => void createInvite().then(setInvite)}>
        {invite ? '换一个邀请码' : '让家人绑定我'}
      </BigButton>
    </Card>
  );
}
