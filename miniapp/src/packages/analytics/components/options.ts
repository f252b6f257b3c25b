import type { MetricFigures, ShownValue } from '@honglin/shared';
import type { EChartsOption } from './echarts';

/** '<5' draws as a gap (no bar): the table beside the chart says "<5". */
const plot = (v: ShownValue | null) => (typeof v === 'number' ? v : null);

export function trendOption(m: MetricFigures, dark = false): EChartsOption {
  const text = dark ? '#e6f0ff' : '#333';
  return {
    // The 大屏 redraws every minute: no animation there.
    animation: !dark,
    grid: { left: 44, right: 12, top: 16, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: m.series.map((s) => s.bucket.slice(5)), axisLabel: { color: text } },
    yAxis: { type: 'value', axisLabel: { color: text }, splitLine: { lineStyle: { color: dark ? '#24406b' : '#eee' } } },
    series: [
      m.unit === '%' || m.series.length > 40
        ? { type: 'line', data: m.series.map((s) => plot(s.value)), smooth: true, showSymbol: m.series.length < 40, itemStyle: { color: dark ? '#ffd166' : '#c8102e' }, areaStyle: dark ? { opacity: 0.15 } : undefined }
        : { type: 'bar', data: m.series.map((s) => plot(s.value)), itemStyle: { color: dark ? '#4cc9f0' : '#c8102e' } },
    ],
  };
}

/** One bar per child node; tapping a bar drills into that node. */
export function childrenOption(m: MetricFigures, dark = false): EChartsOption {
  const text = dark ? '#e6f0ff' : '#333';
  return {
    animation: !dark,
    grid: { left: 44, right: 12, top: 16, bottom: 48 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: m.children.map((c) => c.name), axisLabel: { color: text, interval: 0, rotate: m.children.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value', axisLabel: { color: text }, splitLine: { lineStyle: { color: dark ? '#24406b' : '#eee' } } },
    series: [{ type: 'bar', data: m.children.map((c) => plot(c.value)), itemStyle: { color: dark ? '#06d6a0' : '#e07a5f' }, cursor: 'pointer' }],
  };
}

export function formatValue(v: ShownValue | null, unit: string): string {
  if (v === null) return '—';
  if (v === '<5') return '<5';
  return unit === '%' ? `${v}%` : `${v}`;
}

/** ↑ / ↓ against the previous period of the same length, with what changed. */
export function trend(m: MetricFigures): { arrow: '↑' | '↓' | '→' | ''; text: string } {
  if (typeof m.value !== 'number' || typeof m.previous !== 'number') return { arrow: '', text: '上期不可比' };
  const d = Math.round((m.value - m.previous) * 10) / 10;
  if (d === 0) return { arrow: '→', text: '与上期持平' };
  return { arrow: d > 0 ? '↑' : '↓', text: `较上期${d > 0 ? '增加' : '减少'}${Math.abs(d)}${m.unit === '%' ? '个百分点' : m.unit}` };
}
