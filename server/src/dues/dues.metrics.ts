import type { MetricDefinition } from '../common/metric.js';
import { duesChangeDays, duesPaid } from './dues-metrics.repository.js';

export const DUES_METRICS: MetricDefinition[] = [
  {
    key: 'party.dues.paidRate',
    theme: 'party',
    title: '党费按月交纳率',
    definition: '期间内各月已生成的党费账单中已交纳的比例（按账单所属月份计，记在该月1日）。',
    unit: '%',
    kind: 'flow',
    ratio: true,
    sensitive: false,
    tree: 'party',
    settleDays: 0,
    source: { recompute: duesPaid, changedDays: duesChangeDays },
  },
];
