import { availableFor, impactByMeasure, MAX_CORRECTED_MINUTES, pointUnitsForHalfHours, roundVolunteerHours, shiftsOutsidePeriod, shiftsOverlap, starLevel, starProgress } from './volunteer-hours.js';

describe('volunteer hours rounding', () => {
  it('follows the one-hour rule at its edges: 15 min → 0, 45 min → 0.5, above 45 → 1', () => {
    expect(roundVolunteerHours(0)).toBe(0);
    expect(roundVolunteerHours(15)).toBe(0);
    expect(roundVolunteerHours(15.01)).toBe(0.5);
    expect(roundVolunteerHours(45)).toBe(0.5);
    expect(roundVolunteerHours(46)).toBe(1);
    expect(roundVolunteerHours(60)).toBe(1);
  });
  it('applies the same rule to what is left after whole hours on longer shifts', () => {
    expect(roundVolunteerHours(60 + 15)).toBe(1);
    expect(roundVolunteerHours(120 + 20)).toBe(2.5);
    expect(roundVolunteerHours(180 + 50)).toBe(4);
  });
  it('never gives hours for nonsense durations', () => {
    expect(roundVolunteerHours(-5)).toBe(0);
    expect(roundVolunteerHours(Number.NaN)).toBe(0);
  });
  it('takes a configured rule', () => expect(roundVolunteerHours(20, { zeroUpToMinutes: 10, halfUpToMinutes: 30 })).toBe(0.5));
});

describe('star levels', () => {
  it('awards a star at each threshold, not before', () => {
    expect(starLevel(99.5)).toBe(0);
    expect(starLevel(100)).toBe(1);
    expect(starLevel(299.5)).toBe(1);
    expect(starLevel(300)).toBe(2);
    expect(starLevel(600)).toBe(3);
    expect(starLevel(1000)).toBe(4);
    expect(starLevel(1500)).toBe(5);
    expect(starLevel(9999)).toBe(5);
  });
  it('says how far the next star is', () => {
    expect(starProgress(80.5)).toEqual({ stars: 0, nextAt: 100, remaining: 19.5 });
    expect(starProgress(1600)).toEqual({ stars: 5, nextAt: null, remaining: null });
  });
});

describe('helpers', () => {
  it('credits points per whole hour', () => expect([1, 2, 3, 5].map(pointUnitsForHalfHours)).toEqual([0, 1, 1, 2]));
  it('treats back-to-back shifts as not overlapping', () => {
    const at = (h: number) => new Date(Date.UTC(2026, 0, 1, h));
    expect(shiftsOverlap({ startsAt: at(8), endsAt: at(10) }, { startsAt: at(10), endsAt: at(12) })).toBe(false);
    expect(shiftsOverlap({ startsAt: at(8), endsAt: at(10) }, { startsAt: at(9), endsAt: at(12) })).toBe(true);
  });
});

describe('availability', () => {
  // 2026-01-05 is a Monday; 01:00Z is 09:00 in Beijing.
  const mon = (h: number) => new Date(Date.UTC(2026, 0, 5, h - 8));
  it('covers a call inside a declared range on that weekday only', () => {
    const ranges = [{ weekday: 1, from: '08:00', to: '12:00' }];
    expect(availableFor(ranges, mon(9), mon(11))).toBe(true);
    expect(availableFor(ranges, mon(11), mon(13))).toBe(false);
    expect(availableFor([{ weekday: 2, from: '08:00', to: '12:00' }], mon(9), mon(11))).toBe(false);
  });
});

describe('campaign edits', () => {
  const at = (h: number) => new Date(Date.UTC(2025, 0, 1, h));
  it('names the shifts an edited period would leave outside, and none when it still contains them', () => {
    const shifts = [{ id: 'a', startsAt: at(9), endsAt: at(11) }, { id: 'b', startsAt: at(14), endsAt: at(16) }];
    expect(shiftsOutsidePeriod({ startsAt: at(9), endsAt: at(16) }, shifts)).toEqual([]);
    expect(shiftsOutsidePeriod({ startsAt: at(10), endsAt: at(16) }, shifts).map((s) => s.id)).toEqual(['a']);
    expect(shiftsOutsidePeriod({ startsAt: at(0), endsAt: at(15) }, shifts).map((s) => s.id)).toEqual(['b']);
  });
  it('caps a corrected entry at the 24 hours an auto check-out may run', () => expect(MAX_CORRECTED_MINUTES).toBe(1440));
  it('keeps the latest number per measure, the declared one first with its target', () => {
    const r = (measure: string, achieved: number, h: number) => ({ measure, achieved, recordedAt: at(h) });
    const impact = impactByMeasure({ measure: '上门走访户数', target: 120 }, [r('发放物资份数', 30, 1), r('上门走访户数', 40, 2), r('上门走访户数', 35, 3)]);
    expect(impact.map((i) => [i.measure, i.target, i.latest?.achieved])).toEqual([['上门走访户数', 120, 35], ['发放物资份数', null, 30]]);
    expect(impactByMeasure({ measure: '上门走访户数', target: 120 }, [])).toEqual([{ measure: '上门走访户数', target: 120, latest: null }]);
    expect(impactByMeasure({ measure: null, target: null }, [])).toEqual([]);
  });
});
