import { addWorkingDays, chinaDay, dueSoonAt, isWorkingDay } from './working-days.js';

describe('working-day deadlines', () => {
  it('knows 国庆 2025 and its 调休 Saturday', () => {
    expect(isWorkingDay('2025-10-01')).toBe(false);
    expect(isWorkingDay('2025-10-08')).toBe(false);
    expect(isWorkingDay('2025-10-11')).toBe(true);
    expect(isWorkingDay('2025-09-28')).toBe(true);
    expect(isWorkingDay('2025-10-12')).toBe(false);
  });

  it('counts 3 working days from 30 September over the holiday to the end of the 调休 Saturday 11 October', () => {
    const due = addWorkingDays(new Date('2025-09-30T02:00:00Z'), 3);
    expect(chinaDay(new Date(due.getTime() - 1))).toBe('2025-10-11');
    expect(due.toISOString()).toBe('2025-10-11T16:00:00.000Z');
  });

  it('counts one working day from a Friday evening in Beijing as the end of Monday', () => {
    // Friday 2025-10-17 23:30 Beijing is still Friday there (15:30 UTC).
    expect(addWorkingDays(new Date('2025-10-17T15:30:00Z'), 1).toISOString()).toBe('2025-10-20T16:00:00.000Z');
  });

  it('treats a filing on Saturday 1 a.m. Beijing (Friday in UTC) as a weekend filing', () => {
    expect(addWorkingDays(new Date('2025-10-17T17:00:00Z'), 1).toISOString()).toBe('2025-10-20T16:00:00.000Z');
  });

  it('reminds a quarter of the way before a short deadline and a day before a long one', () => {
    const start = new Date('2025-10-20T00:00:00Z');
    expect(dueSoonAt(start, new Date(start.getTime() + 2 * 3_600_000)).toISOString()).toBe('2025-10-20T01:30:00.000Z');
    expect(dueSoonAt(start, new Date('2025-10-25T00:00:00Z')).toISOString()).toBe('2025-10-24T00:00:00.000Z');
  });
});
