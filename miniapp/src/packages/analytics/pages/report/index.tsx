import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { ANALYTICS_THEME_TITLES, ANALYTICS_THEMES, addDays, beijingDay, type DashboardView } from '@honglin/shared';
import { BigButton } from '../../../../components/BigButton';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { dashboard } from '../../../../services/analytics';
import { DataTable } from '../../components/DataTable';
import { EChart } from '../../components/EChart';
import { formatValue, trend, trendOption } from '../../components/options';
import '../../analytics.scss';

/** The first and last day of a month ('YYYY-MM'), the last clipped to today. */
function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  const next = addDays(`${month}-28`, 4).slice(0, 7);
  const last = addDays(`${next}-01`, -1);
  const today = beijingDay(new Date());
  return { from, to: last < today ? last : today };
}

/** 月度报告: a community's (or branch's) month on A4, the figures and charts an organiser pastes into a report. */
export default function ReportPage() {
  return <PageShell title="月度报告">{() => <Report nodeId={Taro.getCurrentInstance().router?.params.nodeId} />}</PageShell>;
}

function Report({ nodeId }: { nodeId?: string }) {
  const [month, setMonth] = useState(beijingDay(new Date()).slice(0, 7));
  const view = useRemote(() => dashboard({ nodeId, ...monthRange(month), grain: 'week' }));
  return (
    <View className="report">
      <View className="report__controls no-print">
        <Picker mode="date" fields="month" value={month} onChange={(e) => { setMonth(String(e.detail.value).slice(0, 7)); setTimeout(view.reload, 0); }}>
          <Text className="range-chip" data-testid="report-month">{`月份：${month}`}</Text>
        </Picker>
        {process.env.TARO_ENV === 'h5' ? <BigButton variant="secondary" onClick={() => window.print()} testId="report-print">打印 / 存为PDF</BigButton> : null}
      </View>
      <Loadable remote={view}>{(v) => <Sheet v={v} month={month} />}</Loadable>
    </View>
  );
}

function Sheet({ v, month }: { v: DashboardView; month: string }) {
  return (
    <View className="report__sheet" data-testid="report">
      <Text className="report__title">{`${v.node.name} ${month.replace('-', '年')}月 工作数据报告`}</Text>
      <Text className="metric-definition">{`统计期间 ${v.from} 至 ${v.to}；与上期（${v.previous.from} 至 ${v.previous.to}）相比。涉及低保、特困、残疾、独居老人的人数不足5人时显示为“<5”。`}</Text>
      {ANALYTICS_THEMES.map((t) => {
        const ms = v.metrics.filter((m) => m.theme === t);
        if (!ms.length) return null;
        return (
          <View key={t} className="report__section">
            <Text className="theme__title">{ANALYTICS_THEME_TITLES[t]}</Text>
            {ms.map((m) => (
              <View key={m.key} className="report__metric">
                <Text className="report__figure">{`${m.title}：${formatValue(m.value, m.unit)}${m.unit === '%' || m.value === null ? '' : m.unit}（${trend(m).arrow} ${trend(m).text}）`}</Text>
                <Text className="metric-definition">{`口径：${m.definition}`}</Text>
                {m.series.some((s) => typeof s.value === 'number' && s.value > 0) ? <EChart option={trendOption(m)} height={160} label={`${m.title}按周`} /> : null}
                {m.children.length ? <DataTable m={{ ...m, series: [] }} /> : null}
              </View>
            ))}
          </View>
        );
      })}
    </View>
  );
}
