import { afterQuietHours, dayBeforeAt, inQuietHours, offerExpiry, planReminders } from './reminders.js';

// Beijing = UTC+8: 09:00 Beijing is 01:00Z.
const bj = (iso: string) => new Date(`${iso}+08:00`);

describe('reminder cadence and quiet hours', () => {
  it('knows quiet hours are 22:00–07:00 Beijing time', () => {
    expect(inQuietHours(bj('2026-12-01T22:00:00'))).toBe(true);
    expect(inQuietHours(bj('2026-12-01T06:59:00'))).toBe(true);
    expect(inQuietHours(bj('2026-12-01T07:00:00'))).toBe(false);
  });
  it('moves a late-evening message to 07:00 next morning and an early one to 07:00 the same day', () => {
    expect(afterQuietHours(bj('2026-12-01T23:30:00'))).toEqual(bj('2026-12-02T07:00:00'));
    expect(afterQuietHours(bj('2026-12-02T03:00:00'))).toEqual(bj('2026-12-02T07:00:00'));
    expect(afterQuietHours(bj('2026-12-02T12:00:00'))).toEqual(bj('2026-12-02T12:00:00'));
  });
  it('uses the Beijing calendar for "the day before at 11:00"', () => {
    expect(dayBeforeAt(bj('2026-12-03T01:00:00'), 11)).toEqual(bj('2026-12-02T11:00:00'));
  });
  it('plans day-before, hour-before and rating reminders and drops the ones already past', () => {
    const plan = planReminders(bj('2026-12-03T09:00:00'), bj('2026-12-03T11:00:00'), bj('2026-12-01T10:00:00'));
    expect(plan).toEqual([
      { kind: 'day_before', at: bj('2026-12-02T11:00:00') },
      { kind: 'hour_before', at: bj('2026-12-03T08:00:00') },
      { kind: 'rate', at: bj('2026-12-03T12:00:00') },
    ]);
    const late = planReminders(bj('2026-12-03T09:00:00'), bj('2026-12-03T21:30:00'), bj('2026-12-02T12:00:00'));
    expect(late.map((r) => r.kind)).toEqual(['hour_before', 'rate']);
    expect(late[1].at).toEqual(bj('2026-12-04T07:00:00'));
  });
  it('drops an hour-before reminder that would wake people at night', () => {
    expect(planReminders(bj('2026-12-03T06:30:00'), bj('2026-12-03T08:00:00'), bj('2026-12-01T10:00:00')).map((r) => r.kind)).toEqual(['day_before', 'rate']);
  });
  it('gives 12 hours to accept an offer, less when the slot starts soon', () => {
    const now = bj('2026-12-01T08:00:00');
    expect(offerExpiry(now, bj('2026-12-05T08:00:00'))).toEqual(bj('2026-12-01T20:00:00'));
    expect(offerExpiry(now, bj('2026-12-01T12:00:00'))).toEqual(bj('2026-12-01T11:00:00'));
    expect(offerExpiry(now, bj('2026-12-01T08:30:00'))).toEqual(bj('2026-12-01T08:15:00'));
  });
});
