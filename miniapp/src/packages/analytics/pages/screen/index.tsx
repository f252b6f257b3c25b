import { useEffect, useMemo } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { errorMessage, formatChinaDateTime, type DashboardView, type MetricFigures } from '@honglin/shared';
import { EmptyState } from '../../../../components/EmptyState';
import { PageShell } from '../../../../components/PageShell';
import { useRemote } from '../../../../hooks/useRemote';
import { kioskView } from '../../../../services/analytics';
import { EChart } from '../../components/EChart';
import { childrenOption, formatValue, trend, trendOption } from '../../components/options';
import '../../analytics.scss';

const REFRESH_MS = 60_000;

/** 大屏 (h5, 1920×1080, dark): one node at a glance, opened by a kiosk link's token, refreshed every minute. */
export default function ScreenPage() {
  const token = Taro.getCurrentInstance().router?.params.token;
  return <PageShell access="public">{token ? <Screen token={token} /> : <EmptyState title="链接不完整" description={errorMessage('LINK_INCOMPLETE')} testId="screen-no-token" />}</PageShell>;
}

function Screen({ token }: { token: string }) {
  const view = useRemote(() => kioskView(token));
  useEffect(() => {
    const timer = setInterval(view.reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  if (view.error) return <EmptyState title="大屏无法打开" description={view.error} testId="screen-error" />;
  if (!view.data) return <EmptyState title="正在加载…" testId="loading" />;
  return <Board v={view.data} />;
}

function Board({ v }: { v: DashboardView }) {
  const cards = v.metrics.slice(0, 6);
  const charts = v.metrics.filter((m) => m.series.some((s) => typeof s.value === 'number' && s.value > 0)).slice(0, 4);
  const bars = v.metrics.filter((m) => m.children.length && !m.sensitive).slice(0, 2);
  return (
    <View className="screen" data-testid="screen">
      <View className="screen__head">
        <Text className="screen__title" data-testid="screen-title">{v.node.name}</Text>
        <Text className="screen__meta">{`${v.from} 至 ${v.to} · 每分钟自动刷新${v.refreshedAt ? ` · 数据更新于 ${formatChinaDateTime(v.refreshedAt)}` : ''}`}</Text>
      </View>
      <View className="screen__cards">
        {cards.map((m) => <ScreenCard key={m.key} m={m} />)}
      </View>
      <View className="screen__charts">
        {[...charts.map((m) => ({ m, kind: 'trend' as const })), ...bars.map((m) => ({ m, kind: 'bars' as const }))].map(({ m, kind }) => (
          <ScreenChart key={`${kind}-${m.key}`} m={m} kind={kind} />
        ))}
      </View>
    </View>
  );
}

function ScreenCard({ m }: { m: MetricFigures }) {
  const t = trend(m);
  return (
    <View className="screen-card" data-testid={`screen-card-${m.key}`}>
      <Text className="screen-card__title">{m.title}</Text>
      <Text className="screen-card__value">{`${formatValue(m.value, m.unit)}${m.unit === '%' || m.value === null ? '' : m.unit}`}</Text>
      <Text className="screen-card__trend">{`${t.arrow} ${t.text}`}</Text>
    </View>
  );
}

function ScreenChart({ m, kind }: { m: MetricFigures; kind: 'trend' | 'bars' }) {
  const option = useMemo(() => (kind === 'trend' ? trendOption(m, true) : childrenOption(m, true)), [m, kind]);
  return (
    <View className="screen-chart">
      <Text className="screen-chart__title">{kind === 'trend' ? `${m.title}（近30天）` : `${m.title}（按下级）`}</Text>
      <EChart option={option} height={330} renderer="svg" label={`${m.title}图`} testId={`screen-chart-${kind}-${m.key}`} />
      <Text className="screen-chart__definition">{m.definition}</Text>
    </View>
  );
}
