import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { OrderView } from '@honglin/shared';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { getOrder } from '../../../../services/dues';

/** WeChat's notification may come a moment after the payer returns: poll the order for a while. */
export default function ResultPage() {
  return <PageShell>{() => <Result />}</PageShell>;
}

function Result() {
  const { orderId = '' } = useRouter().params;
  const [order, setOrder] = useState<OrderView | null>(null);
  const [gaveUp, setGaveUp] = useState(false);
  useEffect(() => {
    let alive = true;
    let tries = 0;
    const poll = async () => {
      const o = await getOrder(orderId).catch(() => null);
      if (!alive) return;
      if (o) setOrder(o);
      if (o?.status === 'paid') return void Taro.redirectTo({ url: `/packages/dues/pages/receipt/index?orderId=${orderId}` });
      if (++tries > 30) return setGaveUp(true);
      setTimeout(() => void poll(), 1000);
    };
    void poll();
    return () => {
      alive = false;
    };
  }, [orderId]);
  if (gaveUp || order?.status === 'closed') {
    return <EmptyState title="暂未确认到支付结果" description="如已付款，结果稍后会自动更新，可在“我的—党费”中查看。" testId="pay-pending" />;
  }
  return (
    <View>
      <EmptyState title="正在确认支付结果…" testId="pay-confirming" />
    </View>
  );
}
