/** Times are stored in UTC and shown in Asia/Shanghai (UTC+8, no daylight saving). */
export const CHINA_OFFSET_MINUTES = 8 * 60;

export function toChinaParts(date: Date): { year: number; month: number; day: number; hour: number; minute: number; weekday: number } {
  const d = new Date(date.getTime() + CHINA_OFFSET_MINUTES * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-29 09:30" in Beijing time. */
export function formatChinaDateTime(value: Date | string): string {
  const p = toChinaParts(typeof value === 'string' ? new Date(value) : value);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "2026-11-29" in Beijing time. */
export function formatChinaDate(value: Date | string): string {
  const p = toChinaParts(typeof value === 'string' ? new Date(value) : value);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "09:30", or "09:30:05" with seconds, in Beijing time whatever zone the device is set to. */
export function formatChinaTime(value: Date | string | number, withSeconds = false): string {
  const date = value instanceof Date ? value : new Date(value);
  const p = toChinaParts(date);
  // The offset is whole minutes, so seconds are the same in every zone.
  return `${pad(p.hour)}:${pad(p.minute)}${withSeconds ? `:${pad(date.getUTCSeconds())}` : ''}`;
}

/** Age in whole years as of `now`, from a birth year alone (the only birth datum we keep). */
export function ageFromBirthYear(birthYear: number | null | undefined, now: Date): number | null {
  if (!birthYear) return null;
  return toChinaParts(now).year - birthYear;
}
