import { bucketOf, eachDay, suppressOne, suppressSiblings, SMALL_CELL_LABEL, type AnalyticsGrain, type CellValue, type MetricFigures } from '@honglin/shared';
import type { MetricDefinition } from '../common/metric.js';
import type { RollupRow } from './rollup.repository.js';

/**
 * Turns rollup rows into what a chart shows: totals, series and children as numbers or '<5'. Pure,
 * so the suppression and the period arithmetic are tested without a database.
 */

type Pair = { num: number; den: number };
const ZERO: Pair = { num: 0, den: 0 };

export function shown(m: MetricDefinition, p: Pair | undefined): number | null {
  const v = p ?? ZERO;
  if (m.ratio) return v.den > 0 ? Math.round((v.num * 1000) / v.den) / 10 : null;
  return Math.round(v.num * (m.scale ?? 1) * 10) / 10;
}

/** Flow metrics add up their days; snapshot metrics take their last day up to `last`. */
export function aggregate(m: MetricDefinition, rows: RollupRow[], from: string, to: string): Pair {
  const inRange = rows.filter((r) => r.day >= from && r.day <= to);
  if (m.kind === 'snapshot') {
    const lastDay = inRange.reduce((d, r) => (r.day > d ? r.day : d), '');
    return inRange.find((r) => r.day === lastDay) ?? ZERO;
  }
  return inRange.reduce((s, r) => ({ num: s.num + r.num, den: s.den + r.den }), ZERO);
}

const hide = (m: MetricDefinition, raw: Pair | undefined, v: number | null): CellValue | null => (m.sensitive && v !== null ? suppressOne(raw?.num ?? 0) === SMALL_CELL_LABEL ? SMALL_CELL_LABEL : v : v);

export interface FigureInput {
  metric: MetricDefinition;
  /** The node's rows over the previous range and the range. */
  rows: RollupRow[];
  from: string;
  to: string;
  previous: { from: string; to: string };
  grain: AnalyticsGrain;
  children: { nodeId: string; name: string; value: Pair | undefined }[];
}

export function figures({ metric: m, rows, from, to, previous, grain, children }: FigureInput): MetricFigures {
  const total = aggregate(m, rows, from, to);
  const before = aggregate(m, rows, previous.from, previous.to);
  const buckets = new Map<string, { from: string; to: string }>();
  for (const d of eachDay(from, to)) {
    const b = bucketOf(d, grain);
    const cur = buckets.get(b);
    buckets.set(b, cur ? { from: cur.from, to: d } : { from: d, to: d });
  }
  const series = [...buckets.entries()].map(([bucket, r]) => {
    const p = aggregate(m, rows, r.from, r.to);
    return { bucket, value: hide(m, p, shown(m, p)) };
  });
  // Siblings are suppressed together: with one hidden, the parent's total would give it away.
  const childRaw = children.map((c) => c.value ?? ZERO);
  const masked = m.sensitive ? suppressSiblings(childRaw.map((p) => p.num)) : null;
  const childShown = children.map((c, i): { nodeId: string; name: string; value: CellValue | null } => ({ nodeId: c.nodeId, name: c.name, value: masked && masked[i] === SMALL_CELL_LABEL ? SMALL_CELL_LABEL : shown(m, childRaw[i]) }));
  const ranked = childShown.filter((c): c is { nodeId: string; name: string; value: number } => typeof c.value === 'number').sort((a, b) => b.value - a.value);
  return {
    key: m.key,
    theme: m.theme,
    title: m.title,
    definition: m.definition,
    unit: m.ratio ? '%' : m.unit,
    ratio: !!m.ratio,
    sensitive: m.sensitive,
    lowerIsBetter: !!m.lowerIsBetter,
    value: hide(m, total, shown(m, total)),
    previous: hide(m, before, shown(m, before)),
    series,
    children: childShown,
    top: ranked.slice(0, 5),
    bottom: ranked.slice(-5).reverse(),
  };
}
