import { CHINA_OFFSET_MINUTES, formatChinaDate, toChinaParts } from './time.js';

/**
 * Care-visit cadence and due dates (走访周期). Pure so the server's lists, the warning rules and the
 * mini-program's labels agree on one calendar: days are Asia/Shanghai days, written 'YYYY-MM-DD'.
 */

/** Tags a person can carry. 高龄 and 党员 are derived (age, branch membership), never stored. */
export const PERSON_TAGS = ['elder_alone', 'empty_nest', 'advanced_age', 'disabled', 'dibao', 'tekun', 'veteran', 'migrant', 'left_behind_child', 'watch', 'party_member'] as const;
export type PersonTag = (typeof PERSON_TAGS)[number];
export const DERIVED_TAGS: readonly PersonTag[] = ['advanced_age', 'party_member'];
export const ASSIGNABLE_TAGS = PERSON_TAGS.filter((t) => !DERIVED_TAGS.includes(t)) as Exclude<PersonTag, 'advanced_age' | 'party_member'>[];
export type AssignableTag = (typeof ASSIGNABLE_TAGS)[number];
export const PERSON_TAG_LABELS: Record<PersonTag, string> = {
  elder_alone: '独居老人',
  empty_nest: '空巢老人',
  advanced_age: '高龄',
  disabled: '残疾',
  dibao: '低保',
  tekun: '特困',
  veteran: '退役军人',
  migrant: '流动人口',
  left_behind_child: '留守儿童',
  watch: '重点关注',
  party_member: '党员',
};
/** PIPL art. 28 specific identities: shown to the staff of the person's grid and community only, never in aggregates below 5. */
export const SENSITIVE_TAGS: readonly PersonTag[] = ['disabled', 'dibao', 'tekun'];
export const ADVANCED_AGE = 80;

/** Days between visits per tag; a household follows its members' strictest. Configurable per community. */
export type Cadence = Partial<Record<PersonTag, number>> & { default: number };
export const DEFAULT_CADENCE: Cadence = { elder_alone: 7, tekun: 7, advanced_age: 14, dibao: 30, disabled: 30, left_behind_child: 30, default: 365 };

const DAY_MS = 86_400_000;

/** The Asia/Shanghai day of an instant. */
export const chinaDay = (at: Date): string => formatChinaDate(at);

/** Whole days from day a to day b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC instant at which an Asia/Shanghai day begins. */
export function chinaMidnight(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_OFFSET_MINUTES * 60_000);
}

/** Monday of the Asia/Shanghai week holding `at`. */
export function chinaWeekStart(at: Date): string {
  const wd = toChinaParts(at).weekday; // 0 = Sunday
  return addDays(chinaDay(at), -((wd + 6) % 7));
}

/** Whole years on `today` from a birth date ('YYYY-MM-DD'), else from a birth year alone. */
export function ageOn(today: string, birthDate: string | null, birthYear: number | null): number | null {
  if (birthDate) {
    const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
    return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
  }
  return birthYear ? Number(today.slice(0, 4)) - birthYear : null;
}

/** The days between visits a set of tags asks for: the strictest of them, else the community's default. */
export function cadenceDays(tags: Iterable<PersonTag>, cadence: Cadence): number {
  let days = cadence.default;
  for (const t of tags) {
    const d = cadence[t];
    if (d !== undefined && d < days) days = d;
  }
  return days;
}

/** Next due day: the last visit's day plus the cadence; a never-visited household is due from when it was registered. */
export function nextDueDay(lastVisitDay: string | null, registeredDay: string, days: number): string {
  return lastVisitDay ? addDays(lastVisitDay, days) : registeredDay;
}

export type DueState = { state: 'overdue'; daysOverdue: number } | { state: 'due'; daysLeft: number } | { state: 'later'; daysLeft: number };
/** Shown in 今日走访 as due when it falls within this many days from today. */
export const DUE_AHEAD_DAYS = 3;

export function dueState(nextDue: string, today: string): DueState {
  const left = daysBetween(today, nextDue);
  if (left < 0) return { state: 'overdue', daysOverdue: -left };
  return left <= DUE_AHEAD_DAYS ? { state: 'due', daysLeft: left } : { state: 'later', daysLeft: left };
}
