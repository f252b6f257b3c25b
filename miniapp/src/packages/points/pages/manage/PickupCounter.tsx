import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { formatChinaDateTime, REDEMPTION_STATUS_LABELS, type PickupView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { InfoRow } from '../../../../components/InfoRow';
import { confirmPickup, lookupPickup } from '../../../../services/points';

/**
 * 核销: the member reads out or shows the 8-character code; the organiser looks it up, sees who
 * redeemed what, and only then confirms the hand-over, so a mistyped code never marks the wrong one.
 */
export function PickupCounter({ onPickedUp }: { onPickedUp: () => void }) {
  const [code, setCode] = useState('');
  const [found, setFound] = useState<PickupView | null>(null);
  const [busy, setBusy] = useState(false);
  const [handed, setHanded] = useState<string | null>(null);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch {
      // the request wrapper showed the reason (提货码无效 / 已领取)
    } finally {
      setBusy(false);
    }
  };
  const look = () => run(async () => setFound(await lookupPickup(code.trim().toUpperCase())));
  const hand = () =>
    run(async () => {
      const done = await confirmPickup(found!.pickupCode ?? code);
      setHanded(done.id);
      setFound(done);
      onPickedUp();
    });
  return (
    <Card title="核销提货码">
      <Input
        className="form-input pickup-input"
        value={code}
        maxlength={8}
        placeholder="输入居民出示的8位提货码"
        onInput={(e) => {
          setCode(e.detail.value.toUpperCase());
          setFound(null);
        }}
        data-testid="pickup-code-input"
      />
      <BigButton variant="secondary" loading={busy && !found} disabled={code.trim().length !== 8} onClick={() => void look()} testId="pickup-lookup">
        查询
      </BigButton>
      {found ? (
        <View data-testid="pickup-found">
          <InfoRow label="兑换人" value={found.memberName} />
          <InfoRow label="商品" value={`${found.item.name}（${found.pricePoints} 积分）`} />
          <InfoRow label="兑换时间" value={formatChinaDateTime(found.createdAt)} />
          <InfoRow label="状态" value={REDEMPTION_STATUS_LABELS[found.status]} />
          {found.status === 'pending' ? (
            <BigButton loading={busy} onClick={() => void hand()} testId="pickup-confirm">
              确认发放
            </BigButton>
          ) : (
            // In the page in both modes, beside the hand-over it confirms.
            <Text className={handed === found.id ? 'notice' : 'muted'} data-testid="pickup-done">
              {handed === found.id ? '已核销，请发放物品' : found.pickedUpAt ? `已于 ${formatChinaDateTime(found.pickedUpAt)} 领取` : '该兑换已取消，积分已退回'}
            </Text>
          )}
        </View>
      ) : null}
    </Card>
  );
}
