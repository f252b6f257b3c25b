import { chinaDayStart, isoWeek, periodKey } from './periods.js';

describe('period keys', () => {
  it('starts a Beijing day at 16:00 UTC the evening before', () => {
    expect(periodKey('day', new Date('2026-11-28T15:59:59Z'))).toBe('d2026-11-28');
    expect(periodKey('day', new Date('2026-11-28T16:00:00Z'))).toBe('d2026-11-29');
    expect(chinaDayStart(new Date('2026-11-29T03:00:00Z')).toISOString()).toBe('2026-11-28T16:00:00.000Z');
  });

  it('numbers weeks the ISO way, Monday first, across the new year', () => {
    expect(isoWeek(2026, 11, 29)).toEqual({ year: 2026, week: 48 }); // a Sunday
    expect(isoWeek(2026, 11, 30)).toEqual({ year: 2026, week: 49 }); // Monday
    expect(isoWeek(2027, 1, 1)).toEqual({ year: 2026, week: 53 });
    expect(isoWeek(2025, 12, 29)).toEqual({ year: 2026, week: 1 });
    expect(periodKey('week', new Date('2026-11-29T16:30:00Z'))).toBe('w2026-49');
  });

  it('keys months, years and all time in Beijing time', () => {
    const newYearEve = new Date('2026-12-31T16:00:00Z'); // 00:00 on 1 January in Beijing
    expect(periodKey('month', newYearEve)).toBe('m2027-01');
    expect(periodKey('year', newYearEve)).toBe('y2027');
    expect(periodKey('all', newYearEve)).toBe('all');
  });
});
