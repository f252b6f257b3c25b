import type { MetricDefinition } from '../common/metric.js';
import { caseChangeDays, reportsFiled, resolvedOnTime } from './cases-metrics.repository.js';

/** Resident voice figures by place (area tree: community → grid → building). */
export const CASE_METRICS: MetricDefinition[] = [
  {
    key: 'voice.reports.filed',
    theme: 'voice',
    title: '居民反映件数',
    definition: '期间内居民提交的“我要反映”件数（含代办），按提交日期和反映地点计；合并到其他工单的重复反映不重复计算。',
    unit: '件',
    kind: 'flow',
    sensitive: false,
    tree: 'area',
    // A report merged into another later changes the day it was filed; its updatedAt shows it.
    settleDays: 0,
    source: { recompute: reportsFiled, changedDays: caseChangeDays },
  },
  {
    key: 'voice.resolvedOnTime',
    theme: 'voice',
    title: '按时办结率',
    definition: '期间内办结的居民反映和矛盾纠纷中，在办理时限（按工作日计）之前办结的比例，按办结日期计。',
    unit: '%',
    kind: 'flow',
    ratio: true,
    sensitive: false,
    tree: 'area',
    // A reopened case is 办结 again later: the 7-day reopen window is recounted on every refresh.
    settleDays: 7,
    source: { recompute: resolvedOnTime, changedDays: caseChangeDays },
  },
];
