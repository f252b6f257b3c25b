import { ageFromBirthYear, formatChinaDate, formatChinaDateTime, formatChinaTime, toChinaParts } from './time.js';

describe('Beijing time', () => {
  it('shows a UTC evening as the next morning in Asia/Shanghai', () => {
    expect(formatChinaDateTime(new Date('2026-11-28T17:30:00Z'))).toBe('2026-11-29 01:30');
    expect(formatChinaDate('2026-12-31T16:00:00Z')).toBe('2027-01-01');
  });

  it('reports the weekday in Beijing, not UTC', () => {
    expect(toChinaParts(new Date('2026-11-29T16:00:00Z')).weekday).toBe(1); // Monday 00:00 in Beijing
  });

  it('computes age from the birth year alone', () => {
    expect(ageFromBirthYear(1954, new Date('2026-11-29T00:00:00Z'))).toBe(72);
    expect(ageFromBirthYear(null, new Date())).toBeNull();
  });

  it('shows a time of day in Beijing, with or without seconds', () => {
    expect(formatChinaTime('2026-12-07T13:37:31Z')).toBe('21:37');
    expect(formatChinaTime(Date.parse('2026-12-07T13:37:31Z'), true)).toBe('21:37:31');
    expect(formatChinaTime(new Date('2026-12-07T17:05:09Z'), true)).toBe('01:05:09');
  });
});
