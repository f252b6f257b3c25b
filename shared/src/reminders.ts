import { CHINA_OFFSET_MINUTES, toChinaParts } from './time.js';

const HOUR = 3_600_000;
const OFFSET = CHINA_OFFSET_MINUTES * 60_000;

/** Quiet hours in Beijing time: nothing that is not urgent is delivered between 22:00 and 07:00. */
export const QUIET_START_HOUR = 22;
export const QUIET_END_HOUR = 7;

export function inQuietHours(at: Date): boolean {
  const h = toChinaParts(at).hour;
  return h >= QUIET_START_HOUR || h < QUIET_END_HOUR;
}

/** The same instant, or the next 07:00 Beijing time when `at` falls in quiet hours. */
export function afterQuietHours(at: Date): Date {
  if (!inQuietHours(at)) return at;
  const local = new Date(at.getTime() + OFFSET);
  const morning = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), QUIET_END_HOUR) - OFFSET;
  return new Date(toChinaParts(at).hour >= QUIET_START_HOUR ? morning + 24 * HOUR : morning);
}

/** `hour`:00 Beijing time on the calendar day before `at` (Beijing calendar). */
export function dayBeforeAt(at: Date, hour: number): Date {
  const local = new Date(at.getTime() + OFFSET);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - 1, hour) - OFFSET);
}

export type ReminderKind = 'day_before' | 'hour_before' | 'rate';
export interface PlannedReminder {
  kind: ReminderKind;
  at: Date;
}

/**
 * Mobilize's cadence minus what no longer makes sense: the day before at 11:00 (confirm or cancel),
 * one hour before, one hour after the end (rate it). Reminders already past are dropped; a
 * one-hour reminder that would land in quiet hours is dropped (deferring it would send it after the
 * start); the rating request waits for the morning.
 */
export function planReminders(startsAt: Date, endsAt: Date, now: Date): PlannedReminder[] {
  const plan: PlannedReminder[] = [];
  const dayBefore = dayBeforeAt(startsAt, 11);
  if (dayBefore > now) plan.push({ kind: 'day_before', at: dayBefore });
  const hourBefore = new Date(startsAt.getTime() - HOUR);
  if (hourBefore > now && !inQuietHours(hourBefore)) plan.push({ kind: 'hour_before', at: hourBefore });
  plan.push({ kind: 'rate', at: afterQuietHours(new Date(Math.max(endsAt.getTime() + HOUR, now.getTime()))) });
  return plan;
}

/** How long a waitlisted person has to accept an offered place: 12 h, but never past 1 h before the start (and at least 15 min). */
export function offerExpiry(now: Date, startsAt: Date, defaultHours = 12): Date {
  const normal = now.getTime() + defaultHours * HOUR;
  const latest = startsAt.getTime() - HOUR;
  return new Date(Math.max(Math.min(normal, latest), now.getTime() + 15 * 60_000));
}
