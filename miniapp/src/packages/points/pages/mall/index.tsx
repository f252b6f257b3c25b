import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RedemptionView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
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

/** 积分超市: items of my organisations; redeeming shows the pickup code at once. */
function Mall() {
  const data = useRemote(async () => ({ items: await listMallItems(), balance: (await getPointsSummary()).balance }));
  const [done, setDone] = useState<RedemptionView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const buy = async (id: string, name: string, price: number) => {
    const ok = await Taro.showModal({ title: '确认兑换', content: `用 ${price} 积分兑换「${name}」？` });
    if (!ok.confirm) return;
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
            <Text onClick={() => void Taro.navigateTo({ url: ROUTES.pointsRedemptions })}>我的兑换 ›</Text>
          </View>
          {done ? (
            <Card title={`已兑换「${done.item.name}」`} testId="mall-done">
              <Text className="muted">请到社区党群服务中心出示提货码领取：</Text>
              <Text className="pickup-code" data-testid="pickup-code">{done.pickupCode}</Text>
            </Card>
          ) : null}
          {items.length === 0 ? <EmptyState title="暂无可兑换的商品" /> : null}
          {items.map((i) => (
            <Card key={i.id} title={i.name} testId="mall-item">
              <Text className="muted">{i.description}</Text>
              <View className="points-row">
                <Text className="points-plus">{`${i.pricePoints} 积分`}</Text>
                <Text className="points-row__sub">{i.stock > 0 ? `剩余 ${i.stock}` : '已兑完'}</Text>
              </View>
              <BigButton disabled={i.stock <= 0 || balance < i.pricePoints} loading={busy === i.id} onClick={() => void buy(i.id, i.name, i.pricePoints)}>
                {i.stock <= 0 ? '已兑完' : balance < i.pricePoints ? '积分不足' : '兑换'}
              </BigButton>
            </Card>
          ))}
        </View>
      )}
    </Loadable>
  );
}
