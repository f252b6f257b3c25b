import { CHINA_OFFSET_MINUTES, toChinaParts } from './time.js';

/**
 * Period keys for caps and rankings. Boundaries are Beijing time (a Chinese "today" / "this week"),
 * weeks are ISO weeks (Monday first). Keys sort as strings within a kind.
 */
export type PeriodKind = 'day' | 'week' | 'month' | 'year' | 'all';
export const RANKING_PERIODS = ['week', 'month', 'year', 'all'] as const;
export type RankingPeriod = (typeof RANKING_PERIODS)[number];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO week-numbering year and week of a Beijing calendar date. */
export function isoWeek(year: number, month: number, day: number): { year: number; week: number } {
  const d = new Date(Date.UTC(year, month - 1, day));
  const dow = d.getUTCDay() || 7; // Monday 1 … Sunday 7
  d.setUTCDate(d.getUTCDate() + 4 - dow); // the Thursday of this week decides the year
  const y = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(y, 0, 1)) / 86_400_000 + 1) / 7);
  return { year: y, week };
}

export function periodKey(kind: PeriodKind, at: Date): string {
  if (kind === 'all') return 'all';
  const p = toChinaParts(at);
  if (kind === 'day') return `d${p.year}-${pad(p.month)}-${pad(p.day)}`;
  if (kind === 'month') return `m${p.year}-${pad(p.month)}`;
  if (kind === 'year') return `y${p.year}`;
  const w = isoWeek(p.year, p.month, p.day);
  return `w${w.year}-${pad(w.week)}`;
}

/** UTC instant at which the Beijing day containing `at` begins. */
export function chinaDayStart(at: Date): Date {
  const p = toChinaParts(at);
  return new Date(Date.UTC(p.year, p.month - 1, p.day) - CHINA_OFFSET_MINUTES * 60_000);
}
