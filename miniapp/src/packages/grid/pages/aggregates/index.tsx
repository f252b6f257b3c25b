import { useState } from 'react';
import { usePageShow } from '../../../../hooks/usePageShow';
import { Text, View } from '@tarojs/components';
import { PERSON_TAG_LABELS, type GridAggregateRow, type GridAggregatesView, type PersonTag } from '@honglin/shared';
import { Card } from '../../../../components/Card';
import { EmptyState } from '../../../../components/EmptyState';
import { InfoRow } from '../../../../components/InfoRow';
import { PageShell } from '../../../../components/PageShell';
import { gridAggregates } from '../../../../services/grid';
import '../../grid.scss';

export default function AggregatesPage() {
  return <PageShell title="网格汇总" subtitle="各社区、各网格的户数、逾期走访和预警，只有数字，不含姓名">{() => <Aggregates />}</PageShell>;
}

/** Street staff see the whole street this way (they never open a household file); community staff their own. */
function Aggregates() {
  const [data, setData] = useState<GridAggregatesView | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePageShow(() => {
    setError(null);
    gridAggregates().then(setData, (e: Error) => setError(e.message));
  });
  if (error) return <EmptyState title="无法打开网格汇总" description={error} />;
  if (!data) return <EmptyState title="正在加载…" />;
  if (!data.communities.length) return <EmptyState title="您负责的范围里还没有建档的住户" testId="aggregates-empty" />;
  return (
    <View>
      {data.communities.map((c) => (
        <Card key={c.id} title={c.name} testId="aggregate-community">
          <Figures row={c} />
          {c.grids.map((g) => (
            <View key={g.id} className="aggregate-grid" data-testid="aggregate-grid">
              <Text className="grid-line">{g.name}</Text>
              <Figures row={g} />
            </View>
          ))}
        </Card>
      ))}
      <Text className="grid-line">截至 {data.today}。低保、残疾、特困人数不足5人时显示为“少于5人”，以免认出具体的人。</Text>
    </View>
  );
}

function Figures({ row }: { row: GridAggregateRow }) {
  const w = row.openWarnings;
  const tags = Object.entries(row.tags).map(([t, n]) => `${PERSON_TAG_LABELS[t as PersonTag] ?? t} ${n === '<5' ? '少于5人' : `${n}人`}`);
  return (
    <View>
      <InfoRow label="住户 / 人口" value={`${row.households}户 / ${row.residents}人`} />
      <InfoRow label="走访逾期" value={`${row.overdue}户`} />
      <InfoRow label="未解除预警" value={`红${w.red} · 橙${w.orange} · 黄${w.yellow}`} />
      {tags.length ? <InfoRow label="重点人群" value={tags.join('，')} /> : null}
    </View>
  );
}
