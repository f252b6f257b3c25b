import { describe, expect, it } from '@jest/globals';
import { elderOfferReason, type ElderOfferInput } from './elder-offer';

const base: ElderOfferInput = { elderMode: false, birthYear: 1980, fontInfo: null, answered: false, now: new Date('2026-06-01T00:00:00Z') };

describe('elder mode offer on first launch', () => {
  it('offers it to residents who reach 60 this year or are older, by birth year', () => {
    expect(elderOfferReason({ ...base, birthYear: 1954 })).toBe('age');
    expect(elderOfferReason({ ...base, birthYear: 1966 })).toBe('age');
    expect(elderOfferReason({ ...base, birthYear: 1967 })).toBeNull();
  });

  it('offers it when WeChat reports large fonts or 关怀模式, whatever the age', () => {
    expect(elderOfferReason({ ...base, fontInfo: { fontSizeScaleFactor: 1.4 } })).toBe('font');
    expect(elderOfferReason({ ...base, birthYear: null, fontInfo: { fontSizeSetting: 23.8 } })).toBe('font');
    expect(elderOfferReason({ ...base, birthYear: null })).toBeNull();
  });

  it('does not ask residents who already use it or already answered', () => {
    expect(elderOfferReason({ ...base, birthYear: 1950, elderMode: true })).toBeNull();
    expect(elderOfferReason({ ...base, birthYear: 1950, answered: true })).toBeNull();
  });

  it('counts the year in Beijing time, so New Year comes at midnight in China', () => {
    expect(elderOfferReason({ ...base, birthYear: 1967, now: new Date('2026-12-31T16:30:00Z') })).toBe('age');
  });
});
