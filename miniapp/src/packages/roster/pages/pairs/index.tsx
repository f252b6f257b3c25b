import { useState } from 'react';
import { usePageShow } from '../../../../hooks/usePageShow';
import { Text, View } from '@tarojs/components';
import type { PairSide, SamePersonPairView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { formErrorText } from '../../../../services/request';
import { decidePair, listPairs } from '../../../../services/roster';
import '../../roster.scss';

export default function PairsPage() {
  return <PageShell title="可能同一人" subtitle="没有身份证号的记录不会自动合并，请对照后判断">{() => <Pairs />}</PageShell>;
}

function Pairs() {
  const [items, setItems] = useState<SamePersonPairView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => listPairs().then(setItems, (e: Error) => setError(e.message));
  usePageShow(() => void load());
  if (error) return <EmptyState title="无法打开待判断名单" description={error} />;
  if (!items) return <EmptyState title="正在加载…" />;
  if (!items.length) return <EmptyState title="没有需要判断的记录" testId="pairs-empty" />;
  return (
    <View>
      {items.map((p) => (
        <PairCard key={p.id} p={p} onDone={load} />
      ))}
    </View>
  );
}

function Side({ title, s }: { title: string; s: PairSide }) {
  return (
    <View>
      <Text className="grid-line"><Text style={{ fontWeight: 'bold' }}>{title}（{s.source}）</Text></Text>
      <Text className="grid-line">姓名：{s.name}</Text>
      <Text className="grid-line">出生日期：{s.birthDate ?? '未登记'}</Text>
      <Text className="grid-line">电话：{s.phone ?? '未登记'}</Text>
      <Text className="grid-line">住址：{s.address ?? '未登记'}</Text>
    </View>
  );
}

/** Both records side by side, the evidence above them; the answer is remembered for every later import. */
function PairCard({ p, onDone }: { p: SamePersonPairView; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const decide = (d: 'same' | 'different') => decidePair(p.id, d).then(onDone, (e) => setError(formErrorText(e)));
  return (
    <Card title={`相同之处：${p.evidence.join('、')}`} testId="pair">
      <View className="roster-side">
        <Side title="名单中的记录" s={p.incoming} />
        <Side title="已有档案" s={p.existing} />
      </View>
      {error ? <Text className="grid-line grid-overdue">{error}</Text> : null}
      <View className="grid-choice">
        <BigButton onClick={() => decide('same')} testId="pair-same">是同一人</BigButton>
        <BigButton variant="secondary" onClick={() => decide('different')} testId="pair-different">不是同一人</BigButton>
      </View>
    </Card>
  );
}
