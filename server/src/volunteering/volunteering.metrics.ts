import type { MetricDefinition } from '../common/metric.js';
import { hoursChangeDays, volunteerHours } from './volunteering-metrics.repository.js';

export const VOLUNTEERING_METRICS: MetricDefinition[] = [
  {
    key: 'volunteering.hours',
    theme: 'volunteering',
    title: '志愿服务时长',
    definition: '期间内审核通过的志愿服务时长（小时，按签到日期计，半小时为单位）。',
    unit: '小时',
    kind: 'flow',
    scale: 0.5,
    sensitive: false,
    tree: 'area',
    settleDays: 0,
    source: { recompute: (em, days) => volunteerHours(em, 'halfHours', days), changedDays: hoursChangeDays },
  },
  {
    key: 'volunteering.services',
    theme: 'volunteering',
    title: '志愿服务人次',
    definition: '期间内审核通过的志愿服务记录条数（一人一班次算一人次）。',
    unit: '人次',
    kind: 'flow',
    sensitive: false,
    tree: 'area',
    settleDays: 0,
    source: { recompute: (em, days) => volunteerHours(em, 'records', days), changedDays: hoursChangeDays },
  },
];
