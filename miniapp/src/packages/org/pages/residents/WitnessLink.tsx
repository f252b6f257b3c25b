import { useState } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import { formatChinaDateTime, type FamilyInviteView, type MemberSummary, type OrgNodeView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { PersonPicker } from '../../../../components/PersonPicker';
import { witnessInvite } from '../../../../services/family';

/**
 * 上门见证: at the door of an older resident who has no phone (or can't use it), the organiser hears
 * their consent and issues the binding code for the family member to type in.
 */
export function WitnessLink({ communities }: { communities: OrgNodeView[] }) {
  const [index, setIndex] = useState(0);
  const [elder, setElder] = useState<MemberSummary | null>(null);
  const [reason, setReason] = useState('');
  const [invite, setInvite] = useState<FamilyInviteView | null>(null);
  const [busy, setBusy] = useState(false);
  const community = communities[index];
  const issue = async () => {
    setBusy(true);
    try {
      setInvite(await witnessInvite(elder!.id, reason.trim()));
    } catch {
      // the request wrapper showed why
    } finally {
      setBusy(false);
    }
  };
  if (!community) return null;
  return (
    <Card title="上门见证亲情绑定">
      <Text className="muted">老人当面同意由家人代办后，为老人生成绑定码，请家人在“我的—亲情账号”中输入。</Text>
      {communities.length > 1 ? (
        <Picker mode="selector" range={communities.map((c) => c.name)} value={index} onChange={(e) => { setIndex(Number(e.detail.value)); setElder(null); }}>
          <View className="form-input">{community.name}</View>
        </Picker>
      ) : null}
      <PersonPicker key={community.id} nodeId={community.id} picked={elder} onPick={setElder} />
      <View className="form-row">
        <Text className="form-row__label">见证情况（会记录在案）</Text>
        <Input className="form-input" value={reason} placeholder="如：上门走访，老人本人同意由女儿代办" onInput={(e) => setReason(e.detail.value)} data-testid="witness-reason" />
      </View>
      <BigButton loading={busy} disabled={!elder || reason.trim().length < 2} onClick={() => void issue()} testId="witness-issue">
        {elder ? `为${elder.name}生成绑定码` : '请先选择老人'}
      </BigButton>
      {invite ? (
        <View data-testid="witness-code">
          <Text className="witness-code">{invite.code}</Text>
          <Text className="muted">{`${invite.elder.name}的绑定码，${formatChinaDateTime(invite.expiresAt)} 前有效，只能使用一次。`}</Text>
        </View>
      ) : null}
    </Card>
  );
}
