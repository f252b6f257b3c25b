import { bucketOf, previousRange, suppressOne, suppressSiblings, beijingDay, daysInRange } from './analytics.js';

describe('analytics rules', () => {
  it('keys days by Beijing time: 16:30 UTC is already the next day', () => {
    expect(beijingDay(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(beijingDay(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });

  it('buckets by ISO week (Monday) and by month', () => {
    expect(bucketOf('2026-12-06', 'week')).toBe('2026-11-30');
    expect(bucketOf('2026-12-07', 'week')).toBe('2026-12-07');
    expect(bucketOf('2026-12-07', 'month')).toBe('2026-12');
  });

  it('compares with the range of the same length just before', () => {
    expect(previousRange('2026-12-01', '2026-12-31')).toEqual({ from: '2026-10-31', to: '2026-11-30' });
    expect(daysInRange('2026-12-01', '2026-12-31')).toBe(31);
  });

  it('hides counts 1–4 and, when only one is hidden, the smallest other sibling too', () => {
    expect(suppressSiblings([12, 3, 8, 0])).toEqual([12, '<5', '<5', 0]);
    expect(suppressSiblings([12, 3, 4])).toEqual([12, '<5', '<5']);
    expect(suppressSiblings([12, 9, 0])).toEqual([12, 9, 0]);
    expect(suppressOne(4)).toBe('<5');
    expect(suppressOne(0)).toBe(0);
    expect(suppressOne(5)).toBe(5);
  });
});
