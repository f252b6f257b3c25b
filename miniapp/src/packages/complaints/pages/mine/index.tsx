import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { COMPLAINT_CATEGORY_LABELS, type ComplaintView } from '@honglin/shared';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { ROUTES } from '../../../../routes';
import { myComplaints } from '../../../../services/complaints';
import { ComplaintFacts, ComplaintTags } from '../../lib/ComplaintSummary';
import '../../complaints.scss';
import { usePageShow } from '../../../../hooks/usePageShow';

export default function MyComplaintsPage() {
  return <PageShell>{() => <Mine />}</PageShell>;
}

/** 我的投诉: each with its status and deadline; tap for the answer and what can be done. */
function Mine() {
  const [items, setItems] = useState<ComplaintView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => myComplaints().then((p) => setItems(p.items), (e: Error) => setError(e.message));
  usePageShow(() => void load());
  if (error) return <EmptyState title="加载失败" description={error} action={{ text: '重试', onTap: () => void load() }} />;
  if (!items) return <EmptyState title="正在加载…" />;
  if (!items.length) {
    return <EmptyState title="您还没有投诉" action={{ text: '我要投诉', onTap: () => void Taro.redirectTo({ url: ROUTES.complaintFile }) }} testId="complaints-empty" />;
  }
  return (
    <View>
      {items.map((c) => (
        <View key={c.id} className="card" onClick={() => void Taro.navigateTo({ url: `${ROUTES.complaintDetail}?id=${c.id}` })} data-testid={`complaint-${c.id}`}>
          <Text className="card__title">{COMPLAINT_CATEGORY_LABELS[c.category]}</Text>
          <ComplaintTags c={c} />
          <ComplaintFacts c={c} full={false} />
          <Text className="muted">点此查看详情</Text>
        </View>
      ))}
    </View>
  );
}
