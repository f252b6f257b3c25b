import { Text, View } from '@tarojs/components';
import { formatChinaDateTime, REDEMPTION_STATUS_LABELS, type RedemptionView } from '@honglin/shared';
import { Card } from '../../../../components/Card';
import { ConfirmButton } from '../../../../components/ConfirmButton';
import { EmptyState } from '../../../../components/EmptyState';
import { Loadable } from '../../../../components/Loadable';
import { useNotice } from '../../../../components/Notice';
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
  return (
    <Loadable remote={list}>
      {(items) =>
        items.length === 0 ? (
          <EmptyState title="还没有兑换记录" description="在积分超市用积分兑换生活用品。" testId="redemptions-empty" />
        ) : (
          <View data-testid="redemptions">
            {items.map((r) => (
              <Redemption key={r.id} r={r} onChange={list.reload} />
            ))}
          </View>
        )
      }
    </Loadable>
  );
}

function Redemption({ r, onChange }: { r: RedemptionView; onChange: () => void }) {
  const [notice, say] = useNotice();
  const cancel = () =>
    cancelRedemption(r.id).then(
      () => {
        say('已取消，积分已退回');
        onChange();
      },
      () => undefined, // the request wrapper showed why
    );
  return (
    <Card title={r.item.name} testId="redemption">
      <Text className="muted">{`${formatChinaDateTime(r.createdAt)} · ${r.pricePoints} 积分 · ${REDEMPTION_STATUS_LABELS[r.status]}`}</Text>
      {r.status === 'pending' && r.pickupCode ? <Text className="pickup-code">{r.pickupCode}</Text> : null}
      {notice}
      {r.status === 'pending' ? (
        <ConfirmButton question="取消后积分将退回您的账户，确定取消吗？" yes="确定取消" no="不取消" onConfirm={() => void cancel()} testId="cancel-redemption">
          取消兑换
        </ConfirmButton>
      ) : null}
    </Card>
  );
}
