import { describe, expect, it } from '@jest/globals';
import { onChinaDate } from './dates';

describe('moving a campaign date in Beijing time', () => {
  it('keeps the Beijing time of day and gives back the same instant for the same date', () => {
    // 2026-12-01 07:30 Beijing = 2026-11-30 23:30 UTC.
    const iso = '2026-11-30T23:30:00.000Z';
    expect(onChinaDate(iso, '2026-12-01')).toBe(iso);
    expect(onChinaDate(iso, '2026-12-31')).toBe('2026-12-30T23:30:00.000Z');
    expect(onChinaDate('2026-12-01T10:00:00.000Z', ' 2027-01-02 ')).toBe('2027-01-02T10:00:00.000Z');
  });
  it('refuses what is not a real date', () => {
    expect(onChinaDate('2026-12-01T10:00:00.000Z', '2026-02-30')).toBeNull();
    expect(onChinaDate('2026-12-01T10:00:00.000Z', '12/31')).toBeNull();
    expect(onChinaDate('2026-12-01T10:00:00.000Z', '')).toBeNull();
  });
});
