/**
 * Pure rules of the dashboards, shared by the server (which applies them) and the mini-program
 * (which labels what it gets): Beijing day keys, day/week/month buckets, the previous period, and
 * small-cell suppression of counts of people with a sensitive tag.
 */
import { addDays, daysBetween } from './care-cadence.js';

export const ANALYTICS_GRAINS = ['day', 'week', 'month'] as const;
export type AnalyticsGrain = (typeof ANALYTICS_GRAINS)[number];
export const ANALYTICS_THEMES = ['people', 'care', 'voice', 'party', 'volunteering'] as const;
export type AnalyticsTheme = (typeof ANALYTICS_THEMES)[number];
export const ANALYTICS_THEME_TITLES: Record<AnalyticsTheme, string> = { people: '人口与户', care: '走访关爱', voice: '居民诉求', party: '党建', volunteering: '志愿与活动' };
/** Longest range a dashboard may ask for (3 years, leap day included). */
export const ANALYTICS_MAX_DAYS = 3 * 366;
/** Counts of people with a sensitive tag below this are never shown as a number. */
export const SMALL_CELL_THRESHOLD = 5;
export const SMALL_CELL_LABEL = '<5';

const CHINA_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar day of an instant, 'YYYY-MM-DD'. */
export function beijingDay(at: Date): string {
  return new Date(at.getTime() + CHINA_MS).toISOString().slice(0, 10);
}

/** The UTC instant at which a Beijing day starts. */
export function beijingDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - CHINA_MS);
}

/** Days from `from` to `to`, both included (0 when reversed). */
export function daysInRange(from: string, to: string): number {
  return Math.max(0, daysBetween(from, to) + 1);
}

export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The bucket a day falls in: the day itself, the Monday of its week, or 'YYYY-MM'. */
export function bucketOf(day: string, grain: AnalyticsGrain): string {
  if (grain === 'day') return day;
  if (grain === 'month') return day.slice(0, 7);
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The range of the same length just before `from`…`to`: what the trend arrows compare with. */
export function previousRange(from: string, to: string): { from: string; to: string } {
  const n = daysInRange(from, to);
  return { from: addDays(from, -n), to: addDays(from, -1) };
}

/** A shown figure: a number, or '<5' where a small count of sensitive people would be revealed. */
export type CellValue = number | typeof SMALL_CELL_LABEL;

/**
 * Primary and complementary suppression of sibling cells that add up to a shown total: every count
 * from 1 to 4 is hidden; when exactly one cell is hidden the total would give it away, so the next
 * smallest non-zero sibling is hidden too. Zeros stay (an empty cell reveals nobody).
 */
export function suppressSiblings(values: number[]): CellValue[] {
  const out: CellValue[] = values.map((v) => (v > 0 && v < SMALL_CELL_THRESHOLD ? SMALL_CELL_LABEL : v));
  const hidden = out.filter((v) => v === SMALL_CELL_LABEL).length;
  if (hidden === 1) {
    let pick = -1;
    values.forEach((v, i) => {
      if (out[i] !== SMALL_CELL_LABEL && v > 0 && (pick < 0 || v < values[pick])) pick = i;
    });
    if (pick >= 0) out[pick] = SMALL_CELL_LABEL;
  }
  return out;
}

/** One figure on its own (a card, a total): hidden when small. */
export function suppressOne(value: number): CellValue {
  return value > 0 && value < SMALL_CELL_THRESHOLD ? SMALL_CELL_LABEL : value;
}
