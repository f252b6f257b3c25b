import { seasonOfMonth, seasonThemes } from './season-themes.js';

/** A Beijing noon of the given month in 2026. */
const at = (month: number, day = 15) => new Date(Date.UTC(2026, month - 1, day, 4));

describe('season themes for the demo data', () => {
  it('has no 重阳节 outside October, and a December that looks like December', () => {
    expect(seasonThemes(at(10)).festival.title).toContain('重阳');
    for (const month of [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12]) expect(seasonThemes(at(month)).festival.title).not.toContain('重阳');
    const december = seasonThemes(at(12, 7));
    expect(december.season).toBe('winter');
    expect(december.campaign.title).toBe('冬季助老服务月');
    expect(december.trip.title).not.toContain('春游');
  });

  it('reads the month in Beijing: 31 December 17:00 UTC is already January there', () => {
    expect(seasonThemes(new Date('2026-12-31T17:00:00Z')).festival.title).toBe('迎新春写春联');
    expect(seasonThemes(new Date('2026-12-31T15:00:00Z')).festival.title).toBe('迎新年邻里联欢会');
  });

  it('gives every month a festival and every season its own outing and drive', () => {
    const seasons = new Set<string>();
    const trips = new Set<string>();
    for (let month = 1; month <= 12; month++) {
      const t = seasonThemes(at(month));
      expect(t.festival.title.length).toBeGreaterThan(0);
      expect(t.season).toBe(seasonOfMonth(month));
      seasons.add(t.campaign.title);
      trips.add(t.trip.title);
    }
    expect(seasons.size).toBe(4);
    expect(trips.size).toBe(4);
    expect(seasonOfMonth(2)).toBe('winter');
    expect(seasonOfMonth(3)).toBe('spring');
  });
});
