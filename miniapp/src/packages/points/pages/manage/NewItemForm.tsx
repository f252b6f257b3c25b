import { useState } from 'react';
import { Picker, Text, Textarea, View } from '@tarojs/components';
import type { OrgNodeView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { Field } from '../../../../components/Field';
import { useNotice } from '../../../../components/Notice';
import { createMallItem } from '../../../../services/points';
import { formErrorText } from '../../../../services/request';

const blank = { name: '', description: '', pricePoints: '', stock: '' };

/** 上架: an item of one of the organiser's organisations, seen by the members under it. */
export function NewItemForm({ nodes, onCreated }: { nodes: OrgNodeView[]; onCreated: () => void }) {
  const [nodeIndex, setNodeIndex] = useState(0);
  const [form, setForm] = useState(blank);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, say] = useNotice();
  const node = nodes[nodeIndex];
  const save = async () => {
    const pricePoints = Number(form.pricePoints);
    const stock = Number(form.stock);
    if (!form.name.trim()) return setError('请填写商品名称');
    if (!Number.isInteger(pricePoints) || pricePoints < 1) return setError('所需积分须为正整数');
    if (!Number.isInteger(stock) || stock < 0) return setError('库存须为0或正整数');
    setBusy(true);
    setError(null);
    try {
      await createMallItem({ nodeId: node.id, name: form.name.trim(), description: form.description.trim(), imageUrl: null, pricePoints, stock });
      setForm(blank);
      say('已上架');
      onCreated();
    } catch (failure) {
      setError(formErrorText(failure));
    } finally {
      setBusy(false);
    }
  };
  const field = (label: string, key: keyof typeof blank, type: 'text' | 'number' = 'text') => (
    <Field label={label} type={type} value={form[key]} onInput={(v) => setForm((f) => ({ ...f, [key]: v }))} testId={`item-${key}`} />
  );
  return (
    <Card title="上架新商品">
      <View className="form-row">
        <Text className="form-row__label">哪个组织的成员可以兑换</Text>
        <Picker mode="selector" range={nodes.map((n) => n.name)} value={nodeIndex} onChange={(e) => setNodeIndex(Number(e.detail.value))}>
          <View className="form-input" data-testid="item-node">{node?.name ?? '请选择'}</View>
        </Picker>
      </View>
      {field('商品名称', 'name')}
      {field('所需积分', 'pricePoints', 'number')}
      {field('库存数量', 'stock', 'number')}
      <View className="form-row">
        <Text className="form-row__label">说明（领取地点、规格等）</Text>
        <Textarea className="form-input" value={form.description} maxlength={500} onInput={(e) => setForm((f) => ({ ...f, description: e.detail.value }))} />
      </View>
      {error ? <Text className="form-error" data-testid="item-error">{error}</Text> : null}
      {notice}
      <BigButton loading={busy} disabled={!node} onClick={() => void save()} testId="item-create">
        上架
      </BigButton>
    </Card>
  );
}
