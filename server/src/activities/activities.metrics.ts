import type { MetricDefinition } from '../common/metric.js';
import { activitySignups, signupChangeDays } from './activities-metrics.repository.js';

/** 邻里活动 figures (sign-ups through the one enrollment engine). */
export const ACTIVITY_METRICS: MetricDefinition[] = [
  {
    key: 'volunteering.activitySignups',
    theme: 'volunteering',
    title: '活动报名人数',
    definition: '期间内开始的社区活动中，报名成功且未取消的人数（按活动开始日期计，不含候补）。',
    unit: '人',
    kind: 'flow',
    sensitive: false,
    tree: 'area',
    settleDays: 0,
    source: { recompute: (em, days) => activitySignups(em, 'signups', days), changedDays: signupChangeDays },
  },
  {
    key: 'volunteering.activityAttendance',
    theme: 'volunteering',
    title: '活动到场率',
    definition: '期间内已点名的社区活动中，报名者实际签到到场的比例。',
    unit: '%',
    kind: 'flow',
    ratio: true,
    sensitive: false,
    tree: 'area',
    settleDays: 0,
    source: { recompute: (em, days) => activitySignups(em, 'attendance', days), changedDays: signupChangeDays },
  },
];
