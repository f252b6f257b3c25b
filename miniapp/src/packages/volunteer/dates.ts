import { formatChinaDate } from '@honglin/shared';

const DAY = 86_400_000;
const CHINA = 8 * 3_600_000;

/** The same Beijing time of day as `iso`, on another Beijing date ("2026-12-31"); null when the date is not one. */
export function onChinaDate(iso: string, date: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!m) return null;
  const t = Date.parse(iso);
  const moved = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - CHINA + ((t + CHINA) % DAY));
  return formatChinaDate(moved) === date.trim() ? moved.toISOString() : null;
}
