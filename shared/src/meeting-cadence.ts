import { toChinaParts, CHINA_OFFSET_MINUTES } from './time.js';

/** Meeting types of 三会一课 and related Party organisational life. Stored by key; add types here. */
export const MEETING_TYPES = ['branch_general', 'branch_committee', 'group', 'lecture', 'theme_day', 'org_life', 'democratic_review'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const MEETING_TYPE_LABELS: Record<MeetingType, string> = {
  branch_general: '支部党员大会',
  branch_committee: '支委会',
  group: '党小组会',
  lecture: '党课',
  theme_day: '主题党日',
  org_life: '组织生活会',
  democratic_review: '民主评议',
};

export type CadencePeriod = 'month' | 'quarter' | 'year';
export const PERIOD_LABELS: Record<CadencePeriod, string> = { month: '每月', quarter: '每季度', year: '每年' };

/**
 * Minimum cadence per 《中国共产党支部工作条例》 (see docs: domain.md). `perGroup`: each Party group
 * of the branch holds its own. Places with stricter rules change this table.
 */
export const MEETING_CADENCE: { type: MeetingType; period: CadencePeriod; perGroup?: boolean }[] = [
  { type: 'branch_committee', period: 'month' },
  { type: 'group', period: 'month', perGroup: true },
  { type: 'theme_day', period: 'month' },
  { type: 'branch_general', period: 'quarter' },
  { type: 'lecture', period: 'quarter' },
  { type: 'org_life', period: 'year' },
  { type: 'democratic_review', period: 'year' },
];

/** A period in Beijing time as UTC instants: [start, end). */
export interface PeriodRange {
  start: Date;
  end: Date;
  label: string;
}

const chinaMidnight = (year: number, monthIndex: number) => new Date(Date.UTC(year, monthIndex, 1) - CHINA_OFFSET_MINUTES * 60_000);

/** The period containing `at` (offset 0) or `offset` periods before/after it, bounded in Asia/Shanghai. */
export function periodRange(period: CadencePeriod, at: Date, offset = 0): PeriodRange {
  const { year, month } = toChinaParts(at);
  const len = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
  const firstMonth = period === 'month' ? month - 1 : period === 'quarter' ? Math.floor((month - 1) / 3) * 3 : 0;
  const startIndex = year * 12 + firstMonth + offset * len;
  const sy = Math.floor(startIndex / 12);
  const sm = startIndex % 12;
  const label =
    period === 'month' ? `${sy}年${sm + 1}月` : period === 'quarter' ? `${sy}年第${Math.floor(sm / 3) + 1}季度` : `${sy}年`;
  return { start: chinaMidnight(sy, sm), end: chinaMidnight(Math.floor((startIndex + len) / 12), (startIndex + len) % 12), label };
}

export type CadenceStatus = 'done' | 'due' | 'overdue';

export interface CadenceItem {
  type: MeetingType;
  period: CadencePeriod;
  /** The Party group this item is for, when the rule is per group. */
  groupId: string | null;
  current: { label: string; held: number; status: 'done' | 'due'; dueBy: string };
  previous: { label: string; held: number; status: 'done' | 'overdue' };
  status: CadenceStatus;
}

/** A meeting that counts towards the cadence: held (not cancelled) and already started. */
export interface HeldMeeting {
  type: string;
  startsAt: Date;
  groupId: string | null;
}

/**
 * Which required meetings a branch has held this period and last period. Overdue means the last
 * complete period passed without one; due means the current period has none yet.
 */
export function cadenceReport(held: HeldMeeting[], groupIds: string[], now: Date): CadenceItem[] {
  const items: CadenceItem[] = [];
  for (const rule of MEETING_CADENCE) {
    const cur = periodRange(rule.period, now);
    const prev = periodRange(rule.period, now, -1);
    for (const groupId of rule.perGroup ? groupIds : [null]) {
      const count = (r: PeriodRange) =>
        held.filter((m) => m.type === rule.type && (groupId === null || m.groupId === groupId) && m.startsAt >= r.start && m.startsAt < r.end && m.startsAt <= now).length;
      const heldNow = count(cur);
      const heldBefore = count(prev);
      const current = { label: cur.label, held: heldNow, status: heldNow > 0 ? ('done' as const) : ('due' as const), dueBy: new Date(cur.end.getTime() - 1).toISOString() };
      const previous = { label: prev.label, held: heldBefore, status: heldBefore > 0 ? ('done' as const) : ('overdue' as const) };
      items.push({ type: rule.type, period: rule.period, groupId, current, previous, status: previous.status === 'overdue' ? 'overdue' : current.status });
    }
  }
  return items;
}
