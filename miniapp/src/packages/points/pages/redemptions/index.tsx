import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatChinaDateTime, REDEMPTION_STATUS_LABELS } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { cancelRedemption, listMyRedemptions } from '../../../../services/points';
import '../../points.scss';

export default function RedemptionsPage() {
  return <PageShell>{() => <Redemptions />}</PageShell>;
}

/** My redemptions: the pickup code while pending, and cancellation (points come back) before pickup. */
function Redemptions() {
  const list = useRemote(listMyRedemptions);
  const cancel = async (id: string) => {
    const ok = await Taro.showModal({ title: '取消兑换', content: '取消后积分将退回您的账户，确定取消吗？' });
    if (!ok.confirm) return;
    await cancelRedemption(id).then(list.reload, () => undefined);
  };
  return (
    <Loadable remote={list}>
      {(items) =>
        items.length === 0 ? (
          <EmptyState title="还没有兑换记录" description="在积分超市用积分兑换生活用品。" />
        ) : (
          <View>
            {items.map((r) => (
              <Card key={r.id} title={r.item.name} testId="redemption">
                <Text className="muted">{`${formatChinaDateTime(r.createdAt)} · ${r.pricePoints} 积分 · ${REDEMPTION_STATUS_LABELS[r.status]}`}</Text>
                {r.status === 'pending' && r.pickupCode ? <Text className="pickup-code">{r.pickupCode}</Text> : null}
                {r.status === 'pending' ? <BigButton variant="secondary" onClick={() => void cancel(r.id)}>取消兑换</BigButton> : null}
              </Card>
            ))}
          </View>
        )
      }
    </Loadable>
  );
}
