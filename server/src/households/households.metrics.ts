import type { AssignableTag } from '@honglin/shared';
import type { MetricDefinition } from '../common/metric.js';
import { tagChangeDays, taggedPeople, visitChangeDays, visitCoverage, visitsMade, warningChangeDays, warnings } from './households-metrics.repository.js';

/** Tags shown on the dashboard; the four the issue names sensitive are suppressed below 5. */
const TAGS: { tag: AssignableTag; title: string; sensitive: boolean }[] = [
  { tag: 'elder_alone', title: '独居老人', sensitive: true },
  { tag: 'dibao', title: '低保', sensitive: true },
  { tag: 'tekun', title: '特困', sensitive: true },
  { tag: 'disabled', title: '残疾', sensitive: true },
  { tag: 'migrant', title: '流动人口', sensitive: false },
  { tag: 'veteran', title: '退役军人', sensitive: false },
];

const tagMetric = ({ tag, title, sensitive }: (typeof TAGS)[number]): MetricDefinition => ({
  key: `people.tag.${tag}`,
  theme: 'people',
  title: `${title}人数`,
  definition: `期末当天住在本辖区在册户中、带“${title}”标签的人数；不足5人的格子显示为“<5”。`,
  unit: '人',
  kind: 'snapshot',
  sensitive,
  tree: 'area',
  settleDays: 1,
  source: { recompute: (em, days) => taggedPeople(em, tag, days), changedDays: tagChangeDays },
});

/** 一户一档 and 走访关爱 figures (issue #16 data). */
export const HOUSEHOLD_METRICS: MetricDefinition[] = [
  ...TAGS.map(tagMetric),
  {
    key: 'care.coverage',
    theme: 'care',
    title: '走访覆盖率',
    definition: '期末当天在册户中，在其走访周期内（按现行周期）至少被走访过一次的户所占比例。',
    unit: '%',
    kind: 'snapshot',
    ratio: true,
    sensitive: false,
    tree: 'area',
    settleDays: 1,
    source: { recompute: visitCoverage, changedDays: visitChangeDays },
  },
  {
    key: 'care.overdue',
    theme: 'care',
    title: '逾期未走访户数',
    definition: '期末当天在册户中，超过其走访周期仍未被走访的户数。',
    unit: '户',
    kind: 'snapshot',
    sensitive: false,
    tree: 'area',
    settleDays: 1,
    source: {
      recompute: async (em, days) => (await visitCoverage(em, days)).map((c) => ({ ...c, num: c.den - c.num, den: 0 })),
      changedDays: visitChangeDays,
    },
  },
  {
    key: 'care.visits',
    theme: 'care',
    title: '走访次数',
    definition: '期间内网格员登记的走访次数（更正过的走访只算一次）。',
    unit: '次',
    kind: 'flow',
    sensitive: false,
    tree: 'area',
    settleDays: 0,
    source: { recompute: visitsMade, changedDays: visitChangeDays },
  },
  {
    key: 'care.warnings.raised',
    theme: 'care',
    title: '风险预警数',
    definition: '期间内系统发出的风险预警条数（按发出日期）。',
    unit: '条',
    kind: 'flow',
    sensitive: false,
    tree: 'area',
    settleDays: 7,
    source: { recompute: (em, days) => warnings(em, 'raised', days), changedDays: warningChangeDays },
  },
  {
    key: 'care.warnings.ackInTime',
    theme: 'care',
    title: '预警及时确认率',
    definition: '期间内发出的风险预警中，在确认时限前被网格员确认的比例。',
    unit: '%',
    kind: 'flow',
    ratio: true,
    sensitive: false,
    tree: 'area',
    settleDays: 7,
    source: { recompute: (em, days) => warnings(em, 'ackInTime', days), changedDays: warningChangeDays },
  },
  {
    key: 'care.warnings.escalated',
    theme: 'care',
    title: '升级预警数',
    definition: '期间内发出的风险预警中，因超时未确认而升级到社区或街道的条数。',
    unit: '条',
    kind: 'flow',
    sensitive: false,
    tree: 'area',
    settleDays: 7,
    source: { recompute: (em, days) => warnings(em, 'escalated', days), changedDays: warningChangeDays },
  },
];
