import { dueDuesReminders, duesReminderWindows } from './dues-reminders.js';

const bj = (iso: string) => new Date(`${iso}+08:00`);
const kinds = (now: Date) => dueDuesReminders(now).map((r) => `${r.kind}:${r.month}`);

describe('automatic dues reminder cadence', () => {
  it('plans the due reminder on the 20th at 10:00 and the overdue one on the 1st of the next month at 10:00 (Beijing)', () => {
    const [due, overdue] = duesReminderWindows('2026-12');
    expect(due).toMatchObject({ kind: 'due', from: bj('2026-12-20T10:00:00'), until: bj('2027-01-01T00:00:00') });
    expect(overdue).toMatchObject({ kind: 'overdue', from: bj('2027-01-01T10:00:00'), until: bj('2027-01-08T10:00:00') });
  });

  it('reminds nothing before the 20th and the current month from the 20th on', () => {
    expect(kinds(bj('2026-12-19T12:00:00'))).toEqual([]);
    expect(kinds(bj('2026-12-20T09:59:00'))).toEqual([]);
    expect(kinds(bj('2026-12-20T10:00:00'))).toEqual(['due:2026-12']);
    expect(kinds(bj('2026-12-28T15:00:00'))).toEqual(['due:2026-12']);
  });

  it('reminds last month\'s unpaid bills as overdue for a week after the 1st, then never again', () => {
    expect(kinds(bj('2027-01-01T09:00:00'))).toEqual([]);
    expect(kinds(bj('2027-01-01T10:00:00'))).toEqual(['overdue:2026-12']);
    expect(kinds(bj('2027-01-08T09:00:00'))).toEqual(['overdue:2026-12']);
    expect(kinds(bj('2027-01-08T10:00:00'))).toEqual([]);
  });

  it('delivers in Beijing daytime: a pass at night waits for 07:00, and a due reminder that would arrive after the month ended is dropped', () => {
    expect(dueDuesReminders(bj('2026-12-22T23:30:00'))[0].at).toEqual(bj('2026-12-23T07:00:00'));
    expect(dueDuesReminders(bj('2026-12-22T12:00:00'))[0].at).toEqual(bj('2026-12-22T12:00:00'));
    expect(kinds(bj('2026-12-31T23:00:00'))).toEqual([]);
  });
});
