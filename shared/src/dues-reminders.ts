import { billingMonthOf, monthDueAt, shiftMonth } from './dues-rates.js';
import { afterQuietHours } from './reminders.js';
import { CHINA_OFFSET_MINUTES } from './time.js';

/**
 * When unpaid members are reminded automatically. domain.md gives no cadence for dues reminders, only
 * that dues are paid monthly (due by the end of the Beijing month, see `monthDueAt`), so:
 *  - `due`: on the 20th of the bill's month at 10:00 Beijing time, about ten days before it is due,
 *    until the month ends (a bill generated later in the month is reminded on the next pass);
 *  - `overdue`: on the 1st of the following month at 10:00, when the bill has just become overdue,
 *    for 7 days only, so a backlog of old arrears (or a server that was down) never floods members.
 * Each kind at most once per bill; never delivered in quiet hours (22:00–07:00).
 */
export const DUES_REMINDER_KINDS = ['due', 'overdue'] as const;
export type DuesReminderKind = (typeof DUES_REMINDER_KINDS)[number];

export const DUES_REMIND_DAY = 20;
export const DUES_REMIND_HOUR = 10;
export const DUES_OVERDUE_REMIND_DAYS = 7;

const HOUR = 3_600_000;
const OFFSET = CHINA_OFFSET_MINUTES * 60_000;

export interface DuesReminderWindow {
  kind: DuesReminderKind;
  /** The billing month whose unpaid bills this reminder is for. */
  month: string;
  from: Date;
  until: Date;
}

/** The two reminder windows of a billing month "YYYY-MM". */
export function duesReminderWindows(month: string): DuesReminderWindow[] {
  const [y, m] = month.split('-').map(Number);
  const dueFrom = new Date(Date.UTC(y, m - 1, DUES_REMIND_DAY, DUES_REMIND_HOUR) - OFFSET);
  const overdueFrom = new Date(monthDueAt(month).getTime() + DUES_REMIND_HOUR * HOUR);
  return [
    { kind: 'due', month, from: dueFrom, until: monthDueAt(month) },
    { kind: 'overdue', month, from: overdueFrom, until: new Date(overdueFrom.getTime() + DUES_OVERDUE_REMIND_DAYS * 24 * HOUR) },
  ];
}

/**
 * The reminders whose time has come at `now`, with the instant to deliver them: now, or the end of
 * quiet hours. A window whose delivery would fall after it closes is left out (a `due` reminder
 * the night before the month ends would only arrive once the bill is overdue).
 */
export function dueDuesReminders(now: Date): (DuesReminderWindow & { at: Date })[] {
  const month = billingMonthOf(now);
  const at = afterQuietHours(now);
  return [...duesReminderWindows(shiftMonth(month, -1)), ...duesReminderWindows(month)]
    .filter((w) => w.from <= now && at < w.until)
    .map((w) => ({ ...w, at }));
}
