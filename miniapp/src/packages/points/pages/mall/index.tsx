import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RedemptionView } from '@honglin/shared';
import { tapRole } from '../../../../components/a11y';
import { Card } from '../../../../components/Card';
import { ConfirmButton } from '../../../../components/ConfirmButton';
import { EmptyState } from '../../../../components/EmptyState';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { ROUTES } from '../../../../routes';
import { getPointsSummary, listMallItems, newRequestKey, redeem } from '../../../../services/points';
import '../../points.scss';

export default function MallPage() {
  return <PageShell>{() => <Mall />}</PageShell>;
}

/**
 * 积分超市: items of my organisations. Redeeming asks first (a dialog, or in the page in elder mode)
 * and shows the pickup code at once, in the card of the item just redeemed.
 */
function Mall() {
  const data = useRemote(async () => ({ items: await listMallItems(), balance: (await getPointsSummary()).balance }));
  const [done, setDone] = useState<RedemptionView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const buy = async (id: string) => {
    setBusy(id);
    try {
      setDone(await redeem(id, newRequestKey()));
      data.reload();
    } catch {
      // the request wrapper already showed the reason (积分不足 / 已兑完)
    } finally {
      setBusy(null);
    }
  };
  return (
    <Loadable remote={data}>
      {({ items, balance }) => (
        <View>
          <View className="points-me">
            <Text data-testid="mall-balance">{`我的积分 ${balance}`}</Text>
            <Text className="points-me__link" onClick={() => void Taro.navigateTo({ url: ROUTES.pointsRedemptions })} data-testid="go-redemptions" {...tapRole('link')}>
              我的兑换 ›
            </Text>
          </View>
          {items.length === 0 ? <EmptyState title="暂无可兑换的商品" /> : null}
          {items.map((i) => (
            <Card key={i.id} title={i.name} testId="mall-item">
              <Text className="muted">{i.description}</Text>
              <View className="points-row">
                <Text className="points-plus">{`${i.pricePoints} 积分`}</Text>
                <Text className="points-row__sub">{i.stock > 0 ? `剩余 ${i.stock}` : '已兑完'}</Text>
              </View>
              {done?.item.id === i.id ? (
                <View className="mall-done" data-testid="mall-done">
                  <Text className="mall-done__title">{`已兑换「${done.item.name}」`}</Text>
                  <Text>请到社区党群服务中心出示提货码领取：</Text>
                  <Text className="pickup-code" data-testid="pickup-code">{done.pickupCode}</Text>
                </View>
              ) : null}
              <ConfirmButton
                variant="primary"
                title="确认兑换"
                question={`用 ${i.pricePoints} 积分兑换「${i.name}」吗？兑换后到社区党群服务中心领取。`}
                yes="确定兑换"
                no="不换了"
                disabled={i.stock <= 0 || balance < i.pricePoints}
                loading={busy === i.id}
                onConfirm={() => void buy(i.id)}
                testId="mall-redeem"
              >
                {i.stock <= 0 ? '已兑完' : balance < i.pricePoints ? '积分不足' : '兑换'}
              </ConfirmButton>
            </Card>
          ))}
        </View>
      )}
    </Loadable>
  );
}
