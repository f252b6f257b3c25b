import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ANALYTICS_THEME_TITLES, ANALYTICS_THEMES, formatChinaDateTime, type DashboardView, type MetricFigures } from '@honglin/shared';
import { tapRole } from '../../../../components/a11y';
import { BigButton } from '../../../../components/BigButton';
import { Card } from '../../../../components/Card';
import { Loadable } from '../../../../components/Loadable';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { dashboard, exportTable } from '../../../../services/analytics';
import { KioskLinks } from '../../components/KioskLinks';
import { MetricPanel } from '../../components/MetricPanel';
import { formatValue, trend } from '../../components/options';
import { presetRange, RangeBar, type Range } from '../../components/RangeBar';
import '../../analytics.scss';

/** 数据看板: the caller's node (or ?nodeId=), figures from the rollups, drill down by bar or by table. */
export default function DashboardPage() {
  return <PageShell title="数据看板">{() => <Dashboard start={Taro.getCurrentInstance().router?.params.nodeId} />}</PageShell>;
}

type Crumb = { id?: string; name: string };

function Dashboard({ start }: { start?: string }) {
  const [trail, setTrail] = useState<Crumb[]>([{ id: start, name: '' }]);
  const [range, setRange] = useState<Range>(() => presetRange(30, 'day'));
  const node = trail[trail.length - 1];
  const view = useRemote(() => dashboard({ nodeId: node.id, ...range }));
  const reloadSoon = () => setTimeout(view.reload, 0);
  const drill = (id: string, name: string) => {
    setTrail([...trail, { id, name }]);
    reloadSoon();
  };
  const up = (i: number) => () => {
    setTrail(trail.slice(0, i + 1));
    reloadSoon();
  };
  return (
    <View className="analytics">
      <View className="crumbs" data-testid="crumbs">
        {trail.map((c, i) => (
          <Text key={`${c.id}-${i}`} {...tapRole('link')} className="crumb" onClick={up(i)}>
            {(i === trail.length - 1 ? view.data?.node.name : c.name) || c.name || '本级'}
          </Text>
        ))}
      </View>
      <RangeBar
        range={range}
        onChange={(r) => {
          setRange(r);
          reloadSoon();
        }}
      />
      <Loadable remote={view}>{(v) => <Figures v={v} range={range} onDrill={drill} />}</Loadable>
    </View>
  );
}

function Figures({ v, range, onDrill }: { v: DashboardView; range: Range; onDrill: (id: string, name: string) => void }) {
  const q = { nodeId: v.node.id, ...range };
  const byTheme = ANALYTICS_THEMES.map((t) => ({ theme: t, metrics: v.metrics.filter((m) => m.theme === t) })).filter((g) => g.metrics.length);
  return (
    <View data-testid="dashboard" data-node={v.node.name}>
      <Text className="metric-definition" data-testid="dashboard-node">
        {`${v.node.name} · ${v.from} 至 ${v.to}${v.refreshedAt ? ` · 数据更新于 ${formatChinaDateTime(v.refreshedAt)}` : ' · 数据正在生成'}`}
      </Text>
      <View className="overview" data-testid="overview">
        {v.metrics.map((m) => <Overview key={m.key} m={m} />)}
      </View>
      {byTheme.map((g) => (
        <View key={g.theme} className="theme">
          <Text className="theme__title">{ANALYTICS_THEME_TITLES[g.theme]}</Text>
          {g.metrics.map((m) => (
            <MetricPanel key={`${v.node.id}-${m.key}`} m={m} onDrill={onDrill} onExport={() => void exportTable(q, m.key)} />
          ))}
        </View>
      ))}
      <Card title="月度报告">
        <BigButton variant="secondary" onClick={() => void Taro.navigateTo({ url: `/packages/analytics/pages/report/index?nodeId=${v.node.id}` })} testId="open-report">
          打开本月报告（可打印）
        </BigButton>
      </Card>
      <KioskLinks nodeId={v.node.id} nodeName={v.node.name} />
    </View>
  );
}

function Overview({ m }: { m: MetricFigures }) {
  const t = trend(m);
  const good = t.arrow === '↑' ? !m.lowerIsBetter : t.arrow === '↓' ? m.lowerIsBetter : null;
  return (
    <View className="overview-card" data-testid={`card-${m.key}`}>
      <Text className="overview-card__title">{m.title}</Text>
      <Text className="overview-card__value">{`${formatValue(m.value, m.unit)}${m.unit === '%' || m.value === null ? '' : m.unit}`}</Text>
      <Text className={`overview-card__trend overview-card__trend--${good === null ? 'flat' : good ? 'good' : 'bad'}`}>{`${t.arrow} ${t.text}`}</Text>
    </View>
  );
}
