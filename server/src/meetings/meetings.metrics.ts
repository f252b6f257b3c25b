import type { MetricDefinition } from '../common/metric.js';
import { meetingChangeDays, meetingsHeld } from './meetings-metrics.repository.js';

/** 三会一课 figures per branch (Party tree). */
export const MEETING_METRICS: MetricDefinition[] = [
  {
    key: 'party.meetings.held',
    theme: 'party',
    title: '三会一课召开次数',
    definition: '期间内已召开并结束（已归档）的支部党员大会、支委会、党小组会和党课次数，按开始日期计。',
    unit: '次',
    kind: 'flow',
    sensitive: false,
    tree: 'party',
    settleDays: 0,
    source: { recompute: (em, days) => meetingsHeld(em, 'held', days), changedDays: meetingChangeDays },
  },
  {
    key: 'party.meetings.attendance',
    theme: 'party',
    title: '会议出席率',
    definition: '期间内已召开的会议中，应到党员里实到（含迟到）的比例。',
    unit: '%',
    kind: 'flow',
    ratio: true,
    sensitive: false,
    tree: 'party',
    settleDays: 0,
    source: { recompute: (em, days) => meetingsHeld(em, 'attendance', days), changedDays: meetingChangeDays },
  },
];
