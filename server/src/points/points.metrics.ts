import type { MetricDefinition } from '../common/metric.js';
import { ledgerChangeDays, studyFromLedger } from './points-metrics.repository.js';

/** 学习强国-style study figures, read from the points ledger. */
export const POINTS_METRICS: MetricDefinition[] = [
  {
    key: 'party.study.reads',
    theme: 'party',
    title: '学习次数',
    definition: '期间内党员读完文章或看完视频并记入积分的次数，按所在支部计。',
    unit: '次',
    kind: 'flow',
    sensitive: false,
    tree: 'party',
    settleDays: 0,
    source: { recompute: (em, days) => studyFromLedger(em, 'reads', days), changedDays: ledgerChangeDays },
  },
  {
    key: 'party.study.points',
    theme: 'party',
    title: '学习积分',
    definition: '期间内党员因阅读、观看和答题获得的积分合计（撤销的积分已扣除），按所在支部计。',
    unit: '分',
    kind: 'flow',
    sensitive: false,
    tree: 'party',
    settleDays: 0,
    source: { recompute: (em, days) => studyFromLedger(em, 'points', days), changedDays: ledgerChangeDays },
  },
];
