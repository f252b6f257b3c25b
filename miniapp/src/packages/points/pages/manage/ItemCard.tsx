import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { OrgMallItemView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { restockMallItem, updateMallItem } from '../../../../services/points';

/** One listed item: stock and codes still to collect, with restock, reprice and off/on the shelf. */
export function ItemCard({ item, onChanged }: { item: OrgMallItemView; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [add, setAdd] = useState('');
  const [price, setPrice] = useState(String(item.pricePoints));
  const [busy, setBusy] = useState(false);
  const act = async (work: Promise<unknown>) => {
    setBusy(true);
    try {
      await work;
      setAdd('');
      onChanged();
    } catch {
      // the request wrapper showed the reason
    } finally {
      setBusy(false);
    }
  };
  const addCount = Number(add);
  const newPrice = Number(price);
  return (
    <Card title={`${item.name}${item.active ? '' : '（已下架）'}`} testId="org-mall-item">
      <Text className="muted">{`${item.node.name} · ${item.pricePoints} 积分`}</Text>
      <View className="points-row">
        <Text>{`库存 ${item.stock}`}</Text>
        <Text className="points-row__sub">{`待领取 ${item.pendingPickups} · 已领取 ${item.pickedUp}`}</Text>
      </View>
      {editing ? (
        <View>
          <View className="form-row">
            <Text className="form-row__label">补充库存</Text>
            <Input className="form-input" type="number" value={add} placeholder="补充数量" onInput={(e) => setAdd(e.detail.value)} data-testid="item-restock-count" />
          </View>
          <BigButton variant="secondary" loading={busy} disabled={!Number.isInteger(addCount) || addCount < 1} onClick={() => void act(restockMallItem(item.id, addCount))} testId="item-restock">
            补货
          </BigButton>
          <View className="form-row">
            <Text className="form-row__label">所需积分（已兑换的不受影响）</Text>
            <Input className="form-input" type="number" value={price} onInput={(e) => setPrice(e.detail.value)} />
          </View>
          <BigButton variant="secondary" loading={busy} disabled={!Number.isInteger(newPrice) || newPrice < 1 || newPrice === item.pricePoints} onClick={() => void act(updateMallItem(item.id, { pricePoints: newPrice }))}>
            修改积分
          </BigButton>
          <BigButton variant={item.active ? 'danger' : 'primary'} loading={busy} onClick={() => void act(updateMallItem(item.id, { active: !item.active }))} testId="item-toggle">
            {item.active ? '下架' : '重新上架'}
          </BigButton>
        </View>
      ) : (
        <BigButton variant="secondary" onClick={() => setEditing(true)} testId="item-edit">
          补货 / 修改
        </BigButton>
      )}
    </Card>
  );
}
