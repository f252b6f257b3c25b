import chineseDays from 'chinese-days';

/**
 * Deadlines on the Chinese working-day calendar (public holidays and the weekend days worked instead,
 * 调休, as the State Council publishes them), read from the maintained chinese-days package rather than
 * a table of our own. Days are Beijing days.
 */
const SHANGHAI_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' of the Beijing day `at` falls on. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(day: string): boolean {
  return chineseDays.isWorkday(day);
}

/** The instant a Beijing day ends (its next midnight), in UTC. */
function endOfChinaDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS - SHANGHAI_MS);
}

/**
 * The end of the `n`-th working day after the day of `from`: filed on Tuesday with n = 1, due at the end
 * of Wednesday; filed on a holiday, the first working day after it counts as the first.
 */
export function addWorkingDays(from: Date, n: number): Date {
  let day = chinaDay(from);
  let left = n;
  // A year holds at most ~250 working days; the cap only guards against a calendar that never works.
  for (let i = 0; left > 0 && i < 400; i++) {
    day = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    if (isWorkingDay(day)) left--;
  }
  return endOfChinaDay(day);
}

/** When to send the due-soon reminder for a clock running from `start` to `due`: a quarter before, at most a day before. */
export function dueSoonAt(start: Date, due: Date): Date {
  const lead = Math.min(DAY_MS, (due.getTime() - start.getTime()) / 4);
  return new Date(due.getTime() - lead);
}
