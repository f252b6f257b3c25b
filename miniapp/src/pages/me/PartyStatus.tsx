import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MeView, PartyApplicationView } from '@honglin/shared';
import { BigButton } from '../../components/BigButton';
import { Card } from '../../components/Card';
import { InfoRow } from '../../components/InfoRow';
import { ROUTES } from '../../routes';
import { isPartyMember } from '../../stores/session';

const STATUS_LABELS: Record<PartyApplicationView['status'], string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '未通过',
};

/** 党员身份: either a member, an application in some state, or the way to apply. */
export function PartyStatus({ me }: { me: MeView }) {
  const application = me.partyApplication;
  const apply = () => void Taro.navigateTo({ url: ROUTES.partyApplication });
  if (isPartyMember(me)) {
    return (
      <Card title="党员身份">
        <InfoRow label="状态" value="已认证党员" testId="party-status" />
      </Card>
    );
  }
  return (
    <Card
      title="党员身份"
      extra={application ? <Text className={`status-tag status-tag--${application.status}`}>{STATUS_LABELS[application.status]}</Text> : null}
    >
      {application ? (
        <View>
          <InfoRow label="申请支部" value={application.branch.name} />
          <InfoRow label="审核状态" value={STATUS_LABELS[application.status]} testId="party-status" />
          {application.status === 'rejected' ? (
            <InfoRow label="原因" value={application.decisionReason} placeholder="支部未填写原因" testId="party-reject-reason" />
          ) : null}
        </View>
      ) : (
        <Text className="muted">如果您是党员，可以申请认证党员身份，由所在党支部审核。</Text>
      )}
      {!application || application.status === 'rejected' ? (
        <BigButton onClick={apply} testId="party-apply">{application ? '重新申请' : '申请认证党员身份'}</BigButton>
      ) : null}
    </Card>
  );
}
