import { billingMonthOf, duesRateBp, formatYuan, monthDueAt, monthlyDuesFen, shiftMonth } from './dues-rates.js';

const employed = (yuan: number) => monthlyDuesFen({ category: 'employed', baseFen: Math.round(yuan * 100) });
const retired = (yuan: number) => monthlyDuesFen({ category: 'retired', baseFen: Math.round(yuan * 100) });

describe('dues rates', () => {
  it('charges 5400 元 at 1.5% of the whole base: 81.00 元', () => {
    expect(employed(5400)).toBe(8100);
  });

  it.each([
    [0, 0],
    [0.01, 0],
    [1, 1], // 0.5 fen rounds half up
    [3000, 1500], // top of band 1 inclusive: 0.5%
    [3000.01, 3000], // 1%
    [5000, 5000], // top of band 2 inclusive: 1%
    [5000.01, 7500], // 1.5%
    [10000, 15000], // top of band 3 inclusive: 1.5%
    [10000.01, 20000], // 2%
    [25000, 50000],
  ])('employed base %s 元 pays %s fen', (yuan, fen) => {
    expect(employed(yuan)).toBe(fen);
  });

  it.each([
    [3000, 1500],
    [5000, 2500], // 0.5% up to and including 5000
    [5000.01, 5000], // 1% above
    [12000, 12000],
  ])('retired pension %s 元 pays %s fen', (yuan, fen) => {
    expect(retired(yuan)).toBe(fen);
  });

  it('gives the band rate in basis points at each edge', () => {
    expect([300_000, 300_001, 500_000, 500_001, 1_000_000, 1_000_001].map((b) => duesRateBp('employed', b))).toEqual([50, 100, 100, 150, 150, 200]);
  });

  it('charges students, unemployed and 低保 members 0.2 元 whatever their income', () => {
    for (const category of ['student', 'unemployed', 'dibao'] as const) expect(monthlyDuesFen({ category, baseFen: 900_000 })).toBe(20);
  });

  it('keeps farmers within 0.2–1 元', () => {
    expect(monthlyDuesFen({ category: 'farmer' })).toBe(20);
    expect(monthlyDuesFen({ category: 'farmer', farmerFen: 50 })).toBe(50);
    expect(monthlyDuesFen({ category: 'farmer', farmerFen: 500 })).toBe(100);
    expect(monthlyDuesFen({ category: 'farmer', farmerFen: 1 })).toBe(20);
  });

  it('refuses a negative or fractional base', () => {
    expect(() => monthlyDuesFen({ category: 'employed', baseFen: -1 })).toThrow(RangeError);
    expect(() => monthlyDuesFen({ category: 'employed', baseFen: 1.5 })).toThrow(RangeError);
  });

  it('formats fen as yuan', () => {
    expect(formatYuan(8100)).toBe('81.00');
    expect(formatYuan(20)).toBe('0.20');
    expect(formatYuan(-5)).toBe('-0.05');
  });

  it('bills by the Beijing month', () => {
    expect(billingMonthOf(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(billingMonthOf(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(monthDueAt('2026-11').toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });
});
