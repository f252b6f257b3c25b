import { Text, View } from '@tarojs/components';
import type { MetricFigures } from '@honglin/shared';
import { tapRole } from '../../../components/a11y';
import { formatValue } from './options';

/** ARIA table roles: real ones in h5 (screen readers, axe); weapp reads its own `aria-role`. */
const role = (r: string) => (process.env.TARO_ENV === 'weapp' ? { 'aria-role': r } : { role: r });

/**
 * "查看数据表": the chart's numbers as a table, the way a screen reader or an elder at large font
 * reads them. Children's names drill down like the bars do.
 */
export function DataTable({ m, onDrill }: { m: MetricFigures; onDrill?: (nodeId: string, name: string) => void }) {
  return (
    <View className="data-table" data-testid={`table-${m.key}`}>
      {m.series.length ? (
      <View {...role('table')} aria-label={`${m.title}趋势`} className="data-table__grid">
        <View {...role('row')} className="data-table__row data-table__row--head">
          <Text {...role('columnheader')} className="data-table__cell">时间</Text>
          <Text {...role('columnheader')} className="data-table__cell">{`${m.title}（${m.unit}）`}</Text>
        </View>
        {m.series.map((s) => (
          <View {...role('row')} key={s.bucket} className="data-table__row">
            <Text {...role('cell')} className="data-table__cell">{s.bucket}</Text>
            <Text {...role('cell')} className="data-table__cell">{formatValue(s.value, m.unit)}</Text>
          </View>
        ))}
      </View>
      ) : null}
      {m.children.length ? (
        <View {...role('table')} aria-label={`${m.title}按下级`} className="data-table__grid">
          <View {...role('row')} className="data-table__row data-table__row--head">
            <Text {...role('columnheader')} className="data-table__cell">下级组织</Text>
            <Text {...role('columnheader')} className="data-table__cell">{`${m.title}（${m.unit}）`}</Text>
          </View>
          {m.children.map((c) => (
            <View {...role('row')} key={c.nodeId} className="data-table__row">
              <View {...role('cell')} className="data-table__cell">
                {onDrill ? (
                  <Text {...tapRole('link', { label: `查看${c.name}` })} className="data-table__link" data-testid={`drill-${c.name}`} onClick={() => onDrill(c.nodeId, c.name)}>
                    {c.name}
                  </Text>
                ) : (
                  <Text>{c.name}</Text>
                )}
              </View>
              <Text {...role('cell')} className="data-table__cell">{formatValue(c.value, m.unit)}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
