import type { MetricDefinition } from '../common/metric.js';
import { hoursChangeDays, mobilisationChangeDays, mobilisationResponse, volunteerHours } from './volunteering-metrics.repository.js';

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
  {
    key: 'volunteering.mobilisationResponse',
    theme: 'volunteering',
    title: '一键动员响应率',
    definition: '期间内发出的一键动员中，被通知到的人里作出答复（报名、婉拒或已满）的比例，按发出日期计。',
    unit: '%',
    kind: 'flow',
    ratio: true,
    sensitive: false,
    tree: 'area',
    settleDays: 0,
    source: { recompute: mobilisationResponse, changedDays: mobilisationChangeDays },
  },
];
