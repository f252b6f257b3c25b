import { useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { MetricFigures } from '@honglin/shared';
import { tapRole } from '../../../components/a11y';
import { Card } from '../../../components/Card';
import { DataTable } from './DataTable';
import { EChart } from './EChart';
import { childrenOption, formatValue, trendOption } from './options';

interface Props {
  m: MetricFigures;
  onDrill: (nodeId: string, name: string) => void;
  onExport: () => void;
}

/** One metric: its trend, its children (tap a bar to drill down), the definition, the table and its export. */
export function MetricPanel({ m, onDrill, onExport }: Props) {
  const [table, setTable] = useState(false);
  const trend = useMemo(() => trendOption(m), [m]);
  const kids = useMemo(() => childrenOption(m), [m]);
  const top = m.top.map((c) => `${c.name} ${formatValue(c.value, m.unit)}`).join('、');
  return (
    <Card title={`${m.title}：${formatValue(m.value, m.unit)}${m.unit === '%' ? '' : m.unit}`} testId={`metric-${m.key}`}>
      <EChart option={trend} label={`${m.title}趋势图`} testId={`chart-${m.key}`} />
      {m.children.length ? (
        <EChart option={kids} label={`${m.title}按下级对比图`} onItemTap={(i) => onDrill(m.children[i].nodeId, m.children[i].name)} testId={`bars-${m.key}`} />
      ) : null}
      <Text className="metric-definition">{`口径：${m.definition}`}</Text>
      {top ? <Text className="metric-definition">{`前五：${top}`}</Text> : null}
      <View className="metric-actions">
        <Text {...tapRole('button')} className="metric-action" data-testid={`show-table-${m.key}`} onClick={() => setTable(!table)}>
          {table ? '收起数据表' : '查看数据表'}
        </Text>
        <Text {...tapRole('button')} className="metric-action" data-testid={`export-${m.key}`} onClick={onExport}>
          导出Excel
        </Text>
      </View>
      {table ? <DataTable m={m} onDrill={onDrill} /> : null}
    </Card>
  );
}
