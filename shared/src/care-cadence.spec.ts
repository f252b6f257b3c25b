import { addDays, ageOn, cadenceDays, chinaDay, chinaMidnight, chinaWeekStart, DEFAULT_CADENCE, dueState, nextDueDay } from './care-cadence.js';

describe('care-visit cadence', () => {
  it('follows the strictest tag of the household and the default otherwise', () => {
    expect(cadenceDays([], DEFAULT_CADENCE)).toBe(365);
    expect(cadenceDays(['dibao', 'advanced_age'], DEFAULT_CADENCE)).toBe(14);
    expect(cadenceDays(['advanced_age', 'elder_alone'], DEFAULT_CADENCE)).toBe(7);
    expect(cadenceDays(['veteran'], { ...DEFAULT_CADENCE, veteran: 90 })).toBe(90);
  });

  it('is due a cadence after the last visit, or from registration when never visited', () => {
    expect(nextDueDay('2026-12-01', '2026-01-01', 7)).toBe('2026-12-08');
    expect(nextDueDay(null, '2026-11-20', 7)).toBe('2026-11-20');
  });

  it('counts days overdue and days left on Asia/Shanghai days', () => {
    expect(dueState('2026-12-05', '2026-12-07')).toEqual({ state: 'overdue', daysOverdue: 2 });
    expect(dueState('2026-12-07', '2026-12-07')).toEqual({ state: 'due', daysLeft: 0 });
    expect(dueState('2026-12-20', '2026-12-07')).toEqual({ state: 'later', daysLeft: 13 });
  });

  it('puts 23:30 UTC into the next Beijing day, and weeks start on Monday', () => {
    expect(chinaDay(new Date('2026-12-06T15:59:59Z'))).toBe('2026-12-06');
    expect(chinaDay(new Date('2026-12-06T16:00:00Z'))).toBe('2026-12-07');
    expect(chinaMidnight('2026-12-07').toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(chinaWeekStart(new Date('2026-12-06T15:00:00Z'))).toBe('2026-11-30'); // Sunday evening in Beijing
    expect(chinaWeekStart(new Date('2026-12-06T16:30:00Z'))).toBe('2026-12-07'); // Monday 00:30 in Beijing
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('derives age from the birth date, turning 80 on the birthday', () => {
    expect(ageOn('2026-12-06', '1946-12-07', null)).toBe(79);
    expect(ageOn('2026-12-07', '1946-12-07', null)).toBe(80);
    expect(ageOn('2026-12-07', null, 1950)).toBe(76);
  });
});
