import { Picker, Text, View } from '@tarojs/components';
import { addDays, beijingDay, type AnalyticsGrain } from '@honglin/shared';
import { tapRole } from '../../../components/a11y';

export interface Range {
  from: string;
  to: string;
  grain: AnalyticsGrain;
}

const PRESETS: { days: number; label: string; grain: AnalyticsGrain }[] = [
  { days: 7, label: '近7天', grain: 'day' },
  { days: 30, label: '近30天', grain: 'day' },
  { days: 90, label: '近90天', grain: 'week' },
  { days: 365, label: '近一年', grain: 'month' },
];
const GRAINS: { grain: AnalyticsGrain; label: string }[] = [
  { grain: 'day', label: '按日' },
  { grain: 'week', label: '按周' },
  { grain: 'month', label: '按月' },
];

export function presetRange(days: number, grain: AnalyticsGrain): Range {
  const to = beijingDay(new Date());
  return { from: addDays(to, -(days - 1)), to, grain };
}

/** The date-range picker: presets, both ends by calendar, and the grain of the series. */
export function RangeBar({ range, onChange }: { range: Range; onChange: (r: Range) => void }) {
  const chip = (active: boolean) => `range-chip${active ? ' range-chip--on' : ''}`;
  return (
    <View className="range-bar" data-testid="range-bar">
      <View className="range-row">
        {PRESETS.map((p) => {
          const r = presetRange(p.days, p.grain);
          const on = r.from === range.from && r.to === range.to;
          return (
            <Text key={p.days} {...tapRole('radio', { checked: on })} className={chip(on)} data-testid={`range-${p.days}`} onClick={() => onChange(r)}>
              {p.label}
            </Text>
          );
        })}
      </View>
      <View className="range-row">
        <Picker mode="date" value={range.from} end={range.to} onChange={(e) => onChange({ ...range, from: String(e.detail.value) })}>
          <Text {...tapRole('button')} className="range-chip" data-testid="range-from">{`开始日期 ${range.from}`}</Text>
        </Picker>
        <Picker mode="date" value={range.to} start={range.from} onChange={(e) => onChange({ ...range, to: String(e.detail.value) })}>
          <Text {...tapRole('button')} className="range-chip" data-testid="range-to">{`结束日期 ${range.to}`}</Text>
        </Picker>
      </View>
      <View className="range-row">
        {GRAINS.map((g) => (
          <Text key={g.grain} {...tapRole('radio', { checked: range.grain === g.grain })} className={chip(range.grain === g.grain)} data-testid={`grain-${g.grain}`} onClick={() => onChange({ ...range, grain: g.grain })}>
            {g.label}
          </Text>
        ))}
      </View>
    </View>
  );
}
